check --format json @DIR@/structure_part_missing.txt
