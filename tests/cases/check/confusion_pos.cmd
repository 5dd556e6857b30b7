check --format json --rules text.confusion @DIR@/confusion_pos.txt
