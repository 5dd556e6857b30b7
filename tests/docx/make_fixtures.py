#!/usr/bin/python3
"""Build the .docx fixtures of the docx tests (inputs for golden cases, fuzz seeds).

Usage: make_fixtures.py OUTDIR

Every package is written here from XML strings with the standard library, so the tests
depend on no binary file and each fixture shows exactly the markup it exercises. The text
is made up for the tests (it is not the seed's).
"""
import os
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' \
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' \
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'

CT = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
%s</Types>'''

RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>'''

PART_TYPES = {
    'numbering': ('application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml',
                  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering'),
    'styles': ('application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
               'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles'),
    'settings': ('application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
                 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings'),
    'header1': ('application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
                'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header'),
    'footer1': ('application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
                'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer'),
    'footnotes': ('application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml',
                  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes'),
}


def docx(path, body, parts=None, sect=''):
    """Write a package: body is the inner XML of w:body; parts maps names (see PART_TYPES)
    to the inner XML of their root element."""
    parts = parts or {}
    overrides, rels = '', ''
    for i, (name, inner) in enumerate(sorted(parts.items())):
        ctype, rtype = PART_TYPES[name]
        overrides += '<Override PartName="/word/%s.xml" ContentType="%s"/>\n' % (name, ctype)
        rels += '<Relationship Id="rId%d" Type="%s" Target="%s.xml"/>\n' % (i + 10, rtype, name)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT % overrides)
        z.writestr('_rels/.rels', RELS)
        z.writestr('word/_rels/document.xml.rels',
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % rels)
        z.writestr('word/document.xml',
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s%s</w:body></w:document>' % (W, body, sect))
        roots = {'numbering': 'numbering', 'styles': 'styles', 'settings': 'settings', 'header1': 'hdr',
                 'footer1': 'ftr', 'footnotes': 'footnotes'}
        for name, inner in parts.items():
            z.writestr('word/%s.xml' % name, '<?xml version="1.0" encoding="UTF-8"?><w:%s %s>%s</w:%s>' % (roots[name], W, inner, roots[name]))


def p(text, ppr=''):
    return '<w:p>%s<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (('<w:pPr>%s</w:pPr>' % ppr) if ppr else '', text)


def num(num_id, ilvl):
    return '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (ilvl, num_id)


def lvl(i, fmt, text, start=1, extra=''):
    return '<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>%s</w:lvl>' % (i, start, fmt, text, extra)


def numbered(out):
    numbering = (
        '<w:abstractNum w:abstractNumId="0">' + lvl(0, 'chineseCounting', '%1、') + lvl(1, 'chineseCounting', '（%2）')
        + lvl(2, 'decimal', '%3.') + lvl(3, 'decimal', '（%4）') + '</w:abstractNum>'
        + '<w:abstractNum w:abstractNumId="1">' + lvl(0, 'chineseCountingThousand', '第%1条') + '</w:abstractNum>'
        + '<w:abstractNum w:abstractNumId="2">' + lvl(0, 'ideographTraditional', '%1.') + lvl(1, 'decimalEnclosedCircle', '%2')
        + '</w:abstractNum>'
        + '<w:abstractNum w:abstractNumId="3">' + lvl(0, 'bullet', '\uf0b7') + '</w:abstractNum>'
        + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        + '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        + '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
        + '<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
        + '<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>')
    # Heading 1 carries its numbering in the style (level 0 of numId 1), as Word's heading styles do.
    styles = ('<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr>' + num(1, 0) + '</w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>')
    body = (p('关于测试自动编号的说明')
            + p('存在问题', '<w:pStyle w:val="Heading1"/>')
            + p('理论学习方面', num(1, 1))
            + p('学习不够深入', num(1, 2))
            + p('细节一', num(1, 3))
            + p('细节二', num(1, 3))
            + p('学用结合不紧', num(1, 2))
            + p('政治素质方面', num(1, 1))
            + p('第二个第三级，从1重新开始', num(1, 2))
            + p('原因剖析', '<w:pStyle w:val="MyHeading"/>')
            + p('继承样式编号的标题', num(1, 1))
            + p('另一个实例，第三级从5开始', num(4, 2))
            + ''.join(p('条款%d' % i, num(2, 0)) for i in range(1, 13))
            + p('甲项', num(3, 0)) + p('圈一', num(3, 1)) + p('圈二', num(3, 1)) + p('乙项', num(3, 0))
            + p('项目符号不输出', num(5, 0))
            + p('取消编号的段落', '<w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr>'))
    docx(os.path.join(out, 'numbered.docx'), body, {'numbering': numbering, 'styles': styles})


def table(out):
    cell = lambda *ps: '<w:tc>' + ''.join(p(x) for x in ps) + '</w:tc>'
    body = (p('表格之前的段落')
            + '<w:tbl><w:tblPr/><w:tr>' + cell('姓名') + cell('职务') + '</w:tr>'
            + '<w:tr>' + cell('张三') + cell('处长', '分管综合') + '</w:tr>'
            + '<w:tr><w:tc><w:tbl><w:tr>' + cell('嵌套表格') + '</w:tr></w:tbl>' + p('') + '</w:tc>' + cell('末格') + '</w:tr></w:tbl>'
            + p('表格之后的段落'))
    docx(os.path.join(out, 'table.docx'), body)


def tracked(out):
    rev = 'w:author="审阅人" w:date="2024-01-01T00:00:00Z"'
    body = ('<w:p><w:r><w:t>对照检查</w:t></w:r><w:ins w:id="1" %s><w:r><w:t>材料</w:t></w:r></w:ins>'
            '<w:del w:id="2" %s><w:r><w:delText>草稿</w:delText></w:r></w:del></w:p>' % (rev, rev)
            + '<w:p><w:r><w:t>一是学习</w:t></w:r><w:del w:id="3" %s><w:r><w:delText>以学</w:delText></w:r></w:del>'
              '<w:r><w:t>以学铸魂</w:t></w:r></w:p>' % rev
            + '<w:p><w:pPr><w:rPr><w:del w:id="4" %s/></w:rPr></w:pPr><w:r><w:t>段落标记被删除，</w:t></w:r></w:p>' % rev
            + p('与下一段合并。')
            + '<w:p><w:moveFrom w:id="5" %s><w:r><w:t>移走的文字</w:t></w:r></w:moveFrom><w:r><w:t>保留</w:t></w:r>'
              '<w:moveTo w:id="6" %s><w:r><w:t>移来的文字</w:t></w:r></w:moveTo></w:p>' % (rev, rev)
            + '<w:p><w:r><w:t>制表</w:t><w:tab/><w:t>换行</w:t><w:br/><w:t>符号</w:t><w:sym w:font="Wingdings" w:char="F0FC"/>'
              '<w:t>后</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>'
            + '<w:p><w:r><w:t>文本框</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
              '<w:txbxContent>' + p('框内文字') + '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
              '<mc:Fallback><w:pict><w:txbxContent>' + p('框内文字') + '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
              '<w:r><w:t>之后</w:t></w:r></w:p>'
            + '<w:p><w:r><w:t xml:space="preserve">第 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
              '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
              '<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p>'
            + '<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="7" %s><w:rPr/></w:rPrChange></w:rPr><w:t>格式修订</w:t></w:r></w:p>' % rev)
    docx(os.path.join(out, 'tracked.docx'), body)


def headers(out):
    body = ('<w:p><w:r><w:t>正文第一段</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>。</w:t></w:r></w:p>'
            + p('正文第二段'))
    parts = {'header1': p('页眉：某单位文件'), 'footer1': p('页脚文字'),
             'footnotes': '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                          '<w:footnote w:id="1">' + p('脚注内容') + '</w:footnote>'}
    sect = '<w:sectPr><w:headerReference w:type="default" r:id="rId11"/><w:footerReference w:type="default" r:id="rId10"/></w:sectPr>'
    docx(os.path.join(out, 'headers.docx'), body, parts, sect)


def protected(out):
    # The attributes Word 2013+ writes for read-only protection; hash and salt are the
    # Word-authored values of Apache POI's bug56076.docx (password "Example", SHA-1).
    settings = ('<w:documentProtection w:edit="readOnly" w:enforcement="1" w:cryptProviderType="rsaFull" '
                'w:cryptAlgorithmClass="hash" w:cryptAlgorithmType="typeAny" w:cryptAlgorithmSid="4" '
                'w:cryptSpinCount="100000" w:hash="MUHbcmpC9AnlLsd9v3lW0j30y6E=" w:salt="2Z+i7o/0EZyUNakVeWzU/w=="/>')
    docx(os.path.join(out, 'protected.docx'), p('受保护的文档照常读取') + p('第二段'), {'settings': settings})


def bad(out):
    good = os.path.join(out, 'table.docx')
    data = open(good, 'rb').read()
    open(os.path.join(out, 'corrupt.docx'), 'wb').write(data[:len(data) // 2])
    # A zip bomb: 20 MiB of one character compresses about 1000:1.
    with zipfile.ZipFile(os.path.join(out, 'bomb.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT % '')
        z.writestr('word/document.xml', '<w:document %s><w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>'
                   % (W, 'a' * (20 << 20)))
    # Headers that lie: a stored 100-byte document.xml claiming 300 MiB (local header and
    # central directory patched), refused before anything is inflated.
    path = os.path.join(out, 'liar.docx')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_STORED) as z:
        z.writestr('word/document.xml', '<w:document %s><w:body/></w:document>' % W)
    data = bytearray(open(path, 'rb').read())
    big = (300 << 20).to_bytes(4, 'little')
    data[22:26] = big                                  # local file header: uncompressed size
    cd = data.rfind(b'PK\x01\x02')
    data[cd + 24:cd + 28] = big                        # central directory: uncompressed size
    open(path, 'wb').write(bytes(data))
    with zipfile.ZipFile(os.path.join(out, 'nodoc.docx'), 'w') as z:
        z.writestr('[Content_Types].xml', CT % '')
        z.writestr('xl/workbook.xml', '<workbook/>')
    with zipfile.ZipFile(os.path.join(out, 'badxml.docx'), 'w') as z:
        z.writestr('[Content_Types].xml', CT % '')
        z.writestr('word/document.xml', '<w:document %s><w:body><w:p><w:r><w:t>未闭合\n</w:r></w:p></w:body>' % W)
    with zipfile.ZipFile(os.path.join(out, 'doctype.docx'), 'w') as z:
        z.writestr('word/document.xml', '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                   '<w:document %s><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>' % W)
    # An OLE compound file header (.doc / .wps), and one naming an EncryptedPackage stream
    # in its directory (UTF-16LE), which is how a password-encrypted .docx looks.
    ole = b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' + b'\0' * 504
    open(os.path.join(out, 'old.doc'), 'wb').write(ole + 'WordDocument'.encode('utf-16-le') + b'\0' * 64)
    open(os.path.join(out, 'encrypted.docx'), 'wb').write(ole + 'EncryptedPackage'.encode('utf-16-le') + b'\0' * 64)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for f in (numbered, table, tracked, headers, protected, bad):
        f(out)
    open(os.path.join(out, 'no-edits.json'), 'w').write('[]')


if __name__ == '__main__':
    main()
