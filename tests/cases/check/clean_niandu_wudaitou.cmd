check @DIR@/clean_niandu_wudaitou.txt
