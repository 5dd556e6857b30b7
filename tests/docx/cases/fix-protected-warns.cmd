fix @FIX@/protected.docx -o @OUT@/x.docx --tracked --edits @FIX@/no-edits.json
