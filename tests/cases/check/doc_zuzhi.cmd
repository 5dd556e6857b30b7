check --format json @DIR@/doc_zuzhi.txt
