parse @DIR@/does-not-exist.txt
