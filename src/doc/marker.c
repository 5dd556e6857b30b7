/*
** Numbering markers as real documents write them. GB/T 9704-2012 §7.3.3 fixes the four
** heading levels as 一、 （一） 1. （1）; drafts also use 一. 一， (一) with half-width or mixed
** brackets, full-width digits １． and circled ①. Points inside a section are counted with
** 一是/二是, 首先/其次/再次/最后 or 第一/第二.
*/
#include <string.h>

#include "doc/marker.h"
#include "text/utf8.h"

static int cn_digit(uint32_t c) {
  switch (c) {
  case 0x4E00: return 1; /* 一 */
  case 0x4E8C: return 2; /* 二 */
  case 0x4E09: return 3; /* 三 */
  case 0x56DB: return 4; /* 四 */
  case 0x4E94: return 5; /* 五 */
  case 0x516D: return 6; /* 六 */
  case 0x4E03: return 7; /* 七 */
  case 0x516B: return 8; /* 八 */
  case 0x4E5D: return 9; /* 九 */
  case 0x3007: case 0x96F6: return 0; /* 〇 零 */
  default: return -1;
  }
}

int dz_cn_numeral(const char *s, size_t n, size_t *used) {
  size_t i = 0;
  int tens = -1, units = -1;
  uint32_t c = i < n ? dz_utf8_next(s, n, &i) : 0;
  int d = cn_digit(c);
  if (c == 0x5341) { /* 十 */
    tens = 1;
  } else if (d >= 1) {
    size_t j = i;
    uint32_t c2 = j < n ? dz_utf8_next(s, n, &j) : 0;
    if (c2 == 0x5341) { tens = d; i = j; }
    else { *used = i; return d; }
  } else {
    return 0;
  }
  /* After 十: an optional unit digit. */
  size_t j = i;
  uint32_t c3 = j < n ? dz_utf8_next(s, n, &j) : 0;
  int u = cn_digit(c3);
  if (u >= 1) { units = u; i = j; }
  *used = i;
  return tens * 10 + (units > 0 ? units : 0);
}

/* Arabic digits, half- or full-width, 1-999. */
static int arabic_numeral(const char *s, size_t n, size_t *used) {
  size_t i = 0, k = 0;
  int v = 0;
  while (i < n && k < 3) {
    size_t j = i;
    uint32_t c = dz_utf8_next(s, n, &j);
    int d = c >= '0' && c <= '9' ? (int)(c - '0') : c >= 0xFF10 && c <= 0xFF19 ? (int)(c - 0xFF10) : -1;
    if (d < 0) break;
    v = v * 10 + d;
    i = j;
    k++;
  }
  if (k == 0 || v == 0) return 0;
  *used = i;
  return v;
}

static uint32_t peek(const char *s, size_t n, size_t at, size_t *next) {
  size_t i = at;
  if (at >= n) { *next = at; return 0; }
  uint32_t c = dz_utf8_next(s, n, &i);
  *next = i;
  return c;
}

static int is_digit_cp(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

int dz_match_heading(const char *s, size_t n, dz_marker *m) {
  size_t i, used;
  uint32_t c = peek(s, n, 0, &i);
  memset(m, 0, sizeof *m);
  /* （一） (一) （1） (1) and mixed-width brackets */
  if (c == 0xFF08 || c == '(') {
    int full_open = c == 0xFF08;
    int v = dz_cn_numeral(s + i, n - i, &used);
    int cn = v > 0;
    if (!cn) v = arabic_numeral(s + i, n - i, &used);
    if (v <= 0) return 0;
    size_t j;
    uint32_t close = peek(s, n, i + used, &j);
    if (close != 0xFF09 && close != ')') return 0;
    int full = full_open && close == 0xFF09;
    m->level = cn ? 2 : 4;
    m->style = cn ? (full ? DZ_NUM_CN_PAREN : DZ_NUM_CN_HALFPAREN)
                  : (full ? DZ_NUM_ARABIC_PAREN : DZ_NUM_ARABIC_HALFPAREN);
    m->ordinal = v;
    m->len = j;
    return 1;
  }
  /* ① … ⑳ */
  if (c >= 0x2460 && c <= 0x2473) {
    m->level = 4;
    m->style = DZ_NUM_CIRCLED;
    m->ordinal = (int)(c - 0x2460) + 1;
    m->len = i;
    return 1;
  }
  /* 一、 一. 一． 一， */
  int v = dz_cn_numeral(s, n, &used);
  if (v > 0) {
    size_t j;
    uint32_t p = peek(s, n, used, &j);
    dz_numbering st = p == 0x3001 ? DZ_NUM_CN_DUN
                    : (p == '.' || p == 0xFF0E) ? DZ_NUM_CN_DOT
                    : (p == 0xFF0C || p == ',') ? DZ_NUM_CN_COMMA : DZ_NUM_NONE;
    if (st == DZ_NUM_NONE) return 0;
    m->level = 1, m->style = st, m->ordinal = v, m->len = j;
    return 1;
  }
  /* 1. 1． １． 1、 (not 1.5, not 2023年) */
  v = arabic_numeral(s, n, &used);
  if (v > 0) {
    size_t j, k;
    uint32_t p = peek(s, n, used, &j);
    dz_numbering st = (p == '.' || p == 0xFF0E) ? DZ_NUM_ARABIC_DOT : p == 0x3001 ? DZ_NUM_ARABIC_DUN : DZ_NUM_NONE;
    if (st == DZ_NUM_NONE) return 0;
    uint32_t after = peek(s, n, j, &k);
    if (is_digit_cp(after)) return 0;
    m->level = 3, m->style = st, m->ordinal = v, m->len = j;
    return 1;
  }
  return 0;
}

static int starts(const char *s, size_t n, const char *lit) {
  size_t l = strlen(lit);
  return n >= l && !memcmp(s, lit, l);
}

/* A clause mark right after 首先/第一: ， , 、 ： : */
static size_t clause_mark(const char *s, size_t n, size_t at) {
  size_t j;
  uint32_t c = peek(s, n, at, &j);
  return (c == 0xFF0C || c == ',' || c == 0x3001 || c == 0xFF1A || c == ':') ? j : 0;
}

int dz_match_point(const char *s, size_t n, dz_marker *m) {
  size_t used;
  memset(m, 0, sizeof *m);
  int v = dz_cn_numeral(s, n, &used);
  if (v > 0 && starts(s + used, n - used, "是")) {
    m->style = DZ_NUM_POINT_SHI, m->ordinal = v, m->len = used + strlen("是");
    return 1;
  }
  static const struct { const char *w; int ord; } seq[] = {
      {"首先", 1}, {"其次", 2}, {"再次", 3}, {"最后", 0}};
  for (size_t k = 0; k < sizeof seq / sizeof seq[0]; k++)
    if (starts(s, n, seq[k].w)) {
      size_t e = clause_mark(s, n, strlen(seq[k].w));
      if (!e) return 0;
      m->style = DZ_NUM_POINT_SEQ, m->ordinal = seq[k].ord, m->len = e;
      return 1;
    }
  if (starts(s, n, "第")) {
    size_t l = strlen("第");
    v = dz_cn_numeral(s + l, n - l, &used);
    if (v <= 0) return 0;
    size_t e = clause_mark(s, n, l + used);
    if (!e) return 0;
    m->style = DZ_NUM_POINT_DI, m->ordinal = v, m->len = e;
    return 1;
  }
  return 0;
}

/* Three-byte equality without a call: this runs at every character of every point. */
static int eq3(const char *s, const char *lit) {
  return s[0] == lit[0] && s[1] == lit[1] && s[2] == lit[2];
}

size_t dz_match_example(const char *s, size_t n, int after_delim) {
  if (n < 3) return 0;
  if (n >= 6 && eq3(s + 3, "如") && (eq3(s, "比") || eq3(s, "例") || eq3(s, "譬"))) {
    size_t e = clause_mark(s, n, 6);
    return e ? e : 6;
  }
  if (after_delim && eq3(s, "如")) {
    size_t j;
    uint32_t c = peek(s, n, 3, &j);
    if (c == 0xFF1A || c == ':' || c == 0xFF0C || c == ',') return j;
  }
  return 0;
}
