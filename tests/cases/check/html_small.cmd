check --format html @DIR@/html_small.txt
