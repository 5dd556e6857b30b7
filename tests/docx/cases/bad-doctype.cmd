text @FIX@/doctype.docx
