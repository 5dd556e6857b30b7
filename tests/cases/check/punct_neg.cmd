check --format json @DIR@/punct_neg.txt
