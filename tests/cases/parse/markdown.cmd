parse --format json @DIR@/markdown.md
