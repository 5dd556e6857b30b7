parse --format json @DIR@/l1_variants.txt
