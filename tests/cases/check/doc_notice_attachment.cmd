check @DIR@/../parse/notice_attachment.txt
