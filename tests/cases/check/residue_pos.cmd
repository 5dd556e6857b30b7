check --format json --rules text.residue @DIR@/residue_pos.txt
