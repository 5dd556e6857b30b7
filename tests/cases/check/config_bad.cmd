check --config @DIR@/bad_config.json @DIR@/repeat_pos.txt
