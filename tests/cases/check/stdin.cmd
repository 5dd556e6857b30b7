check --format json -
