check --format html -
