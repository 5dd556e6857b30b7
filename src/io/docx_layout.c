/*
** GB/T 9704-2012 layout of a formatted document (the arithmetic is in docs/docx.md):
**
**   paper A4 210 x 297 mm = 11906 x 16838 twips (1 mm = 1440 / 25.4 twips);
**   margins top 37 mm = 2098, bottom 35 mm = 1984, left 28 mm = 1587, right 26 mm = 1474
**   twips (rounded to the nearest twip), which leaves a 156 x 225 mm text block;
**   grid "linesAndChars": 22 lines -> linePitch 579 twips (12756 / 22 = 579.8, rounded down
**   so that 22 lines fit); 28 characters of 3号 (16 pt = 320 twips) in 8845 twips -> a pitch
**   of at most 315.9 twips, i.e. charSpace = (315.9 - 320) / 20 * 4096 = -841.1, written as
**   -842 (Word's unit for charSpace is 1/4096 pt, relative to the default font size);
**   title 2号 (22 pt) 方正小标宋简体 centred; body 3号 仿宋_GB2312 with a first-line indent of
**   two characters; level 1 黑体, level 2 楷体_GB2312, levels 3-4 仿宋_GB2312, all 3号; Latin
**   text in Times New Roman; page numbers 4号 (14 pt) 宋体 "— 1 —", right on odd pages and
**   left on even pages, one character in from the edge (w:evenAndOddHeaders, two footers).
*/
#include <stdlib.h>
#include <string.h>

#include "io/docx_protect.h"
#include "io/docx_write.h"
#include "util/error.h"

#define NS_W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define NS_R "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

static const char *const EAST_ASIA[] = {"方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312", "仿宋_GB2312", "仿宋_GB2312"};
static const char *const STYLE_ID[] = {"Title", "Heading1", "Heading2", "Heading3", "Heading4", "Normal"};

/* Run properties of a role: fonts for every script, and the size. */
static void rpr(dz_buf *b, dz__blk_role role) {
  int sz = role == DZ_BLK_TITLE ? 44 : 32;
  dz_buf_printf(b,
                "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"%s\" w:hAnsi=\"Times New Roman\" "
                "w:cs=\"Times New Roman\"/><w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr>",
                EAST_ASIA[role], sz, sz);
}

static void ppr(dz_buf *b, dz__blk_role role) {
  dz_buf_printf(b, "<w:pPr><w:pStyle w:val=\"%s\"/>", STYLE_ID[role]);
  if (role == DZ_BLK_TITLE) dz_buf_puts(b, "<w:jc w:val=\"center\"/>");
  else dz_buf_puts(b, "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>");
  if (role >= DZ_BLK_H1 && role <= DZ_BLK_H4) dz_buf_printf(b, "<w:outlineLvl w:val=\"%d\"/>", role - DZ_BLK_H1);
  dz_buf_puts(b, "</w:pPr>");
}

/* Run text: tabs as <w:tab/>, everything else escaped inside w:t. */
static void run_text(dz_buf *b, const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != '\t' && s[j] != '\n') j++;
    if (j > i) {
      dz_buf_puts(b, "<w:t xml:space=\"preserve\">");
      dz_buf_xml(b, s + i, j - i);
      dz_buf_puts(b, "</w:t>");
    }
    if (j < n) dz_buf_puts(b, s[j] == '\t' ? "<w:tab/>" : "<w:br/>");
    i = j + 1;
  }
}

void dz__body_free(dz__body *b) {
  free(b->xml);
  free(b->runs);
  free(b->paras);
  memset(b, 0, sizeof *b);
}

int dz__docx_layout(dz__body *out, const char *src, const dz__blk *blocks, size_t n, dz_error *err) {
  dz_buf b = {0};
  dz__body r = {0};
  r.runs = calloc(n ? n : 1, sizeof *r.runs);
  r.paras = calloc(n ? n : 1, sizeof *r.paras);
  if (!r.runs || !r.paras) goto oom;
  dz_buf_puts(&b, XML_DECL "<w:document " NS_W " " NS_R "><w:body>");
  for (size_t i = 0; i < n; i++) {
    const dz__blk *k = &blocks[i];
    dz_docx_para *p = &r.paras[r.nparas];
    p->xstart = b.len;
    p->dstart = k->start;
    p->dend = k->end;
    p->first_run = (uint32_t)r.nruns;
    dz_buf_puts(&b, "<w:p>");
    ppr(&b, k->role);
    if (k->end > k->start) {
      dz_docx_run *run = &r.runs[r.nruns++];
      run->para = (uint32_t)r.nparas;
      run->dstart = k->start;
      run->dend = k->end;
      run->xstart = b.len;
      dz_buf_puts(&b, "<w:r>");
      run->pstart = b.len;
      rpr(&b, k->role);
      run->pend = b.len;
      run_text(&b, src + k->start, k->end - k->start);
      dz_buf_puts(&b, "</w:r>");
      run->xend = b.len;
      p->nruns = 1;
    }
    dz_buf_puts(&b, "</w:p>");
    p->xend = b.len;
    r.nparas++;
    /* GB/T 9704 7.3.1: one empty line between the title and what follows. */
    if (k->role == DZ_BLK_TITLE) dz_buf_puts(&b, "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr></w:p>");
  }
  dz_buf_puts(&b,
              "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/>"
              "<w:footerReference w:type=\"even\" r:id=\"rId4\"/>"
              "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
              "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" "
              "w:footer=\"1247\" w:gutter=\"0\"/><w:cols w:space=\"425\"/>"
              "<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"579\" w:charSpace=\"-842\"/></w:sectPr>"
              "</w:body></w:document>");
  if (dz_buf_take(&b, &r.xml, &r.len)) goto oom;
  *out = r;
  return DZ_OK;
oom:
  dz_buf_free(&b);
  dz__body_free(&r);
  return dz__error_nomem(err);
}

/* One footer: "— PAGE —" in 4号 宋体, aligned right (odd) or left (even), one character in. */
static void footer(dz_buf *b, int odd) {
  static const char RPR[] = "<w:rPr><w:rFonts w:ascii=\"宋体\" w:eastAsia=\"宋体\" w:hAnsi=\"宋体\" w:cs=\"宋体\"/>"
                            "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr>";
  /* CT_PPr children in schema order (snapToGrid, ind, jc): Word rejects other orders. */
  dz_buf_printf(b, XML_DECL "<w:ftr " NS_W " " NS_R "><w:p><w:pPr><w:snapToGrid w:val=\"0\"/>"
                "<w:ind w:%s=\"280\"/><w:jc w:val=\"%s\"/></w:pPr>", odd ? "right" : "left", odd ? "right" : "left");
  dz_buf_printf(b, "<w:r>%s<w:t xml:space=\"preserve\">— </w:t></w:r>", RPR);
  dz_buf_printf(b, "<w:r>%s<w:fldChar w:fldCharType=\"begin\"/></w:r>", RPR);
  dz_buf_printf(b, "<w:r>%s<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>", RPR);
  dz_buf_printf(b, "<w:r>%s<w:fldChar w:fldCharType=\"separate\"/></w:r>", RPR);
  dz_buf_printf(b, "<w:r>%s<w:t>1</w:t></w:r>", RPR);
  dz_buf_printf(b, "<w:r>%s<w:fldChar w:fldCharType=\"end\"/></w:r>", RPR);
  dz_buf_printf(b, "<w:r>%s<w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>", RPR);
}

static void style(dz_buf *b, dz__blk_role role, const char *name) {
  dz_buf_printf(b, "<w:style w:type=\"paragraph\" %sw:styleId=\"%s\"><w:name w:val=\"%s\"/>",
                role == DZ_BLK_BODY ? "w:default=\"1\" " : "", STYLE_ID[role], name);
  if (role != DZ_BLK_BODY) dz_buf_puts(b, "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>");
  dz_buf_puts(b, "<w:qFormat/>");
  ppr(b, role);
  rpr(b, role);
  dz_buf_puts(b, "</w:style>");
}

static void styles(dz_buf *b) {
  dz_buf_puts(b, XML_DECL "<w:styles " NS_W "><w:docDefaults><w:rPrDefault><w:rPr>"
                 "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\" w:hAnsi=\"Times New Roman\" "
                 "w:cs=\"Times New Roman\"/><w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
                 "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
                 "<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault>"
                 "</w:docDefaults>");
  style(b, DZ_BLK_BODY, "Normal");
  style(b, DZ_BLK_TITLE, "Title");
  style(b, DZ_BLK_H1, "heading 1");
  style(b, DZ_BLK_H2, "heading 2");
  style(b, DZ_BLK_H3, "heading 3");
  style(b, DZ_BLK_H4, "heading 4");
  dz_buf_puts(b, "</w:styles>");
}

int dz__layout_parts(dz__part **out, dz_buf *store, const char *protect_password, int with_comments,
                     dz_error *err) {
  char *prot = NULL;
  if (protect_password) {
    int rc = dz__word_protection_xml(&prot, protect_password, err);
    if (rc) return rc;
  }
  size_t off[8];
  int k = 0;
  off[k++] = store->len;
  dz_buf_puts(store, XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                     "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                     "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                     "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                     "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
                     "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
                     "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
                     "<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>");
  if (with_comments)
    dz_buf_puts(store, "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>");
  dz_buf_puts(store, "</Types>");
  off[k++] = store->len;
  dz_buf_puts(store, XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                     "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                     "</Relationships>");
  off[k++] = store->len;
  dz_buf_puts(store, XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                     "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                     "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
                     "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
                     "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer2.xml\"/>");
  if (with_comments)
    dz_buf_puts(store, "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/>");
  dz_buf_puts(store, "</Relationships>");
  off[k++] = store->len;
  styles(store);
  off[k++] = store->len;
  dz_buf_printf(store, XML_DECL "<w:settings " NS_W "><w:zoom w:percent=\"100\"/>%s<w:defaultTabStop w:val=\"420\"/>"
                       "<w:evenAndOddHeaders/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
                       "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
                       "</w:settings>", prot ? prot : "");
  free(prot);
  off[k++] = store->len;
  footer(store, 1);
  off[k++] = store->len;
  footer(store, 0);
  off[k++] = store->len;
  if (store->oom) return dz__error_nomem(err);
  static const char *const names[] = {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                                      "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/footer2.xml"};
  dz__part *p = calloc(8, sizeof *p);
  if (!p) return dz__error_nomem(err);
  for (int i = 0; i < 7; i++) p[i] = (dz__part){names[i], store->data + off[i], off[i + 1] - off[i]};
  *out = p;
  return DZ_OK;
}
