parse --format xml @DIR@/empty.txt
