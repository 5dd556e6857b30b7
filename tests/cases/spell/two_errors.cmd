check --rules 'spell.*' --format json @DIR@/two_errors.txt
