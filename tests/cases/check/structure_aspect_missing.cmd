check --format json @DIR@/structure_aspect_missing.txt
