/* Unit tests: decoding, offset maps, line/column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "duizhao.h"

static dz_text *dec(const char *bytes, size_t n, int expect_rc, dz_error *e) {
  dz_text *t = NULL;
  dz_decode_options o = DZ_DECODE_OPTIONS_INIT;
  o.name = "t.txt";
  int rc = dz_text_decode(&t, bytes, n, &o, e);
  assert_int_equal(rc, expect_rc);
  return t;
}

static void utf8_plain(void **s) {
  (void)s;
  dz_error e;
  const char *in = "一、存在问题\n（一）理论学习";
  dz_text *t = dec(in, strlen(in), DZ_OK, &e);
  size_t n;
  assert_string_equal(dz_text_data(t, &n), in);
  assert_int_equal(dz_text_encoding(t), DZ_ENC_UTF8);
  assert_int_equal(dz_text_orig_offset(t, 5), 5);
  size_t line, col;
  dz_text_linecol(t, strlen("一、存在问题\n（一）"), &line, &col);
  assert_int_equal(line, 2);
  assert_int_equal(col, 4);
  assert_int_equal(dz_text_line_count(t), 2);
  dz_text_free(t);
}

static void utf8_bom_crlf(void **s) {
  (void)s;
  dz_error e;
  const char in[] = "\xEF\xBB\xBF" "甲\r\n乙\r丙";
  dz_text *t = dec(in, sizeof in - 1, DZ_OK, &e);
  size_t n;
  assert_string_equal(dz_text_data(t, &n), "甲\n乙\n丙");
  assert_int_equal(dz_text_encoding(t), DZ_ENC_UTF8_BOM);
  assert_int_equal(dz_text_orig_offset(t, 0), 3);      /* 甲 after the BOM */
  assert_int_equal(dz_text_orig_offset(t, 4), 6 + 2);  /* 乙 after CRLF */
  assert_int_equal(dz_text_orig_offset(t, 8), 12);     /* 丙 after CR */
  assert_int_equal(dz_text_orig_offset(t, n), sizeof in - 1);
  assert_int_equal(dz_text_decoded_offset(t, 8), 4);
  size_t line, col;
  dz_text_linecol(t, 8, &line, &col);
  assert_int_equal(line, 3);
  assert_int_equal(col, 1);
  dz_text_free(t);
}

static void gbk(void **s) {
  (void)s;
  dz_error e;
  /* 中文。 in GBK, then an ASCII letter */
  const char in[] = "\xD6\xD0\xCE\xC4\xA1\xA3" "a";
  dz_text *t = dec(in, sizeof in - 1, DZ_OK, &e);
  assert_string_equal(dz_text_data(t, NULL), "中文。a");
  assert_int_equal(dz_text_encoding(t), DZ_ENC_GB18030);
  assert_int_equal(dz_text_orig_offset(t, 3), 2);  /* 文 */
  assert_int_equal(dz_text_orig_offset(t, 9), 6);  /* a */
  assert_int_equal(dz_text_orig_offset(t, 10), 7); /* end */
  dz_text_free(t);
}

/* A Big5 (CP950) file: also valid GB18030 bytes, which read as kana and rare characters. */
static void big5(void **s) {
  (void)s;
  dz_error e;
  /* 關於加強學習的通知 CRLF 一、我們要認真學習。 */
  const char in[] = "\xC3\xF6\xA9\xF3\xA5\x5B\xB1\x6A\xBE\xC7\xB2\xDF\xAA\xBA\xB3\x71\xAA\xBE\r\n"
                    "\xA4\x40\xA1\x42\xA7\xDA\xAD\xCC\xAD\x6E\xBB\x7B\xAF\x75\xBE\xC7\xB2\xDF\xA1\x43";
  dz_text *t = dec(in, sizeof in - 1, DZ_OK, &e);
  assert_string_equal(dz_text_data(t, NULL), "關於加強學習的通知\n一、我們要認真學習。");
  assert_int_equal(dz_text_encoding(t), DZ_ENC_BIG5);
  assert_string_equal(dz_encoding_name(dz_text_encoding(t)), "Big5");
  assert_int_equal(dz_text_orig_offset(t, 3), 2);       /* 於 */
  assert_int_equal(dz_text_orig_offset(t, 28), 20);     /* 一 after CRLF */
  assert_int_equal(dz_text_orig_offset(t, 31), 22);     /* 、 */
  assert_int_equal(dz_text_orig_offset(t, 58), sizeof in - 1);
  dz_text_free(t);
  /* Cut inside the last character: damaged Big5, not a GB18030 reading of it. */
  assert_null(dec(in, sizeof in - 2, DZ_EINVALID, &e));
  assert_string_equal(e.message, "文件 t.txt 是 Big5 编码，但第 39 字节处的编码损坏（文件可能被截断），无法完整读取。请检查文件是否完整。");
}

/* GBK bytes that CP950 also accepts (我们学习 reads 扂蠅悝炾 in Big5): still GBK. */
static void gbk_not_big5(void **s) {
  (void)s;
  dz_error e;
  const char in[] = "\xCE\xD2\xC3\xC7\xD1\xA7\xCF\xB0";
  dz_text *t = dec(in, sizeof in - 1, DZ_OK, &e);
  assert_string_equal(dz_text_data(t, NULL), "我们学习");
  assert_int_equal(dz_text_encoding(t), DZ_ENC_GB18030);
  dz_text_free(t);
}

static void gb18030_four_byte(void **s) {
  (void)s;
  dz_error e;
  /* U+20000 (𠀀) is 0x95 0x32 0x82 0x36 in GB18030. */
  const char in[] = "\x95\x32\x82\x36" "\xD6\xD0";
  dz_text *t = dec(in, sizeof in - 1, DZ_OK, &e);
  assert_string_equal(dz_text_data(t, NULL), "\xF0\xA0\x80\x80" "中");
  assert_int_equal(dz_text_orig_offset(t, 4), 4);
  dz_text_free(t);
}

static void utf16(void **s) {
  (void)s;
  dz_error e;
  const char le[] = "\xFF\xFE" "\x2D\x4E" "\x0D\x00\x0A\x00" "\x3D\xD8\x00\xDE"; /* 中 CRLF 😀 */
  dz_text *t = dec(le, sizeof le - 1, DZ_OK, &e);
  assert_string_equal(dz_text_data(t, NULL), "中\n\xF0\x9F\x98\x80");
  assert_int_equal(dz_text_encoding(t), DZ_ENC_UTF16LE);
  assert_int_equal(dz_text_orig_offset(t, 3), 4);
  assert_int_equal(dz_text_orig_offset(t, 4), 8);
  dz_text_free(t);
  const char be[] = "\xFE\xFF" "\x4E\x2D";
  t = dec(be, sizeof be - 1, DZ_OK, &e);
  assert_string_equal(dz_text_data(t, NULL), "中");
  dz_text_free(t);
  const char odd[] = "\xFF\xFE\x2D";
  dec(odd, sizeof odd - 1, DZ_EINVALID, &e);
}

static void rejects(void **s) {
  (void)s;
  dz_error e;
  dec("ab\0cd", 5, DZ_EINVALID, &e);
  assert_non_null(strstr(e.message, "空字节"));
  assert_non_null(strstr(e.message, "t.txt"));
  dec("ab\x01\x02", 4, DZ_EINVALID, &e);
  assert_non_null(strstr(e.message, "控制字符"));
  /* A truncated final character after valid UTF-8. */
  const char trunc[] = "理论学习\xE4\xB8";
  dec(trunc, sizeof trunc - 1, DZ_EINVALID, &e);
  assert_non_null(strstr(e.message, "截断"));
  /* Neither UTF-8 nor GB18030. */
  dec("\xFF\xFF\xFF", 3, DZ_EINVALID, &e);
  assert_non_null(strstr(e.message, "无法识别"));
  /* Size limit. */
  dz_text *t = NULL;
  dz_decode_options o = DZ_DECODE_OPTIONS_INIT;
  o.max_bytes = 4;
  assert_int_equal(dz_text_decode(&t, "12345", 5, &o, &e), DZ_ETOOBIG);
  assert_null(t);
}

static void empty(void **s) {
  (void)s;
  dz_error e;
  dz_text *t = dec("", 0, DZ_OK, &e);
  assert_int_equal(dz_text_line_count(t), 1);
  size_t line, col;
  dz_text_linecol(t, 0, &line, &col);
  assert_int_equal(line, 1);
  assert_int_equal(col, 1);
  dz_text_free(t);
}

static void linecol_long_line(void **s) {
  (void)s;
  dz_error e;
  char buf[3 * 300 + 2];
  size_t n = 0;
  buf[n++] = '\n';
  for (int i = 0; i < 300; i++) { memcpy(buf + n, "字", 3); n += 3; }
  dz_text *t = dec(buf, n, DZ_OK, &e);
  for (size_t k = 0; k < 300; k++) {
    size_t line, col;
    dz_text_linecol(t, 1 + 3 * k, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, k + 1);
  }
  size_t st, en;
  assert_int_equal(dz_text_line_span(t, 2, &st, &en), DZ_OK);
  assert_int_equal(st, 1);
  assert_int_equal(en, n);
  assert_int_equal(dz_text_line_span(t, 3, &st, &en), DZ_ENOTFOUND);
  dz_text_free(t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(utf8_plain), cmocka_unit_test(utf8_bom_crlf), cmocka_unit_test(gbk), cmocka_unit_test(big5), cmocka_unit_test(gbk_not_big5),
      cmocka_unit_test(gb18030_four_byte), cmocka_unit_test(utf16), cmocka_unit_test(rejects),
      cmocka_unit_test(empty), cmocka_unit_test(linecol_long_line),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
