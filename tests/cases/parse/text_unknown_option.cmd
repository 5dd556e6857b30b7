text --bogus @DIR@/bom.txt
