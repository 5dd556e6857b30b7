check --format json @DIR@/doc_markdown.md
