text --part headers @FIX@/headers.docx
