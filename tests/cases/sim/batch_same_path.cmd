batch --no-mtime @DIR@/query.txt @DIR@/query.txt @DIR@/tpl_a.txt
