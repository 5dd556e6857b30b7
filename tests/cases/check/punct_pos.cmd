check --format json --rules text.punct @DIR@/punct_pos.txt
