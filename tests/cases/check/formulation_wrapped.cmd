check --format json --rules formulation.* @DIR@/formulation_wrapped.txt
