check --format xml @DIR@/repeat_pos.txt
