text @FIX@/table.docx
