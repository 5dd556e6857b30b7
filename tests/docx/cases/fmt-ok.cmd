fmt @FIX@/numbered.docx -o @OUT@/x.docx --protect 密码
