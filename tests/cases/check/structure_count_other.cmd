check --format json @DIR@/structure_count_other.txt
