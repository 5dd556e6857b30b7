text @FIX@/liar.docx
