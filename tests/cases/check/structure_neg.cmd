check --format json @DIR@/structure_neg.txt
