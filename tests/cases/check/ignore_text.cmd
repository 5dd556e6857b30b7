check --format json --ignore 'text.*' @DIR@/config_ok.txt
