parse @DIR@/big5.txt
