batch --no-mtime --format json @DIR@/query.txt @DIR@/query_gbk.txt
