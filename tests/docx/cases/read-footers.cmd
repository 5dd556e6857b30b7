text --part footers @FIX@/headers.docx
