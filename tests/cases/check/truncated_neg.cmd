check --format json @DIR@/truncated_neg.txt
