check --format json --profile niandu-2023 @DIR@/structure_neg.txt
