check --format json @DIR@/placeholder_neg.txt
