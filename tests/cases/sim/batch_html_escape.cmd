batch --no-mtime --format html @DIR@/esc_a.txt @DIR@/esc_b.txt
