check --format json @DIR@/doc_gb18030_crlf.txt
