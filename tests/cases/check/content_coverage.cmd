check --format json @DIR@/content_coverage.txt
