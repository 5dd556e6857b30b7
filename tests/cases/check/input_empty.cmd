check @DIR@/input_empty.txt
