check --format json @DIR@/input_blank.txt
