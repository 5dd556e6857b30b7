parse @DIR@/old.doc
