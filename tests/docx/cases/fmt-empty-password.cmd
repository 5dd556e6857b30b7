fmt @FIX@/table.docx -o @OUT@/x.docx --protect ""
