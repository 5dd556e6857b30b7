check --format json @DIR@/confusion_neg.txt
