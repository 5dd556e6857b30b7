batch --threshold nan @DIR@/query.txt @DIR@/tpl_a.txt
