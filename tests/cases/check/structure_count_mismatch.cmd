check --format json @DIR@/structure_count_mismatch.txt
