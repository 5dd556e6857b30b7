check --format json --rules text.truncated @DIR@/truncated_pos.txt
