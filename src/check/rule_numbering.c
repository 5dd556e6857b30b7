/*
** structure.numbering-gap / -repeat / -order / -mixed: the numbers of sibling headings (per
** level) and of sibling points (一是/二是, 第一/第二) must run 1, 2, 3 … without gaps, repeats
** or disorder, and one level must use one style (一、 not mixed with 一．; （一） not mixed
** with (一); 一是 not mixed with 第一). Sequences restart under every parent, and a point
** list restarts at a new 一是 after other content. 首先/其次/最后
** carry no reliable ordinals, so only their style is checked.
*/
#include <stdio.h>
#include <string.h>

#include "check/check_int.h"

/* The marker as written for an ordinal in a style: 三、 （三） 3. （3） 三是 第三. */
static const char *marker(dz_numbering st, int ord, char *buf, size_t cap) {
  char cn[16];
  dz__cn_number(ord, cn);
  switch (st) {
  case DZ_NUM_CN_DUN: snprintf(buf, cap, "%s、", cn); break;
  case DZ_NUM_CN_DOT: snprintf(buf, cap, "%s．", cn); break;
  case DZ_NUM_CN_COMMA: snprintf(buf, cap, "%s，", cn); break;
  case DZ_NUM_CN_PAREN: snprintf(buf, cap, "（%s）", cn); break;
  case DZ_NUM_CN_HALFPAREN: snprintf(buf, cap, "(%s)", cn); break;
  case DZ_NUM_ARABIC_DOT: snprintf(buf, cap, "%d.", ord); break;
  case DZ_NUM_ARABIC_DUN: snprintf(buf, cap, "%d、", ord); break;
  case DZ_NUM_ARABIC_PAREN: snprintf(buf, cap, "（%d）", ord); break;
  case DZ_NUM_ARABIC_HALFPAREN: snprintf(buf, cap, "(%d)", ord); break;
  case DZ_NUM_CIRCLED: snprintf(buf, cap, "第%d项", ord); break;
  case DZ_NUM_POINT_SHI: snprintf(buf, cap, "%s是", cn); break;
  case DZ_NUM_POINT_DI: snprintf(buf, cap, "第%s", cn); break;
  default: snprintf(buf, cap, "%d", ord); break;
  }
  return buf;
}

/* Family of a style: styles in one family are variants of each other. */
static int family(dz_numbering st) {
  switch (st) {
  case DZ_NUM_CN_DUN: case DZ_NUM_CN_DOT: case DZ_NUM_CN_COMMA: return 1;
  case DZ_NUM_CN_PAREN: case DZ_NUM_CN_HALFPAREN: return 2;
  case DZ_NUM_ARABIC_DOT: case DZ_NUM_ARABIC_DUN: return 3;
  case DZ_NUM_ARABIC_PAREN: case DZ_NUM_ARABIC_HALFPAREN: case DZ_NUM_CIRCLED: return 4;
  case DZ_NUM_POINT_SHI: case DZ_NUM_POINT_SEQ: case DZ_NUM_POINT_DI: return 5;
  default: return 0;
  }
}

/* The marker's span: from the node start to its title (at most 8 characters). */
static void marker_span(const dz_rule_ctx *ctx, const dz_node *n, size_t *a, size_t *b) {
  size_t ts, te;
  *a = dz_node_dstart(n);
  if (dz__node_title_span(ctx, n, &ts, &te) && ts > *a && dz__chars(ctx->s, *a, ts) <= 8) *b = ts;
  else {
    *b = *a;
    for (int k = 0; k < 2 && *b < ctx->n; k++) {
      (*b)++;
      while (*b < ctx->n && ((unsigned char)ctx->s[*b] & 0xC0) == 0x80) (*b)++;
    }
  }
}

#define SEQ_MAX 128

/* Check one sequence of sibling nodes (same level, or all points). */
static int sequence(dz_rule_ctx *ctx, const dz_node **v, size_t n, int continued) {
  if (!n) return 0;
  dz_numbering first = dz_node_numbering(v[0]);
  /* A run that resumes after other content may start anywhere: no gap before its first. */
  int prev = continued && dz_node_ordinal(v[0]) > 0 ? dz_node_ordinal(v[0]) - 1 : 0;
  char want[64], got[64];
  for (size_t i = 0; i < n; i++) {
    dz_numbering st = dz_node_numbering(v[i]);
    int o = dz_node_ordinal(v[i]);
    size_t a, b;
    marker_span(ctx, v[i], &a, &b);
    if (st != first && family(st) == family(first) && o > 0) {
      marker(first, o, want, sizeof want);
      if (dz__emit(ctx, "structure.numbering-mixed", a, b, want, "同一层级的编号样式不统一：“%.*s”与前面的“%s”不一致，应为“%s”。",
                   (int)(b - a), ctx->s + a, marker(first, dz_node_ordinal(v[0]), got, sizeof got), want))
        return ctx->err;
    }
    if (st == DZ_NUM_POINT_SEQ || o <= 0) continue;
    if (o == prev) {
      if (dz__emit(ctx, "structure.numbering-repeat", a, b, marker(st, o + 1, want, sizeof want),
                   "编号“%.*s”重复。", (int)(b - a), ctx->s + a))
        return ctx->err;
      prev = o + 1;
      continue;
    }
    if (o < prev) {
      if (dz__emit(ctx, "structure.numbering-order", a, b, NULL, "编号顺序颠倒：“%.*s”出现在“%s”之后。", (int)(b - a),
                   ctx->s + a, marker(st, prev, got, sizeof got)))
        return ctx->err;
      continue;
    }
    /* A gap whose missing numbers come later is a swap (一是 三是 二是): reported there. */
    int later = 1;
    for (int want_o = prev + 1; want_o < o && later; want_o++) {
      int found = 0;
      for (size_t j = i + 1; j < n && !found; j++) found = dz_node_ordinal(v[j]) == want_o;
      later = found;
    }
    if (o > prev + 1 && !later) {
      char miss[256] = "";
      size_t ml = 0;
      for (int k = prev + 1; k < o && k < prev + 6 && ml < sizeof miss - 32; k++)
        ml += (size_t)snprintf(miss + ml, sizeof miss - ml, "%s“%s”", k > prev + 1 ? "、" : "",
                               marker(st, k, got, sizeof got));
      if (dz__emit(ctx, "structure.numbering-gap", a, b, marker(st, prev + 1, want, sizeof want),
                   "编号不连续：“%.*s”之前缺少%s。", (int)(b - a), ctx->s + a, miss))
        return ctx->err;
    }
    prev = o;
  }
  return 0;
}

/* Children of `parent`: headings per level, and points, each as one sequence. */
static int children(dz_rule_ctx *ctx, const dz_node *parent, int depth) {
  if (depth > 16) return 0;
  const dz_node *v[SEQ_MAX];
  for (int lv = 1; lv <= 4; lv++) {
    size_t n = 0;
    for (const dz_node *c = dz_node_first_child(parent); c && n < SEQ_MAX; c = dz_node_next(c))
      if (dz_node_get_kind(c) == DZ_NODE_HEADING && dz_node_level(c) == lv && dz_node_numbering(c) != DZ_NUM_NONE)
        v[n++] = c;
    if (sequence(ctx, v, n, 0)) return ctx->err;
  }
  /* Points: after other content (an example paragraph, a plain paragraph) a run continues
  ** only with the next number in the same style (一是 … 如：… 二是); anything else starts a
  ** new list, which may begin at any number. */
  size_t n = 0;
  int interrupted = 0, continued = 0;
  for (const dz_node *c = dz_node_first_child(parent); c; c = dz_node_next(c)) {
    if (dz_node_get_kind(c) != DZ_NODE_POINT || dz_node_numbering(c) == DZ_NUM_NONE) {
      interrupted = n > 0;
      continue;
    }
    int same_style = n && dz_node_numbering(c) == dz_node_numbering(v[n - 1]);
    int follows = n && (dz_node_ordinal(c) == dz_node_ordinal(v[n - 1]) + 1 || dz_node_numbering(c) == DZ_NUM_POINT_SEQ);
    /* A different style that does not continue the count is another list (七是… 第二，…);
    ** one that continues it (一是… 第二，… 三是) is the same list written inconsistently. */
    if ((interrupted && !(same_style && follows)) || (n && !same_style && !follows) || n == SEQ_MAX) {
      if (sequence(ctx, v, n, continued)) return ctx->err;
      continued = dz_node_ordinal(c) != 1;
      n = 0;
    }
    interrupted = 0;
    v[n++] = c;
  }
  if (sequence(ctx, v, n, continued)) return ctx->err;
  for (const dz_node *c = dz_node_first_child(parent); c; c = dz_node_next(c)) {
    dz_node_kind k = dz_node_get_kind(c);
    if ((k == DZ_NODE_HEADING || k == DZ_NODE_PARAGRAPH || k == DZ_NODE_PREAMBLE) && children(ctx, c, depth + 1))
      return ctx->err;
  }
  return 0;
}

int dz__rule_numbering(dz_rule_ctx *ctx) { return children(ctx, dz_doc_root(ctx->doc), 0); }
