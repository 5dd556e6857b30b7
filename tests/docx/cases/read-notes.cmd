text --part notes @FIX@/headers.docx
