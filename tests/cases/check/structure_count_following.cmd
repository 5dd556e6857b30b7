check --format json @DIR@/structure_count_following.txt
