check --format json @DIR@/repeat_neg.txt
