batch --no-mtime @DIR@/own.txt @DIR@/query.txt @DIR@/tpl_a.txt @DIR@/tpl_b.txt
