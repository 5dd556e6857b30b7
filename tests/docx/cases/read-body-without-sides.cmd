text @FIX@/headers.docx
