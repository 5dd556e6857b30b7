new --profile no-such -o @OUT@/x.docx
