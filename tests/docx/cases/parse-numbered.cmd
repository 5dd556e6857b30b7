parse @FIX@/numbered.docx
