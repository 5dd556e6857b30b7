check --format json @DIR@/dedide_neg.txt
