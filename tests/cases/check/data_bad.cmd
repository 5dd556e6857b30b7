check --data-dir @DIR@/data_bad @DIR@/data_custom.txt
