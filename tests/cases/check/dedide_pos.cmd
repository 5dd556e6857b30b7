check --format json --rules text.de-di-de @DIR@/dedide_pos.txt
