/* Unit tests of the .docx module: hashes (NIST vectors), Word's protection hash (published
** vectors), number formats, the reader's source map, and writing edits back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "duizhao.h"
#include "io/docx_map.h"
#include "io/docx_numbering.h"
#include "io/docx_protect.h"
#include "io/docx_write.h"
#include "util/base64.h"
#include "util/sha.h"

static void hex(char *out, const unsigned char *b, size_t n) {
  for (size_t i = 0; i < n; i++) sprintf(out + 2 * i, "%02x", b[i]);
}

static void sha512_of(const char *msg, char out[129]) {
  dz_sha512_ctx c;
  unsigned char d[64];
  dz__sha512_init(&c);
  /* fed in uneven pieces to exercise the buffering */
  size_t n = strlen(msg), i = 0, step = 1;
  while (i < n) {
    size_t k = n - i < step ? n - i : step;
    dz__sha512_update(&c, msg + i, k);
    i += k, step = step * 3 + 1;
  }
  dz__sha512_final(&c, d);
  hex(out, d, 64);
}

/* FIPS 180-4 examples (NIST CSRC "Example Algorithms": SHA512.pdf, SHA1.pdf). */
static void nist_sha512(void **s) {
  (void)s;
  char h[129];
  sha512_of("abc", h);
  assert_string_equal(h, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                         "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  sha512_of("", h);
  assert_string_equal(h, "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
                         "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
  sha512_of("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
            "mnopqrstnopqrstu", h);
  assert_string_equal(h, "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
                         "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
}

static void nist_sha1(void **s) {
  (void)s;
  unsigned char d[20];
  char h[41];
  dz_sha1_ctx c;
  dz__sha1_init(&c);
  dz__sha1_update(&c, "abc", 3);
  dz__sha1_final(&c, d);
  hex(h, d, 20);
  assert_string_equal(h, "a9993e364706816aba3e25717850c26c9cd0d89d");
  const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  dz__sha1_init(&c);
  dz__sha1_update(&c, m, strlen(m));
  dz__sha1_final(&c, d);
  hex(h, d, 20);
  assert_string_equal(h, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
}

/* The legacy key: ECMA-376 Part 4 2.15.1.28 works "Example" to 0x64CEED7E; Apache POI's
** TestDocumentProtection asserts "34579" -> 0005CB00 (the leading zero matters). */
static void word_legacy_key(void **s) {
  (void)s;
  assert_int_equal(dz__word_legacy_key("Example"), 0x64CEED7Eu);
  assert_int_equal(dz__word_legacy_key("34579"), 0x0005CB00u);
  assert_int_equal(dz__word_legacy_key(""), 0);
  /* only the first 15 characters count */
  assert_int_equal(dz__word_legacy_key("0123456789abcdef"), dz__word_legacy_key("0123456789abcde"));
}

/* A Word-authored vector: word/settings.xml of Apache POI's test-data/document/bug56076.docx
** (w:cryptAlgorithmSid="4" SHA-1, w:cryptSpinCount="100000", w:salt="2Z+i7o/0EZyUNakVeWzU/w==",
** w:hash="MUHbcmpC9AnlLsd9v3lW0j30y6E="), which POI's TestDocumentProtection.bug56076_read
** validates for the password "Example". The algorithm is the same for SHA-512, only H changes. */
static void word_hash_published(void **s) {
  (void)s;
  unsigned char salt[32], h[64];
  const char *b64 = "2Z+i7o/0EZyUNakVeWzU/w==";
  size_t sn = dz__base64_decode(salt, b64, strlen(b64));
  assert_int_equal(sn, 16);
  size_t n = dz__word_protect_hash(h, DZ_WORD_SHA1, "Example", salt, sn, 100000);
  assert_int_equal(n, 20);
  char out[64];
  dz__base64_encode(out, h, n);
  assert_string_equal(out, "MUHbcmpC9AnlLsd9v3lW0j30y6E=");
  /* a wrong password does not collide */
  dz__word_protect_hash(h, DZ_WORD_SHA1, "Exampl", salt, sn, 100000);
  dz__base64_encode(out, h, 20);
  assert_string_not_equal(out, "MUHbcmpC9AnlLsd9v3lW0j30y6E=");
}

/* SHA-512 with spin count 1 spelled out by hand from the definition: H1 = H(H0 + LE32(0)). */
static void word_hash_sha512_shape(void **s) {
  (void)s;
  unsigned char salt[16], got[64], h0[64], h1[64];
  for (int i = 0; i < 16; i++) salt[i] = (unsigned char)(i + 1);
  dz__word_protect_hash(got, DZ_WORD_SHA512, "Example", salt, 16, 1);
  const char hexkey[] = "7\0E\0E\0D\0C\0E\0" "6\0" "4\0"; /* "7EEDCE64" in UTF-16LE */
  dz_sha512_ctx c;
  dz__sha512_init(&c);
  dz__sha512_update(&c, salt, 16);
  dz__sha512_update(&c, hexkey, 16);
  dz__sha512_final(&c, h0);
  dz__sha512_init(&c);
  dz__sha512_update(&c, h0, 64);
  dz__sha512_update(&c, "\0\0\0\0", 4);
  dz__sha512_final(&c, h1);
  assert_memory_equal(got, h1, 64);
}

static void protection_xml(void **s) {
  (void)s;
  char *x = NULL;
  assert_int_equal(dz__word_protection_xml(&x, "gwsx2023", NULL), 0);
  assert_non_null(strstr(x, "w:edit=\"readOnly\" w:enforcement=\"1\""));
  assert_non_null(strstr(x, "w:cryptAlgorithmSid=\"14\" w:cryptSpinCount=\"100000\""));
  /* the stored hash follows from the stored salt */
  const char *sp = strstr(x, "w:salt=\"") + 8, *hp = strstr(x, "w:hash=\"") + 8;
  unsigned char salt[32], h[64];
  size_t sn = dz__base64_decode(salt, sp, (size_t)(strchr(sp, '"') - sp));
  assert_int_equal(sn, 16);
  dz__word_protect_hash(h, DZ_WORD_SHA512, "gwsx2023", salt, sn, 100000);
  char b[96];
  dz__base64_encode(b, h, 64);
  assert_int_equal(strncmp(hp, b, strlen(b)), 0);
  free(x);
}

static void fmt_is(const char *fmt, int v, const char *want) {
  dz_buf b = {0};
  dz__numfmt(&b, fmt, v);
  char *s;
  assert_int_equal(dz_buf_take(&b, &s, NULL), 0);
  assert_string_equal(s, want);
  free(s);
}

static void number_formats(void **s) {
  (void)s;
  fmt_is("chineseCounting", 1, "一");
  fmt_is("chineseCounting", 10, "十");
  fmt_is("chineseCounting", 11, "十一");
  fmt_is("chineseCounting", 20, "二十");
  fmt_is("chineseCounting", 35, "三十五");
  fmt_is("chineseCounting", 101, "一百〇一");
  fmt_is("chineseCountingThousand", 110, "一百一十");
  fmt_is("chineseCountingThousand", 1005, "一千零五");
  fmt_is("chineseLegalSimplified", 12, "壹拾贰");
  fmt_is("ideographTraditional", 3, "丙");
  fmt_is("ideographTraditional", 11, "甲");
  fmt_is("decimalEnclosedCircle", 2, "②");
  fmt_is("decimalEnclosedCircle", 21, "21");
  fmt_is("decimalFullWidth", 12, "１２");
  fmt_is("upperRoman", 14, "XIV");
  fmt_is("lowerLetter", 28, "bb");
  fmt_is("decimal", 7, "7");
  fmt_is("bullet", 1, "");
}

/* A package built in memory, read back: text, numbering label, and the source map. */
static void reader_map(void **s) {
  (void)s;
  const char *doc =
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
      "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
      "<w:r><w:t>存在</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>问题</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>第二段</w:t></w:r></w:p></w:body></w:document>";
  const char *num =
      "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:abstractNum w:abstractNumId=\"7\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"7\"/></w:num></w:numbering>";
  dz__part parts[] = {{"word/document.xml", doc, strlen(doc)}, {"word/numbering.xml", num, strlen(num)}};
  dz_docx_bytes z = {0};
  assert_int_equal(dz__zip_write(&z, parts, 2, NULL), 0);
  dz_text *t = NULL;
  dz_error e = {0};
  assert_int_equal(dz_read_bytes(&t, z.data, z.len, NULL, &e), 0);
  size_t len;
  assert_string_equal(dz_text_data(t, &len), "一、存在问题\n第二段\n");
  const dz_docx_map *m = dz__docx_map(t);
  assert_non_null(m);
  assert_int_equal(m->nparas, 2);
  assert_int_equal(m->nruns, 3);
  uint32_t para;
  long run;
  size_t off;
  /* "一、" is the label: no run */
  assert_int_equal(dz__docx_locate(m, 0, &para, &run, &off), 0);
  assert_int_equal(para, 0);
  assert_int_equal(run, -1);
  /* "问" is run 1 (index 1 in paragraph 0), offset 0; "题" offset 3 */
  size_t wen = strlen("一、存在");
  assert_int_equal(dz__docx_locate(m, wen + 3, &para, &run, &off), 0);
  assert_int_equal(run, 1);
  assert_int_equal(m->runs[1].index, 1);
  assert_int_equal(off, 3);
  /* the run's bytes in document.xml, and its rPr */
  assert_memory_equal(doc + m->runs[1].xstart, "<w:r><w:rPr><w:b/></w:rPr><w:t>问题</w:t></w:r>",
                      m->runs[1].xend - m->runs[1].xstart);
  assert_memory_equal(doc + m->runs[1].pstart, "<w:rPr><w:b/></w:rPr>", m->runs[1].pend - m->runs[1].pstart);
  /* "第" is paragraph 1 */
  assert_int_equal(dz__docx_locate(m, strlen("一、存在问题\n"), &para, &run, &off), 0);
  assert_int_equal(para, 1);
  assert_int_equal(run, 2);
  assert_null(dz_docx_part_text(NULL, DZ_DOCX_HEADERS, NULL));
  assert_string_equal(dz_docx_part_text(t, DZ_DOCX_HEADERS, NULL), "");
  dz_text_free(t);
  dz_docx_bytes_free(&z);
}

/* The patch core on a hand-made body: runs split, deletions, insertions, comments. */
static void patch_core(void **s) {
  (void)s;
  const char *text = "以学以学铸魂\n";
  const char *xml = "<w:body><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>以学以学铸魂</w:t></w:r></w:p></w:body>";
  size_t rs = strlen("<w:body><w:p>"), re = rs + strlen("<w:r><w:rPr><w:b/></w:rPr><w:t>以学以学铸魂</w:t></w:r>");
  dz_docx_run run = {0, 0, 0, strlen("以学以学铸魂"), rs, re, rs + 5, rs + 5 + strlen("<w:rPr><w:b/></w:rPr>"), 0};
  dz_docx_para para = {0, strlen("以学以学铸魂"), strlen("<w:body>"), strlen(xml) - strlen("</w:body>"), 0, 1};
  dz_docx_edit ed = {0, strlen("以学以学"), "text.repeat", "重复", "以学"};
  dz__patch_opts o = {"duizhao", "2024-01-01T00:00:00Z", 1, 10};
  dz_buf out = {0}, com = {0};
  size_t applied = 0;
  assert_int_equal(dz__docx_patch(&out, &com, &applied, xml, strlen(xml), &run, 1, &para, 1, text, strlen(text),
                                   &ed, 1, &o, NULL), 0);
  assert_int_equal(applied, 1);
  assert_string_equal(out.data,
                      "<w:body><w:p><w:commentRangeStart w:id=\"11\"/>"
                      "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">以学</w:t></w:r>"
                      "<w:del w:id=\"12\" w:author=\"duizhao\" w:date=\"2024-01-01T00:00:00Z\"><w:r><w:rPr><w:b/></w:rPr>"
                      "<w:delText xml:space=\"preserve\">以学</w:delText></w:r></w:del>"
                      "<w:commentRangeEnd w:id=\"11\"/><w:r><w:commentReference w:id=\"11\"/></w:r>"
                      "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">铸魂</w:t></w:r></w:p></w:body>");
  assert_string_equal(com.data, "<w:comment w:id=\"11\" w:author=\"duizhao\" w:date=\"2024-01-01T00:00:00Z\" "
                                "w:initials=\"DZ\"><w:p><w:r><w:t xml:space=\"preserve\">重复〔text.repeat〕建议改为“以学”。"
                                "</w:t></w:r></w:p></w:comment>");
  dz_buf_free(&out);
  dz_buf_free(&com);
  /* untracked: the text is replaced in place, the comment stays */
  o.tracked = 0;
  dz_docx_edit ed2 = {strlen("以学以学"), strlen("以学以学铸魂"), NULL, "示例", "铸心"};
  assert_int_equal(dz__docx_patch(&out, &com, &applied, xml, strlen(xml), &run, 1, &para, 1, text, strlen(text),
                                   &ed2, 1, &o, NULL), 0);
  assert_non_null(strstr(out.data, "<w:t xml:space=\"preserve\">以学以学</w:t></w:r><w:commentRangeStart w:id=\"11\"/>"
                                   "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">铸</w:t></w:r>"
                                   "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">心</w:t></w:r>"));
  assert_null(strstr(out.data, "w:del"));
  assert_null(strstr(out.data, "魂"));
  dz_buf_free(&out);
  dz_buf_free(&com);
}

/* A comment on a paragraph without runs (or on label text only) goes before its end tag. */
static void patch_anchor_empty(void **s) {
  (void)s;
  const char *text = "\n";
  const char *xml = "<w:body><w:p><w:pPr/></w:p></w:body>";
  dz_docx_para para = {0, 0, strlen("<w:body>"), strlen("<w:body><w:p><w:pPr/></w:p>"), 0, 0};
  dz_docx_edit ed = {0, 0, NULL, "空段", NULL};
  dz__patch_opts o = {"duizhao", "2024-01-01T00:00:00Z", 1, 0};
  dz_buf out = {0}, com = {0};
  size_t applied = 9;
  assert_int_equal(dz__docx_patch(&out, &com, &applied, xml, strlen(xml), NULL, 0, &para, 1, text, 1, &ed, 1, &o,
                                   NULL), 0);
  assert_int_equal(applied, 0);
  assert_string_equal(out.data, "<w:body><w:p><w:pPr/><w:commentRangeStart w:id=\"1\"/><w:commentRangeEnd w:id=\"1\"/>"
                                "<w:r><w:commentReference w:id=\"1\"/></w:r></w:p></w:body>");
  dz_buf_free(&out);
  dz_buf_free(&com);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(nist_sha512),          cmocka_unit_test(nist_sha1),
      cmocka_unit_test(word_legacy_key),      cmocka_unit_test(word_hash_published),
      cmocka_unit_test(word_hash_sha512_shape), cmocka_unit_test(protection_xml),
      cmocka_unit_test(number_formats),       cmocka_unit_test(reader_map),
      cmocka_unit_test(patch_core),           cmocka_unit_test(patch_anchor_empty),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
