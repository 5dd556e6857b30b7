check --format json --rules formulation.* @DIR@/formulation_compressed.txt
