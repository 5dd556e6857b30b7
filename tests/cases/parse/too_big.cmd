parse --max-size 10 @DIR@/l1_variants.txt
