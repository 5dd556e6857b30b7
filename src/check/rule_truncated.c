/*
** text.truncated: a paragraph or point that stops mid-way (the seed's line 15 ends
** “一些工作和流程存在”). A line is suspect when it is body text (not the title, a heading or
** residue), is long enough to be prose (at least 20 characters with a clause mark inside),
** and its last character is a letter, digit or Han character rather than closing punctuation.
** It must also hold a complete sentence before (a 。！？ inside), or be a numbered point
** (一是…) with a clause mark: a byline, a title, a list item or a table cell has neither.
** It must also hold a complete sentence before (a 。！？ inside), or be a numbered point
** (一是…) with a clause mark: a byline, a title, a list item or a table cell has neither.
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

/* Whether node nd marks its line as structure (the title, residue, a heading whose line holds
** only the title) -- or, with `points`, whether it is a point starting its line. */
static int wanted(const dz_rule_ctx *ctx, const dz_node *nd, int points) {
  dz_node_kind k = dz_node_get_kind(nd);
  size_t a = dz_node_dstart(nd), ts, te;
  if (points) return k == DZ_NODE_POINT && dz__line_start(ctx, a) == a;
  if (k != DZ_NODE_HEADING && k != DZ_NODE_TITLE && k != DZ_NODE_RESIDUE) return 0;
  /* A numbered paragraph (1.加强学习。深入…) is body text. */
  return !(k == DZ_NODE_HEADING && dz__node_title_span(ctx, nd, &ts, &te) && dz__chars(ctx->s, te, dz__line_end(ctx, a)) > 2);
}

/* Decoded line starts of the wanted nodes, sorted (the iterator walks in order). */
static size_t *line_starts(const dz_rule_ctx *ctx, int points, size_t *count) {
  size_t cap = 64, n = 0;
  size_t *v = malloc(cap * sizeof *v);
  if (!v) return NULL;
  dz_iter it;
  dz_iter_init(&it, dz_doc_root(ctx->doc));
  dz_event ev;
  while ((ev = dz_iter_next(&it)) != DZ_EVENT_NONE) {
    const dz_node *nd = dz_iter_node(&it);
    if (ev != DZ_EVENT_ENTER || !wanted(ctx, nd, points)) continue;
    if (n == cap) {
      size_t *w = realloc(v, (cap *= 2) * sizeof *v);
      if (!w) {
        free(v);
        return NULL;
      }
      v = w;
    }
    v[n++] = dz__line_start(ctx, dz_node_dstart(nd));
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
  size_t *st = line_starts(ctx, 0, &ns), np = 0, *pt = line_starts(ctx, 1, &np);
  if (!st || !pt) {
    free(st), free(pt);
    return ctx->err = DZ_ENOMEM;
  }
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
    int ends = 0, marks = 0;
    for (size_t i = a; i < b;) {
      size_t k = i;
      uint32_t c = dz_utf8_next(ctx->s, b, &k);
      if (is_clause_mark(c)) cs = k, marks++;
      if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F) ends++;
      i = k;
    }
    /* Prose: a complete sentence before, or a numbered point (一是…，…) with a clause mark. */
    if (!(ends || (marks && listed(pt, np, a))) || listed(st, ns, a)) continue;
    if (dz__emit(ctx, "text.truncated", cs, b, NULL, "段落在“%.*s”处中断，缺少结束标点，疑似句子不完整。",
                 (int)(b - cs), ctx->s + cs))
      break;
  }
  free(st);
  free(pt);
  return ctx->err;
}
