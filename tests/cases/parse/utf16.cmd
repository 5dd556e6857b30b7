parse --format json @DIR@/utf16.txt
