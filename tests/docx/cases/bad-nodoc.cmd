text @FIX@/nodoc.docx
