check --format json @DIR@/formulation_neg.txt
