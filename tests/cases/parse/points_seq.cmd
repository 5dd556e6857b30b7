parse --format json @DIR@/points_seq.txt
