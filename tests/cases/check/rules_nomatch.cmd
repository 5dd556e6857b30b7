check --rules 'txet.*' @DIR@/repeat_pos.txt
