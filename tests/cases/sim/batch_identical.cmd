batch --no-mtime @DIR@/query.txt @DIR@/query_gbk.txt
