check --format json @DIR@/numbering_levels.txt
