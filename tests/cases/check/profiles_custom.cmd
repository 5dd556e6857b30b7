profiles --data-dir @DIR@/data_custom
