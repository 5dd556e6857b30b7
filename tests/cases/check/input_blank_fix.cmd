fix @DIR@/input_blank.txt -o /dev/null
