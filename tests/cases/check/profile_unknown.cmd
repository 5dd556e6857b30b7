check --profile zhuti-2099 @DIR@/repeat_pos.txt
