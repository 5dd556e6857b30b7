check @DIR@/doc_zhuti_arabic.txt
