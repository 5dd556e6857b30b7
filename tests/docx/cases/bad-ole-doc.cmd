text @FIX@/old.doc
