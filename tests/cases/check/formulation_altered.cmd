check --format json --rules formulation.* @DIR@/formulation_altered.txt
