fmt @FIX@/table.docx
