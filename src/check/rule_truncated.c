/*
** text.truncated: a paragraph or point that stops mid-way (the seed's line 15 ends
** “一些工作和流程存在”). A line is suspect when it is body text (not the title, a heading or
** residue), is long enough to be prose (at least 20 characters with a clause mark inside),
** and its last character is a letter, digit or Han character rather than closing punctuation.
** It must also hold a complete sentence before (a 。！？ inside): a byline, a title, a list
** item or a table cell has none, while a point that trails off after real sentences does.
** It must also hold a complete sentence before (a 。！？ inside): a byline, a title, a list
** item or a table cell has none, while a point that trails off after real sentences does.
** The finding covers the unfinished last clause.
*/
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"
#include "text/utf8.h"

#define MIN_CHARS 20

/* Marks that end a clause; the unfinished clause starts after the last one. */
static int is_clause_mark(uint32_t c) {
  return c == 0xFF0C || c == 0x3002 || c == 0x3001 || c == 0xFF1B || c == 0xFF1A || c == 0xFF01 || c == 0xFF1F ||
         c == ',' || c == ';';
}

/* A last character that cannot end a sentence. */
static int is_open_end(uint32_t c) {
  return dz_is_han(c) || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xFF10 && c <= 0xFF19);
}

/* Decoded starts of the lines that are structure rather than body text: the title, residue,
** and headings whose line holds only the title. Sorted, since the iterator is in order. */
static size_t *structural_starts(const dz_rule_ctx *ctx, size_t *count) {
  size_t cap = 64, n = 0;
  size_t *v = malloc(cap * sizeof *v);
  if (!v) return NULL;
  dz_iter it;
  dz_iter_init(&it, dz_doc_root(ctx->doc));
  dz_event ev;
  while ((ev = dz_iter_next(&it)) != DZ_EVENT_NONE) {
    const dz_node *nd = dz_iter_node(&it);
    dz_node_kind k = dz_node_get_kind(nd);
    if (ev != DZ_EVENT_ENTER || (k != DZ_NODE_HEADING && k != DZ_NODE_TITLE && k != DZ_NODE_RESIDUE)) continue;
    size_t a = dz_node_dstart(nd), ts, te;
    if (k == DZ_NODE_HEADING && dz__node_title_span(ctx, nd, &ts, &te) &&
        dz__chars(ctx->s, te, dz__line_end(ctx, a)) > 2)
      continue; /* a numbered paragraph: its text is body text */
    if (n == cap) {
      size_t *w = realloc(v, (cap *= 2) * sizeof *v);
      if (!w) {
        free(v);
        return NULL;
      }
      v = w;
    }
    v[n++] = dz__line_start(ctx, a);
  }
  *count = n;
  return v;
}

/* Binary search in the sorted structural line starts. */
static int listed(const size_t *v, size_t n, size_t x) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (v[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && v[lo] == x;
}

/* Every line that qualifies as unfinished body text. */
int dz__rule_truncated(dz_rule_ctx *ctx) {
  size_t nl = dz_text_line_count(ctx->text), ns = 0;
  size_t *st = structural_starts(ctx, &ns);
  if (!st) return ctx->err = DZ_ENOMEM;
  for (size_t line = 1; line <= nl; line++) {
    size_t a, b;
    if (dz_text_line_span(ctx->text, line, &a, &b)) break;
    while (b > a && (ctx->s[b - 1] == ' ' || ctx->s[b - 1] == '\t')) b--;
    size_t j = b;
    uint32_t last = b > a ? dz_utf8_prev(ctx->s, &j) : 0;
    if (!last || !is_open_end(last) || dz__chars(ctx->s, a, b) < MIN_CHARS) continue;
    if (memchr(ctx->s + a, '|', b - a)) continue; /* a table row */
    /* The last clause: after the final clause mark. */
    size_t cs = a;
    int ends = 0;
    for (size_t i = a; i < b;) {
      size_t k = i;
      uint32_t c = dz_utf8_next(ctx->s, b, &k);
      if (is_clause_mark(c)) cs = k;
      if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F) ends++;
      i = k;
    }
    if (!ends || listed(st, ns, a)) continue;
    if (dz__emit(ctx, "text.truncated", cs, b, NULL, "段落在“%.*s”处中断，缺少结束标点，疑似句子不完整。",
                 (int)(b - cs), ctx->s + cs))
      break;
  }
  free(st);
  return ctx->err;
}
