parse --max-size -5M @DIR@/bom.txt
