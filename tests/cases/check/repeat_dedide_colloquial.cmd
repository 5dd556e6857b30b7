check --format json --rules text.* @DIR@/repeat_dedide_colloquial.txt
