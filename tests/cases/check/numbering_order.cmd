check --format json @DIR@/numbering_order.txt
