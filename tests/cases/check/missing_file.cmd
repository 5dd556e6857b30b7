check @DIR@/no_such_file.txt
