parse --format json @DIR@/bom.txt
