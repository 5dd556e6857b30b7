parse --format json @DIR@/crlf.txt
