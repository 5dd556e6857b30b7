fix @FIX@/table.docx -o @OUT@/x.docx --edits @FIX@/../no-such.json
