new --profile zhuti-2023 -o @OUT@/x.docx
