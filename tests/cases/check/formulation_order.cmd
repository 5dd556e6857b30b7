check --format json --rules formulation.* @DIR@/formulation_order.txt
