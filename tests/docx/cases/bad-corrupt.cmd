text @FIX@/corrupt.docx
