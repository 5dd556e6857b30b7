check --format json --data-dir @DIR@/data_custom @DIR@/data_custom.txt
