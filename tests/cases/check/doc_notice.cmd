check --format json @DIR@/doc_notice.txt
