text @FIX@/numbered.docx
