check --format json --rules formulation.* @DIR@/formulation_name.txt
