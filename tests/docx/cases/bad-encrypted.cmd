fmt @FIX@/encrypted.docx -o @OUT@/x.docx
