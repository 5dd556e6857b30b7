check --rules 'spell.*' --format json @DIR@/vocab.txt
