check --format json --rules text.repeat @DIR@/repeat_pos.txt
