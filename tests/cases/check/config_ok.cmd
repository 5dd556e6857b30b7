check --format json --config @DIR@/good_config.json @DIR@/config_ok.txt
