check --rules 'spell.*' --format json @DIR@/golden.txt
