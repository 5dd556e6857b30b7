check --format json --rules formulation.* @DIR@/formulation_missing.txt
