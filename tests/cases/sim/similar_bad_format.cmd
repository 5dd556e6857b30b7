similar --format xml @DIR@/query.txt
