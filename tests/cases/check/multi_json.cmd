check --format json --rules text.repeat,text.confusion @DIR@/repeat_pos.txt @DIR@/confusion_pos.txt
