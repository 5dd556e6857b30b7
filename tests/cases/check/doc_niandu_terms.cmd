check @DIR@/doc_niandu_terms.txt
