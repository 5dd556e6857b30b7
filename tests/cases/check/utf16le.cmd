check --format json @DIR@/utf16le.txt
