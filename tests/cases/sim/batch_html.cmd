batch --no-mtime --format html @DIR@/query.txt @DIR@/tpl_b.txt
