text @FIX@/protected.docx
