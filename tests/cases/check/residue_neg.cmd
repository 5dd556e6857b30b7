check --format json @DIR@/residue_neg.txt
