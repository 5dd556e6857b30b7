corpus frobnicate --db /tmp/dz-case-unused.db
