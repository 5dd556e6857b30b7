parse @DIR@/notice_attachment.txt
