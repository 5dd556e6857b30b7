parse --format json @DIR@/mixed.txt
