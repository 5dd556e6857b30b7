check --format json @DIR@/structure_aspect_extra.txt
