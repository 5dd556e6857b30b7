check --format json @DIR@/truncated_point.txt
