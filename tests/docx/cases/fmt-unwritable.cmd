fmt @FIX@/table.docx -o @OUT@/no/such/dir/x.docx
