check --format json examples/sample.txt
