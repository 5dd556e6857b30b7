parse --format json @DIR@/brackets.txt
