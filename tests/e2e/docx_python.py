#!/usr/bin/python3
"""An independent reader (python-docx, Debian python3-docx) opens every .docx duizhao writes.

Checks: page size, margins and grid; fonts and sizes per level; footers with the PAGE field,
right on odd pages and left on even; the edit-protection hash recomputed with hashlib; the
number of revisions and comments written by `fix`, and that accepting all revisions gives the
corrected text; that a fixed .docx keeps its other parts byte for byte; the `new` skeleton.
"""
import base64
import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile

import docx
from docx.oxml.ns import qn

SRC = os.environ.get('DZ_SOURCE_DIR', '.')
BIN = os.environ.get('DZ_BIN', os.path.join(SRC, 'build/duizhao'))
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print('FAIL:', what)


def run(*args, ok=True):
    p = subprocess.run([BIN] + list(args), capture_output=True, text=True)
    if ok and p.returncode != 0:
        print(p.stderr)
        raise SystemExit('duizhao %s failed: %d' % (' '.join(args), p.returncode))
    return p


SAMPLE = '''测试公文排版的标题
按照要求，现将有关情况报告如下：
一、存在问题
（一）理论学习方面。
一是学习以学以学不够深入。对述求回应不足。
1.三级标题
（1）四级标题
二、整改措施
一是抓的不够紧的要抓紧。
'''

LEVEL_FONT = {'Title': '方正小标宋简体', 'Heading 1': '黑体', 'Heading 2': '楷体_GB2312',
              'Heading 3': '仿宋_GB2312', 'Heading 4': '仿宋_GB2312', 'Normal': '仿宋_GB2312'}


def east_asia(run):
    rpr = run._element.rPr
    return rpr.rFonts.get(qn('w:eastAsia')) if rpr is not None and rpr.rFonts is not None else None


def check_layout(path, all_levels=True):
    check_order(path)
    d = docx.Document(path)
    body = d.element.body
    sect = body.find(qn('w:sectPr'))
    pg = sect.find(qn('w:pgSz'))
    mar = sect.find(qn('w:pgMar'))
    grid = sect.find(qn('w:docGrid'))
    check((pg.get(qn('w:w')), pg.get(qn('w:h'))) == ('11906', '16838'), 'A4 page in twips')
    got = {k: mar.get(qn('w:' + k)) for k in ('top', 'bottom', 'left', 'right')}
    check(got == {'top': '2098', 'bottom': '1984', 'left': '1587', 'right': '1474'}, 'margins 37/35/28/26 mm: %s' % got)
    s = d.sections[0]
    for name, mm in (('top_margin', 37), ('bottom_margin', 35), ('left_margin', 28), ('right_margin', 26)):
        check(abs(getattr(s, name).mm - mm) < 0.05, '%s is %s mm' % (name, mm))
    check(grid.get(qn('w:type')) == 'linesAndChars' and grid.get(qn('w:linePitch')) == '579'
          and grid.get(qn('w:charSpace')) == '-842', 'grid 22 lines x 28 chars')
    # 22 lines of 579 twips fit the 12756-twip text height, 23 do not; 28 characters of
    # 320 + (-842 * 20 / 4096) twips fit the 8845-twip width, 29 do not.
    height, width = 16838 - 2098 - 1984, 11906 - 1587 - 1474
    pitch = 320 + (-842 * 20 / 4096)
    check(22 * 579 <= height < 23 * 579 and 28 * pitch <= width < 29 * pitch, 'grid arithmetic')
    seen = set()
    for p in d.paragraphs:
        if not p.runs:
            continue
        st = p.style.name
        seen.add(st)
        for r in p.runs:
            if not r.text:  # a comment reference mark
                continue
            check(east_asia(r) == LEVEL_FONT[st], '%s font %s for %r' % (st, east_asia(r), p.text[:10]))
            check(r.font.name == 'Times New Roman', 'Latin font for %r' % p.text[:10])
            want = 22 if st == 'Title' else 16
            check(r.font.size is not None and r.font.size.pt == want, '%s size %s' % (st, r.font.size))
        if st == 'Title':
            check(p.alignment == 1, 'title centred')
        else:
            ind = p._element.pPr.find(qn('w:ind'))
            check(ind is not None and ind.get(qn('w:firstLineChars')) == '200', 'first-line indent 2 chars: %r' % p.text[:10])
    for st in ('Title', 'Heading 1', 'Heading 2', 'Heading 3', 'Heading 4', 'Normal'):
        check(st in seen or not all_levels, 'a %s paragraph exists' % st)
        style = d.styles[st]
        check(style.element.rPr.rFonts.get(qn('w:eastAsia')) == LEVEL_FONT[st], 'style %s font' % st)
    check(d.settings.odd_and_even_pages_header_footer, 'w:evenAndOddHeaders')
    odd, even = s.footer, s.even_page_header and s.even_page_footer
    for f, align, side in ((odd, 2, 'right'), (even, 0, 'left')):
        p = f.paragraphs[0]
        xml = p._element.xml
        check(p.alignment == align, 'footer %s aligned' % side)
        check('PAGE' in xml and 'fldChar' in xml, 'footer %s has a PAGE field' % side)
        check(p.text.startswith('— ') and p.text.endswith(' —'), 'footer %s reads — n —: %r' % (side, p.text))
        for r in p.runs:
            check(east_asia(r) == '宋体' and r.font.size.pt == 14, 'footer %s in 4号 宋体' % side)
    return d


# Child order of the elements we write, from the ECMA-376 schema (CT_PPrBase, CT_RPr,
# CT_SectPr, CT_Settings, CT_Style): Word refuses a file whose children are out of order.
ORDER = {
    'pPr': 'pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs '
           'suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd '
           'snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment '
           'textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange',
    'rPr': 'rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid '
           'vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs '
           'em lang eastAsianLayout specVanish oMath',
    'sectPr': 'headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType '
              'pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings',
    'settings': 'writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries '
                'displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData '
                'embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges '
                'bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors '
                'hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate linkStyles '
                'stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView trackRevisions '
                'doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme '
                'styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone '
                'doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders '
                'bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing '
                'drawingGridVerticalSpacing displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery '
                'doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin '
                'doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars '
                'noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema saveInvalidXml '
                'ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving '
                'saveThroughXslt showXMLTags alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr '
                'endnotePr compat docVars rsids mathPr attachedSchema themeFontLang clrSchemeMapping',
    'style': 'name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked '
             'personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr',
}


def check_order(path):
    from lxml import etree
    W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.endswith('.xml'):
                continue
            root = etree.fromstring(z.read(name))
            for el in root.iter():
                local = el.tag[len(W):] if isinstance(el.tag, str) and el.tag.startswith(W) else None
                if local not in ORDER:
                    continue
                seq = ORDER[local].split()
                idx = [seq.index(c.tag[len(W):]) for c in el if isinstance(c.tag, str) and c.tag.startswith(W)
                       and c.tag[len(W):] in seq]
                check(idx == sorted(idx), '%s: children of w:%s in schema order: %r' % (name, local, [c.tag[len(W):] for c in el]))


def word_hash(password, salt, spin, alg):
    """Word's protection hash, written from ECMA-376 Part 4 2.15.1.28 independently of the C code."""
    ic = (0xE1F0, 0x1D0F, 0xCC9C, 0x84C0, 0x110C, 0x0E10, 0xF1CE, 0x313E, 0x1872, 0xE139, 0xD40F, 0x84F9, 0x280C, 0xA96A, 0x4EC3)
    m = ((0xAEFC, 0x4DD9, 0x9BB2, 0x2745, 0x4E8A, 0x9D14, 0x2A09), (0x7B61, 0xF6C2, 0xFDA5, 0xEB6B, 0xC6F7, 0x9DCF, 0x2BBF),
         (0x4563, 0x8AC6, 0x05AD, 0x0B5A, 0x16B4, 0x2D68, 0x5AD0), (0x0375, 0x06EA, 0x0DD4, 0x1BA8, 0x3750, 0x6EA0, 0xDD40),
         (0xD849, 0xA0B3, 0x5147, 0xA28E, 0x553D, 0xAA7A, 0x44D5), (0x6F45, 0xDE8A, 0xAD35, 0x4A4B, 0x9496, 0x390D, 0x721A),
         (0xEB23, 0xC667, 0x9CEF, 0x29FF, 0x53FE, 0xA7FC, 0x5FD9), (0x47D3, 0x8FA6, 0x0F6D, 0x1EDA, 0x3DB4, 0x7B68, 0xF6D0),
         (0xB861, 0x60E3, 0xC1C6, 0x93AD, 0x377B, 0x6EF6, 0xDDEC), (0x45A0, 0x8B40, 0x06A1, 0x0D42, 0x1A84, 0x3508, 0x6A10),
         (0xAA51, 0x4483, 0x8906, 0x022D, 0x045A, 0x08B4, 0x1168), (0x76B4, 0xED68, 0xCAF1, 0x85C3, 0x1BA7, 0x374E, 0x6E9C),
         (0x3730, 0x6E60, 0xDCC0, 0xA9A1, 0x4363, 0x86C6, 0x1DAD), (0x3331, 0x6662, 0xCCC4, 0x89A9, 0x0373, 0x06E6, 0x0DCC),
         (0x1021, 0x2042, 0x4084, 0x8108, 0x1231, 0x2462, 0x48C4))
    units = password.encode('utf-16-le')
    b = [units[i] or units[i + 1] for i in range(0, min(len(units), 30), 2)]
    high = ic[len(b) - 1]
    for i, c in enumerate(b):
        for bit in range(7):
            if c >> bit & 1:
                high ^= m[15 - len(b) + i][bit]
    low = 0
    for c in reversed(b):
        low = (((low >> 14) & 1) | ((low << 1) & 0x7FFF)) ^ c
    low = (((low >> 14) & 1) | ((low << 1) & 0x7FFF)) ^ len(b) ^ 0xCE4B
    key = (high << 16) | low
    text = ''.join('%02X' % ((key >> (8 * i)) & 0xFF) for i in range(4))
    h = hashlib.new(alg, salt + text.encode('utf-16-le')).digest()
    for i in range(spin):
        h = hashlib.new(alg, h + i.to_bytes(4, 'little')).digest()
    return h


def check_protection(path, password):
    d = docx.Document(path)
    prot = d.settings.element.find(qn('w:documentProtection'))
    check(prot is not None, 'documentProtection present')
    a = lambda k: prot.get(qn('w:' + k))
    check((a('edit'), a('enforcement'), a('cryptAlgorithmSid'), a('cryptSpinCount')) == ('readOnly', '1', '14', '100000'),
          'read-only, enforced, SHA-512, 100000 rounds')
    salt = base64.b64decode(a('salt'))
    check(len(salt) == 16, '16-byte salt')
    check(base64.b64decode(a('hash')) == word_hash(password, salt, 100000, 'sha512'), 'hash verifies for the password')
    check(base64.b64decode(a('hash')) != word_hash(password + 'x', salt, 100000, 'sha512'), 'hash rejects another password')
    # The same Python code accepts Word's own file (Apache POI bug56076.docx, SHA-1): see test_docx.c.
    check(base64.b64encode(word_hash('Example', base64.b64decode('2Z+i7o/0EZyUNakVeWzU/w=='), 100000, 'sha1')).decode()
          == 'MUHbcmpC9AnlLsd9v3lW0j30y6E=', 'independent hash reproduces the Word-authored vector')


def revisions(d):
    body = d.element.body
    return len(list(body.iter(qn('w:ins')))), len(list(body.iter(qn('w:del'))))


def accepted_text(d):
    """Accept all revisions: drop w:del, keep w:ins content; text per paragraph."""
    body = d.element.body
    for e in list(body.iter(qn('w:del'))):
        e.getparent().remove(e)
    lines = []
    for p in body.iter(qn('w:p')):
        lines.append(''.join(t.text or '' for t in p.iter(qn('w:t'))))
    return lines


def comments(path):
    with zipfile.ZipFile(path) as z:
        if 'word/comments.xml' not in z.namelist():
            return []
        from lxml import etree
        root = etree.fromstring(z.read('word/comments.xml'))
        return [''.join(root.xpath('string(.)') for _ in [0]) and ''.join(c.itertext()) for c in root.iter(qn('w:comment'))]


def edits_for(text, items):
    b = text.encode()
    out = []
    for needle, rep, msg in items:
        i = b.find(needle.encode())
        assert i >= 0, needle
        e = {'start': i, 'end': i + len(needle.encode()), 'rule': 'test.rule', 'message': msg}
        if rep is not None:
            e['suggestion'] = rep
        out.append(e)
    return out


def main():
    import json
    tmp = tempfile.mkdtemp()
    src = os.path.join(tmp, 'sample.txt')
    open(src, 'w', encoding='utf-8').write(SAMPLE)

    # fmt: layout, fonts, footers; the body reads back line for line.
    out = os.path.join(tmp, 'fmt.docx')
    run('fmt', src, '-o', out)
    check_layout(out)
    back = run('text', out).stdout
    check([l for l in back.split('\n') if l] == [l for l in SAMPLE.split('\n') if l], 'fmt output reads back as the input')

    # The seed (read from the shared folder, never copied): formatted and read back line for line.
    seed = os.path.join(os.environ.get('DZ_SHARED_DIR', os.path.join(SRC, '../shared')), 'seed/000_1a5eb086ddff5998.txt')
    if os.path.exists(seed):
        sd = os.path.join(tmp, 'seed.docx')
        run('fmt', seed, '-o', sd)
        d = check_layout(sd, all_levels=False)
        want = [l.strip() for l in open(seed, encoding='utf-8').read().split('\n') if l.strip()]
        check([l for l in run('text', sd).stdout.split('\n') if l] == want, 'the formatted seed reads back line for line')
        check(d.paragraphs[0].style.name == 'Title', 'the seed title is the title')
        check(sum(1 for p in d.paragraphs if p.style.name == 'Heading 1') == 3, 'three level-1 headings in the seed')
        check(sum(1 for p in d.paragraphs if p.style.name == 'Heading 2') == 6, 'six level-2 headings in the seed')

    # fix with the check engine, on the seed as text and as a .docx we formatted: one comment
    # per finding, and accepting the revisions applies the findings' suggestions (applied here
    # independently from `duizhao check --format json`, skipping overlaps like fix does).
    if os.path.exists(seed):
        for name, path in (('txt', seed), ('docx', os.path.join(tmp, 'seed.docx'))):
            report = json.loads(run('check', '--format', 'json', path, ok=False).stdout)
            body = run('text', path).stdout.encode()
            want, last, applied = body, 0, 0
            edits = sorted((f for f in report['findings']), key=lambda f: (f['start'], f['end']))
            out = bytearray()
            pos = 0
            for f in edits:
                if f['suggestion'] is None or (applied and f['start'] < last):
                    continue
                out += body[pos:f['start']] + f['suggestion'].encode()
                pos, last, applied = f['end'], f['end'], applied + 1
            want = (bytes(out) + body[pos:]).decode()
            fixed_seed = os.path.join(tmp, 'seed-fixed-%s.docx' % name)
            p = run('fix', path, '-o', fixed_seed, '--tracked', ok=False)
            errors = sum(1 for f in report['findings'] if f['severity'] == 'error')
            check(p.returncode == (1 if errors else 0), 'fix exit code follows error findings (%s)' % name)
            check(len(comments(fixed_seed)) == len(report['findings']), 'seed %s: one comment per finding' % name)
            check(applied >= 6, 'seed %s: at least the six known corrections have suggestions' % name)
            got = [l for l in accepted_text(docx.Document(fixed_seed)) if l]
            check(got == [l for l in want.split('\n') if l], 'seed %s: accepted revisions = suggestions applied' % name)
            check(run('text', fixed_seed).stdout.replace('\n\n', '\n') == want.replace('\n\n', '\n') or name == 'txt',
                  'seed %s: duizhao reads the fixed file as corrected' % name)
            for wrong, right in (('以学以学', '以学'), ('述求', '诉求'), ('抓的不够', '抓得不够'), ('不到到位', '不到位'),
                                 ('政治素养方面', '政治素质方面')):
                check(wrong not in '\n'.join(got) and right in '\n'.join(got), 'seed %s: %s -> %s' % (name, wrong, right))

    # fmt --protect
    prot = os.path.join(tmp, 'prot.docx')
    run('fmt', src, '-o', prot, '--protect', 'gwsx2023')
    check_layout(prot)
    check_protection(prot, 'gwsx2023')

    # fix --tracked on text input: revisions + comments; accepting gives the corrected text.
    text = run('text', src).stdout
    items = [('以学以学', '以学', '重复'), ('述求', '诉求', '易混淆词'), ('抓的不够', '抓得不够', '的地得'),
             ('测试公文', None, '只有批注')]
    ej = os.path.join(tmp, 'edits.json')
    json.dump(edits_for(text, items), open(ej, 'w'), ensure_ascii=False)
    fixed = os.path.join(tmp, 'fixed.docx')
    p = run('fix', src, '-o', fixed, '--tracked', '--edits', ej)
    check('4 条批注，3 条修改建议作为修订' in p.stdout, 'fix summary: %r' % p.stdout)
    d = docx.Document(fixed)
    ins, dels = revisions(d)
    check((ins, dels) == (2, 3), 'revisions: %d insertions, %d deletions' % (ins, dels))
    for e in d.element.body.iter(qn('w:ins')):
        check(e.get(qn('w:author')) == 'duizhao', 'revision author duizhao')
    cs = comments(fixed)
    check(len(cs) == 4, '%d comments' % len(cs))
    check(any('重复' in c and '建议改为“以学”' in c for c in cs), 'comment text carries message and suggestion')
    want = SAMPLE.replace('以学以学', '以学').replace('述求', '诉求').replace('抓的不够', '抓得不够')
    got = [l for l in accepted_text(d) if l]
    check(got == [l for l in want.split('\n') if l], 'accepting all revisions gives the corrected text: %r' % got)
    check_layout(fixed)

    # fix without --tracked: applied directly, comments still there.
    direct = os.path.join(tmp, 'direct.docx')
    run('fix', src, '-o', direct, '--edits', ej)
    d = docx.Document(direct)
    check(revisions(d) == (0, 0), 'no revisions when untracked')
    check([x.text for x in d.paragraphs if x.text] == [l for l in want.split('\n') if l], 'untracked fix applies the text')
    check(len(comments(direct)) == 4, 'untracked fix keeps the comments')

    # fix on a .docx: the rest of the package survives byte for byte.
    fx = os.path.join(tmp, 'fx')
    subprocess.run(['/usr/bin/python3', os.path.join(SRC, 'tests/docx/make_fixtures.py'), fx], check=True)
    orig = os.path.join(fx, 'numbered.docx')
    otext = run('text', orig).stdout
    ej2 = os.path.join(tmp, 'edits2.json')
    json.dump(edits_for(otext, [('理论学习', '理论武装', '改词'), ('细节一', '细节１', '全角'), ('一、', None, '编号只能批注'),
                                ('条款1\n', None, '跨段')]), open(ej2, 'w'), ensure_ascii=False)
    out2 = os.path.join(tmp, 'numbered-fixed.docx')
    p = run('fix', orig, '-o', out2, '--tracked', '--edits', ej2)
    check('4 条批注，2 条修改建议' in p.stdout, 'docx fix summary: %r' % p.stdout)
    with zipfile.ZipFile(orig) as a, zipfile.ZipFile(out2) as b:
        for n in a.namelist():
            if n not in ('word/document.xml', '[Content_Types].xml', 'word/_rels/document.xml.rels'):
                check(a.read(n) == b.read(n), 'part %s copied unchanged' % n)
        check('word/comments.xml' in b.namelist(), 'comments part added')
        check(b'comments+xml' in b.read('[Content_Types].xml'), 'comments content type')
        check(b'comments.xml' in b.read('word/_rels/document.xml.rels'), 'comments relationship')
    d = docx.Document(out2)
    check(revisions(d) == (2, 2), 'docx fix revisions %s' % (revisions(d),))
    check(len(comments(out2)) == 4, 'docx fix comments')
    # Our reader reads the tracked changes as accepted.
    check(run('text', out2).stdout == otext.replace('理论学习', '理论武装', 1).replace('细节一', '细节１'),
          'reading the fixed .docx gives the corrected text')

    # Runs Word cannot revise keep their comment only: text inside an earlier insertion, a
    # field result, a run with a formatting revision.
    tr = os.path.join(fx, 'tracked.docx')
    tt = run('text', tr).stdout
    ej4 = os.path.join(tmp, 'edits4.json')
    json.dump(edits_for(tt, [('材料', '资料', '在他人修订中'), ('3', '4', '域结果'), ('格式修订', '格式', '格式修订')]),
              open(ej4, 'w'), ensure_ascii=False)
    out4 = os.path.join(tmp, 'tracked-fixed.docx')
    p = run('fix', tr, '-o', out4, '--tracked', '--edits', ej4)
    check('3 条批注，0 条修改建议' in p.stdout, 'no revision inside revisions or fields: %r' % p.stdout)
    check(run('text', out4).stdout == tt, 'text unchanged when only comments are written')
    check(len(comments(out4)) == 3, 'three comments on unrevisable spans')

    # A document written by another producer (python-docx): runs, a table, a header. Our
    # reader sees its text; an edit spanning two runs becomes revisions in both.
    pd = docx.Document()
    pd.sections[0].header.paragraphs[0].text = '某单位文件'
    pd.add_heading('一、存在问题', level=1)
    para = pd.add_paragraph()
    para.add_run('学习以')
    para.add_run('学以学').bold = True
    para.add_run('铸魂。')
    tbl = pd.add_table(rows=1, cols=2)
    tbl.cell(0, 0).text = '甲'
    tbl.cell(0, 1).text = '乙'
    pd.add_paragraph('末段')
    other = os.path.join(tmp, 'other.docx')
    pd.save(other)
    ot = run('text', other).stdout
    check(ot == '一、存在问题\n学习以学以学铸魂。\n甲\n乙\n末段\n', 'python-docx document read: %r' % ot)
    check(run('text', '--part', 'headers', other).stdout == '某单位文件\n', 'python-docx header kept apart')
    ej3 = os.path.join(tmp, 'edits3.json')
    json.dump(edits_for(ot, [('以学以学', '以学', '重复')]), open(ej3, 'w'), ensure_ascii=False)
    out3 = os.path.join(tmp, 'other-fixed.docx')
    run('fix', other, '-o', out3, '--tracked', '--edits', ej3)
    d = docx.Document(out3)
    check(revisions(d) == (0, 1), 'cross-run edit: one deletion %s' % (revisions(d),))
    check([l for l in accepted_text(d) if l][:2] == ['一、存在问题', '学习以学铸魂。'], 'cross-run edit accepted')
    bold = [r for r in d.paragraphs[1].runs if r.bold]
    check(bold and all(r.bold for r in bold), 'the bold run keeps its formatting when split')
    check(run('text', out3).stdout == ot.replace('以学以学', '以学'), 'fixed python-docx document reads corrected')

    # new: a skeleton with headings and empty lines, nothing invented.
    sk = os.path.join(tmp, 'new.docx')
    run('new', '--profile', os.path.join(SRC, 'tests/docx/profile-test.json'), '-o', sk)
    d = docx.Document(sk)
    got = [(x.style.name, x.text) for x in d.paragraphs]
    check(got == [('Title', '测试用个人对照检查材料'), ('Normal', ''),
                  ('Heading 1', '一、存在问题'), ('Heading 2', '（一）理论学习'), ('Normal', ''),
                  ('Heading 2', '（二）政治素质'), ('Normal', ''),
                  ('Heading 1', '二、原因剖析'), ('Normal', ''), ('Heading 1', '三、整改措施'), ('Normal', '')],
          'skeleton paragraphs: %r' % got)
    # an embedded profile (data/profiles/zhuti-2023.json): its six aspects under 存在问题
    run('new', '--profile', 'zhuti-2023', '-o', sk)
    d = docx.Document(sk)
    check(d.paragraphs[0].text == '2023年主题教育专题民主生活会个人对照检查材料', 'embedded profile title')
    check([x.text for x in d.paragraphs if x.style.name == 'Heading 2'] ==
          ['（一）理论学习', '（二）政治素质', '（三）能力本领', '（四）担当作为', '（五）工作作风', '（六）廉洁自律'],
          'six aspects as level-2 headings')
    check(all(not x.text for x in d.paragraphs if x.style.name == 'Normal'), 'no invented body text')
    p = run('new', '--profile', 'no-such-profile', '-o', sk, ok=False)
    check(p.returncode == 2 and '没有名为“no-such-profile”的配置' in p.stderr and 'zhuti-2023' in p.stderr,
          'unknown profile names the available ones: %r' % p.stderr)

    if failures:
        print('%d failures' % len(failures))
        sys.exit(1)
    print('ok')


if __name__ == '__main__':
    main()
