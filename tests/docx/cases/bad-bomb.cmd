text @FIX@/bomb.docx
