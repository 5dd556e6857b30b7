batch --no-mtime @DIR@/../check/clean_niandu_wudaitou.txt @DIR@/../check/doc_niandu_terms.txt
