parse @DIR@/utf8_damaged_early.txt
