check --format json --rules text.placeholder @DIR@/placeholder_pos.txt
