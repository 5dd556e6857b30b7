/*
** text.punct: punctuation faults that are unambiguous in Chinese official text:
**  - unpaired “” ‘’ 《》 （） 【】 () within a paragraph (quotes in these documents never span
**    paragraphs);
**  - half-width , ; : ? ! . ( ) written between Chinese characters (suggest the full-width
**    mark); numbering at the start of a line (一.  (一)) is left to the numbering rules;
**  - doubled or clashing marks: 。。 ，， 、、 ，。 、， … (suggest the stronger mark);
**  - spaces between two Chinese characters inside prose (a line with ，or 。; name lists and
**    signatures padded with spaces are left alone).
*/
#include <stdio.h>
#include <string.h>

#include "check/check_int.h"
#include "text/utf8.h"

#define STACK_MAX 64

/* The closing mark of an opening one, or 0. */
static uint32_t closer_of(uint32_t c) {
  switch (c) {
  case 0x201C: return 0x201D; /* “ ” */
  case 0x2018: return 0x2019; /* ‘ ’ */
  case 0x300A: return 0x300B; /* 《 》 */
  case 0xFF08: return 0xFF09; /* （ ） */
  case 0x3010: return 0x3011; /* 【 】 */
  case '(': return ')';
  default: return 0;
  }
}
/* Closing marks that need an opener. */
static int is_closer(uint32_t c) {
  return c == 0x201D || c == 0x2019 || c == 0x300B || c == 0xFF09 || c == 0x3011 || c == ')';
}

/* Report one unpaired mark. */
static int unpaired(dz_rule_ctx *ctx, size_t a, uint32_t c) {
  char m[8];
  int l = dz_utf8_put(m, c);
  m[l] = 0;
  return dz__emit(ctx, "text.punct", a, a + (size_t)l, NULL, "%s %s没有配对的%s。", is_closer(c) ? "右" : "左", m,
                  is_closer(c) ? "左标点" : "右标点");
}

/* Pair brackets and quotes within one line. */
static int pairs(dz_rule_ctx *ctx, size_t a, size_t b) {
  size_t pos[STACK_MAX];
  uint32_t open[STACK_MAX];
  int top = 0;
  for (size_t i = a; i < b;) {
    size_t at = i;
    uint32_t c = dz_utf8_next(ctx->s, b, &i);
    if (c == '(' || c == ')') { /* ASCII parentheses: only in Chinese context */
      size_t j = at;
      uint32_t pv = at > a ? dz_utf8_prev(ctx->s, &j) : 0;
      size_t k = i;
      uint32_t nx = i < b ? dz_utf8_next(ctx->s, b, &k) : 0;
      if (!dz_is_han(pv) && !dz_is_han(nx) && pv != 0xFF0C && pv != 0x3002) continue;
    }
    if (closer_of(c)) {
      if (top < STACK_MAX) pos[top] = at, open[top++] = c;
      continue;
    }
    if (!is_closer(c)) continue;
    int k = top - 1;
    while (k >= 0 && closer_of(open[k]) != c) k--;
    if (k < 0) {
      if (unpaired(ctx, at, c)) return ctx->err;
      continue;
    }
    for (int u = top - 1; u > k; u--)
      if (unpaired(ctx, pos[u], open[u])) return ctx->err;
    top = k;
  }
  for (int u = 0; u < top; u++)
    if (unpaired(ctx, pos[u], open[u])) return ctx->err;
  return 0;
}

/* The full-width form of a half-width mark, or NULL. */
static const char *full_width(uint32_t c) {
  switch (c) {
  case ',': return "，";
  case ';': return "；";
  case ':': return "：";
  case '?': return "？";
  case '!': return "！";
  case '.': return "。";
  case '(': return "（";
  case ')': return "）";
  default: return NULL;
  }
}

/* Strength of a mark for clash suggestions; 0 when not a clause mark. */
static int strength(uint32_t c) {
  switch (c) {
  case 0x3002: return 5; /* 。 */
  case 0xFF1F: case 0xFF01: return 6; /* ？！ */
  case 0xFF1B: return 4; /* ； */
  case 0xFF1A: return 3; /* ： */
  case 0xFF0C: return 2; /* ， */
  case 0x3001: return 1; /* 、 */
  default: return 0;
  }
}

static int is_space(uint32_t c) { return c == ' ' || c == '\t' || c == 0x3000; }

/* Only a marker's worth of text (一 / 1 / 12) before position `at` on the line? */
static int numbering_prefix(const dz_rule_ctx *ctx, size_t ls, size_t at) {
  size_t chars = dz__chars(ctx->s, ls, at);
  return chars <= 3;
}

/* Whether [ls, at) is an article number 第七十四条 / 第八章 (a space after it is the norm). */
static int article_number(const dz_rule_ctx *ctx, size_t ls, size_t at) {
  static const char *const units[] = {"条", "章", "节", "编", "款", "项", "部分", NULL};
  if (at - ls < 6 || memcmp(ctx->s + ls, "第", 3)) return 0;
  for (int u = 0; units[u]; u++) {
    size_t l = strlen(units[u]);
    if (at - ls > 3 + l && !memcmp(ctx->s + at - l, units[u], l)) return dz__chars(ctx->s, ls, at) <= 8;
  }
  return 0;
}

/* Half-width marks, doubled or clashing marks and spaces within one line. */
static int marks(dz_rule_ctx *ctx, size_t a, size_t b) {
  int prose = dz__contains(ctx->s, a, b, "，") || dz__contains(ctx->s, a, b, "。");
  uint32_t prev = 0;
  size_t prev_at = a;
  for (size_t i = a; i < b;) {
    size_t at = i;
    uint32_t c = dz_utf8_next(ctx->s, b, &i);
    uint32_t nx = 0;
    if (i < b) {
      size_t k = i;
      nx = dz_utf8_next(ctx->s, b, &k);
      if (is_space(nx) && k < b && c != ' ') {
        size_t q = k;
        nx = dz_utf8_next(ctx->s, b, &q);
      }
    }
    const char *fw = full_width(c);
    if (fw && c != '(' && c != ')' && dz_is_han(prev) && dz_is_han(nx) &&
        !(c == '.' && numbering_prefix(ctx, a, at)) &&
        dz__emit(ctx, "text.punct", at, i, fw, "中文之间使用了半角“%c”，应为全角“%s”。", (char)c, fw))
      return ctx->err;
    int s1 = strength(prev), s2 = strength(c);
    if (s1 && s2 && (s1 <= 5 || s2 <= 5) && !(s1 == 6 && s2 == 6)) {
      const char *keep = s2 >= s1 ? ctx->s + at : ctx->s + prev_at;
      size_t kl = s2 >= s1 ? i - at : at - prev_at;
      char sugg[8];
      snprintf(sugg, sizeof sugg, "%.*s", (int)kl, keep);
      if (dz__emit(ctx, "text.punct", prev_at, i, sugg, "标点重复或冲突：“%.*s”，应为“%s”。", (int)(i - prev_at),
                   ctx->s + prev_at, sugg))
        return ctx->err;
      prev = 0; /* do not chain 。。。 into overlapping findings */
      prev_at = i;
      continue;
    }
    if (is_space(c) && prose && dz_is_han(prev) && !article_number(ctx, a, at)) {
      size_t e = i;
      while (e < b) {
        size_t k = e;
        if (!is_space(dz_utf8_next(ctx->s, b, &k))) break;
        e = k;
      }
      size_t k = e;
      uint32_t after = e < b ? dz_utf8_next(ctx->s, b, &k) : 0;
      if (dz_is_han(after) && dz__emit(ctx, "text.punct", at, e, "", "汉字之间有多余的空格。")) return ctx->err;
      i = e;
      prev = c, prev_at = at;
      continue;
    }
    prev = c, prev_at = at;
  }
  return 0;
}

/* Half-width () around Chinese content: suggest the full-width pair. */
static int half_parens(dz_rule_ctx *ctx, size_t a, size_t b) {
  for (size_t i = a; i < b;) {
    size_t at = i;
    uint32_t c = dz_utf8_next(ctx->s, b, &i);
    if (c != '(' || numbering_prefix(ctx, a, at)) continue;
    size_t j = i;
    int han = 0;
    while (j < b && ctx->s[j] != ')' && ctx->s[j] != '(') {
      size_t k = j;
      han |= dz_is_han(dz_utf8_next(ctx->s, b, &k));
      j = k;
    }
    if (j >= b || ctx->s[j] != ')' || !han) continue;
    size_t p = at;
    uint32_t pv = at > a ? dz_utf8_prev(ctx->s, &p) : 0;
    if (!dz_is_han(pv) && pv != 0xFF0C) continue;
    if (dz__emit(ctx, "text.punct", at, at + 1, "（", "中文括号应使用全角“（”。") ||
        dz__emit(ctx, "text.punct", j, j + 1, "）", "中文括号应使用全角“）”。"))
      return ctx->err;
    i = j + 1;
  }
  return 0;
}

/* Each non-residue line, independently. */
int dz__rule_punct(dz_rule_ctx *ctx) {
  size_t nl = dz_text_line_count(ctx->text);
  for (size_t line = 1; line <= nl; line++) {
    size_t a, b;
    if (dz_text_line_span(ctx->text, line, &a, &b)) break;
    while (a < b && (ctx->s[a] == ' ' || ctx->s[a] == '\t')) a++;
    if (a == b || dz__in_residue(ctx, a)) continue;
    if (pairs(ctx, a, b) || marks(ctx, a, b) || half_parens(ctx, a, b)) return ctx->err;
  }
  return 0;
}
