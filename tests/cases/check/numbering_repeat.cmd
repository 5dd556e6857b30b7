check --format json @DIR@/numbering_repeat.txt
