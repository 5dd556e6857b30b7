parse --format json @DIR@/not_markers.txt
