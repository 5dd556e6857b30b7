parse @DIR@/truncated.txt
