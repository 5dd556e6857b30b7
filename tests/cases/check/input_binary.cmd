check @DIR@/../parse/binary.bin
