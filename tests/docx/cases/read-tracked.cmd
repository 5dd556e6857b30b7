text @FIX@/tracked.docx
