parse --format json @DIR@/empty.txt
