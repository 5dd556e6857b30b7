check --format json @DIR@/content_empty_section.txt
