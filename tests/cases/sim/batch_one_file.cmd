batch @DIR@/query.txt
