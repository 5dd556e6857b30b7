check --format json @DIR@/numbering_gap.txt
