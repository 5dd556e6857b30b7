check --format json @DIR@/structure_aspect_renamed.txt
