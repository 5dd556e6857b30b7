check --format json @DIR@/numbering_mixed.txt
