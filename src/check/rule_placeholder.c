/*
** text.placeholder: template blanks left unfilled: XX / xxx / ＸＸ / ×× / ○○ runs, a single X
** before 年月日号 (X月X日), underscores ___, empty or instructional 【】, parenthesised
** instructions (（此处填写…）), and 某某 where it is not anonymisation (张某某, 某某同志 and
** 某某 inside an example stay: they hide a real name on purpose).
*/
#include <stdio.h>
#include <string.h>

#include "check/check_int.h"
#include "text/utf8.h"

static int is_x(uint32_t c) { return c == 'X' || c == 'x' || c == 0xFF38 || c == 0xFF58; }
/* ASCII letter or digit: X next to one is part of a word (XXL, X光 aside). */
static int is_alnum_ascii(uint32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int is_digit(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

/* One placeholder finding over [a, b). */
static int emit(dz_rule_ctx *ctx, size_t a, size_t b) {
  return dz__emit(ctx, "text.placeholder", a, b, NULL, "未填写的占位符“%.*s”，请替换为实际内容。", (int)(b - a),
                  ctx->s + a);
}

/* Code point at i (0 past the end) without advancing. */
static uint32_t at(const dz_rule_ctx *ctx, size_t i) {
  if (i >= ctx->n) return 0;
  return dz_utf8_next(ctx->s, ctx->n, &i);
}
static uint32_t before(const dz_rule_ctx *ctx, size_t i) { return i ? dz_utf8_prev(ctx->s, &i) : 0; }

/* A run of code points satisfying pred from i; returns its end. */
static size_t run_of(const dz_rule_ctx *ctx, size_t i, int (*pred)(uint32_t)) {
  while (i < ctx->n) {
    size_t j = i;
    if (!pred(dz_utf8_next(ctx->s, ctx->n, &j))) break;
    i = j;
  }
  return i;
}
static int is_times(uint32_t c) { return c == 0xD7; }
static int is_circle(uint32_t c) { return c == 0x25CB || c == 0x25A1; }
static int is_under(uint32_t c) { return c == '_' || c == 0xFF3F; }

/* Common surnames: 张某某 / 王某 are anonymised names, not blanks. */
static const char surnames[] = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

/* Whether c is a common surname (张某某 is anonymisation). */
static int is_surname(uint32_t c) {
  char b[5];
  int l = dz_utf8_put(b, c);
  b[l] = 0;
  return c >= 0x80 && strstr(surnames, b) != NULL;
}

/* Whether offset i is inside an example (如：/比如/例如 earlier in the same sentence). */
static int in_example(const dz_rule_ctx *ctx, size_t i) {
  size_t ls = dz__line_start(ctx, i);
  size_t lo = ls;
  for (size_t j = ls; j < i;) { /* the sentence containing i starts after the last 。 */
    size_t k = j;
    uint32_t c = dz_utf8_next(ctx->s, i, &k);
    if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F) lo = k;
    j = k;
  }
  return dz__contains(ctx->s, lo, i, "如：") || dz__contains(ctx->s, lo, i, "如，") ||
         dz__contains(ctx->s, lo, i, "比如") || dz__contains(ctx->s, lo, i, "例如");
}

static const char *const instr[] = {"此处", "请填写", "填写", "在此", "请输入", "插入", NULL};

/* （…） or 【…】 starting at i whose content is a template instruction; returns its end or 0. */
static size_t bracket_blank(const dz_rule_ctx *ctx, size_t i, uint32_t open) {
  uint32_t close = open == 0xFF08 ? 0xFF09 : open == '(' ? ')' : 0x3011;
  size_t j = i, le = dz__line_end(ctx, i);
  dz_utf8_next(ctx->s, ctx->n, &j);
  size_t cs = j;
  while (j < le && j - cs < 200) {
    size_t k = j;
    uint32_t c = dz_utf8_next(ctx->s, le, &k);
    if (c == close) {
      if (open == 0x3010 && j == cs) return k; /* empty 【】 */
      for (int w = 0; instr[w]; w++) {
        size_t l = strlen(instr[w]);
        if (j - cs >= l && !memcmp(ctx->s + cs, instr[w], l)) return k;
      }
      if (open == 0x3010 && (dz__contains(ctx->s, cs, j, "XX") || dz__contains(ctx->s, cs, j, "名称") ||
                             dz__contains(ctx->s, cs, j, "姓名") || dz__contains(ctx->s, cs, j, "日期")))
        return k;
      return 0;
    }
    j = k;
  }
  return 0;
}

/* One pass over the text, each blank form by its first character. */
int dz__rule_placeholder(dz_rule_ctx *ctx) {
  size_t i = 0;
  while (i < ctx->n) {
    size_t s = i;
    uint32_t c = dz_utf8_next(ctx->s, ctx->n, &i);
    size_t e = 0;
    if (is_x(c)) {
      size_t r = run_of(ctx, s, is_x);
      size_t cnt = dz__chars(ctx->s, s, r);
      uint32_t pv = before(ctx, s), nx = at(ctx, r);
      int iso = !is_alnum_ascii(pv) && !is_alnum_ascii(nx);
      if (iso && (cnt >= 2 || nx == 0x5E74 || nx == 0x6708 || nx == 0x65E5 || nx == 0x53F7)) e = r;
      else i = r;
    } else if (is_times(c) || is_circle(c)) {
      size_t r = run_of(ctx, s, c == 0xD7 ? is_times : is_circle);
      if (dz__chars(ctx->s, s, r) >= 2 && !is_digit(before(ctx, s)) && !is_digit(at(ctx, r))) e = r;
      else i = r;
    } else if (is_under(c)) {
      size_t r = run_of(ctx, s, is_under);
      if (dz__chars(ctx->s, s, r) >= 3) e = r;
      else i = r;
    } else if (c == 0xFF08 || c == '(' || c == 0x3010) {
      e = bracket_blank(ctx, s, c);
    } else if (c == 0x67D0 && at(ctx, i) == 0x67D0) { /* 某某 */
      size_t r = i + 3;
      uint32_t pv = before(ctx, s), nx = at(ctx, r);
      int anon = is_surname(pv) || nx == 0x67D0 /* 某某某 */ || in_example(ctx, s);
      static const char *const after_ok[] = {"同志", "先生", "女士", "某", NULL};
      for (int k = 0; after_ok[k] && !anon; k++)
        anon = r + strlen(after_ok[k]) <= ctx->n && !memcmp(ctx->s + r, after_ok[k], strlen(after_ok[k]));
      if (!anon) e = r;
      else i = nx == 0x67D0 ? r + 3 : r;
    }
    if (e) {
      if (emit(ctx, s, e)) return ctx->err;
      i = e;
    }
  }
  return 0;
}
