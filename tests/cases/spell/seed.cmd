check --rules 'spell.*' --format json @SHARED@/seed/000_1a5eb086ddff5998.txt
