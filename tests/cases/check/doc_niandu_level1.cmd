check --format json @DIR@/doc_niandu_level1.txt
