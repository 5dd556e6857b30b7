check --rules 'spell.*' @DIR@/user_dict.txt
