fmt @DIR@/input_empty.txt -o /dev/null
