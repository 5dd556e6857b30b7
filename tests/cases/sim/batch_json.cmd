batch --no-mtime --format json @DIR@/query.txt @DIR@/tpl_a.txt @DIR@/tpl_b.txt @DIR@/embed.txt
