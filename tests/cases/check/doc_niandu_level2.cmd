check --format json @DIR@/doc_niandu_level2.txt
