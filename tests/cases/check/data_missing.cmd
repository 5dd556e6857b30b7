check --data-dir @DIR@/no_such_dir @DIR@/data_custom.txt
