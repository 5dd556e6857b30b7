check --rules 'spell.*' --config @DIR@/user_dict.json --format json @DIR@/user_dict.txt
