parse --format json @DIR@/gbk.txt
