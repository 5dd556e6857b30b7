batch --no-mtime --format json @SHARED@/bench/sim/report20.a.txt @SHARED@/bench/sim/rural2018.txt
