check --format json --rules structure.* @DIR@/structure_count_daitou.txt
