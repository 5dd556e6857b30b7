check --format json @DIR@/content_no_specifics.txt
