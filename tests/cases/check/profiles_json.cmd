profiles --format json
