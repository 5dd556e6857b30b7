check @DIR@/clean_zuzhi_sijianshi.txt
