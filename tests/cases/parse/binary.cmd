parse @DIR@/binary.bin
