check examples/sample.txt
