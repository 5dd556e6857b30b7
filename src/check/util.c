/* Small helpers shared by the rule families: globs, line spans, titles, numerals. */
#include <fnmatch.h>
#include <string.h>

#include "check/check_int.h"
#include "text/utf8.h"

int dz__glob_match(const char *glob, const char *s) { return fnmatch(glob, s, 0) == 0; }

const char *dz__glob_next(const char *p, char *g, size_t cap) {
  if (!p || !*p) return NULL;
  const char *e = strchr(p, ',');
  size_t n = e ? (size_t)(e - p) : strlen(p);
  if (n >= cap) n = 0; /* longer than any rule id: matches nothing */
  memcpy(g, p, n);
  g[n] = 0;
  return e ? e + 1 : p + strlen(p);
}

int dz__glob_list_match(const char *list, const char *id) {
  char g[128];
  for (const char *p = list; (p = dz__glob_next(p, g, sizeof g));)
    if (g[0] && dz__glob_match(g, id)) return 1;
  return 0;
}

size_t dz__line_end(const dz_rule_ctx *ctx, size_t off) {
  if (off >= ctx->n) return ctx->n;
  const char *nl = memchr(ctx->s + off, '\n', ctx->n - off);
  return nl ? (size_t)(nl - ctx->s) : ctx->n;
}

size_t dz__line_start(const dz_rule_ctx *ctx, size_t off) {
  while (off > 0 && ctx->s[off - 1] != '\n') off--;
  return off;
}

int dz__node_title_span(const dz_rule_ctx *ctx, const dz_node *n, size_t *ts, size_t *te) {
  size_t len;
  const char *t = dz_node_title(n, &len);
  if (!t || !len) return 0;
  *ts = (size_t)(t - ctx->s);
  *te = *ts + len;
  return 1;
}

int dz__contains(const char *s, size_t a, size_t b, const char *needle) {
  size_t l = strlen(needle);
  return l && b > a && memmem(s + a, b - a, needle, l) != NULL;
}

size_t dz__chars(const char *s, size_t a, size_t b) {
  size_t k = 0;
  for (size_t i = a; i < b; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

const char *dz__cn_number(int v, char *buf) {
  static const char *const d[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  buf[0] = 0;
  if (v < 0 || v > 99) return strcpy(buf, "?");
  if (v < 10) return strcpy(buf, d[v]);
  if (v / 10 > 1) strcat(buf, d[v / 10]);
  strcat(buf, "十");
  if (v % 10) strcat(buf, d[v % 10]);
  return buf;
}

int dz__in_residue(const dz_rule_ctx *ctx, size_t off) { return off >= ctx->residue_from; }

size_t dz__match_lower(const dz_rule_ctx *ctx, size_t pos) {
  size_t lo = 0, hi = ctx->nm;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (ctx->m[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

int dz__covered(const dz_rule_ctx *ctx, int kind, size_t a, size_t b) {
  /* Patterns are short: a covering match starts at most DZ_MAX_PATTERN bytes before a. */
  size_t i = dz__match_lower(ctx, a > DZ_MAX_PATTERN ? a - DZ_MAX_PATTERN : 0);
  for (; i < ctx->nm && ctx->m[i].start <= a; i++)
    if (DZ_MK_KIND(ctx->m[i].value) == kind && ctx->m[i].end >= b) return 1;
  return 0;
}

/* Marks that end a sentence for the rules' purposes. */
static int ends_sentence(uint32_t c) { return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?'; }

void dz__sentence_span(const dz_rule_ctx *ctx, size_t off, size_t *a, size_t *b) {
  size_t ls = dz__line_start(ctx, off), le = dz__line_end(ctx, off);
  size_t s = ls;
  for (size_t j = ls; j < off;) {
    size_t k = j;
    uint32_t c = dz_utf8_next(ctx->s, le, &k);
    if (ends_sentence(c)) s = k;
    j = k;
  }
  /* Closing quotes after the previous sentence's mark belong to it. */
  while (s < off) {
    size_t k = s;
    uint32_t c = dz_utf8_next(ctx->s, le, &k);
    if (c != 0x201D && c != 0x2019 && c != ' ' && c != 0x3000) break;
    s = k;
  }
  size_t e = off;
  while (e < le) {
    size_t k = e;
    uint32_t c = dz_utf8_next(ctx->s, le, &k);
    e = k;
    if (ends_sentence(c)) {
      while (e < le) {
        size_t q = e;
        uint32_t d = dz_utf8_next(ctx->s, le, &q);
        if (d != 0x201D && d != 0x2019 && !ends_sentence(d)) break;
        e = q;
      }
      break;
    }
  }
  *a = s;
  *b = e;
}

int dz__has_residue_pattern(const dz_rule_ctx *ctx, size_t a, size_t b) {
  for (size_t i = dz__match_lower(ctx, a); i < ctx->nm && ctx->m[i].start < b; i++)
    if (DZ_MK_KIND(ctx->m[i].value) == DZ_MK_RESIDUE && ctx->m[i].end <= b) return 1;
  return 0;
}
