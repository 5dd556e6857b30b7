batch @DIR@/query.txt @DIR@/../sim/query.txt
