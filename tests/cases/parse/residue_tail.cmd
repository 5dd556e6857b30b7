parse --format json @DIR@/residue_tail.txt
