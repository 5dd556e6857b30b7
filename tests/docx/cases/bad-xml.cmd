text @FIX@/badxml.docx
