check --list-rules
