parse --format json examples/sample.txt
