parse --format json @DIR@/no_headings.txt
