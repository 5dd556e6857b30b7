/*
** structure.part-missing / aspect-missing / aspect-extra / aspect-renamed / count-mismatch
** (对照“六个方面” or “五个带头” in the preamble against the aspects of the body, when the clause
** announces the document's structure):
** the document against the profile's framework, through the frame built by frame.c.
**
** Precision guards: part checks need at least one recognised part heading (a plain text
** snippet is not a material with missing parts); aspect checks need the aspects' place (the
** problems part, or aspects as level-1 headings) and a profile with aspects.
*/
#include <stdio.h>
#include <string.h>

#include "check/check_int.h"
#include "text/utf8.h"

static const char *const role_names[DZ_ROLE_N] = {"存在问题", "原因剖析", "整改措施"};

/* The span of the line holding node n (trimmed to the line). */
static void line_of(const dz_rule_ctx *ctx, const dz_node *n, size_t *a, size_t *b) {
  *a = dz_node_dstart(n);
  *b = dz__line_end(ctx, *a);
}

/* The first line of the document: where whole-document findings point. */
static void doc_head(const dz_rule_ctx *ctx, size_t *a, size_t *b) {
  const dz_node *c = dz_node_first_child(dz_doc_root(ctx->doc));
  if (c) line_of(ctx, c, a, b);
  else *a = 0, *b = dz__line_end(ctx, 0);
}

/* structure.part-missing. No suggestion: a suggestion replaces the span (fix, the web page),
** and the span here is only where the finding is shown (the first line), not text to rewrite. */
static int parts(dz_rule_ctx *ctx) {
  const dz_frame *f = &ctx->frame;
  const dz_profile *p = ctx->prof;
  int found = 0, expected[DZ_ROLE_N] = {1, 1, 1};
  for (int r = 0; r < DZ_ROLE_N; r++) found += f->part[r] != NULL;
  if (!found) return 0;
  if (p && p->nparts) {
    memset(expected, 0, sizeof expected);
    for (size_t i = 0; i < p->nparts; i++) expected[p->parts[i].role] = 1;
  }
  /* Aspects written as level-1 headings stand in for the problems part. */
  if (!f->part[DZ_ROLE_PROBLEMS] && f->nasp >= 2) expected[DZ_ROLE_PROBLEMS] = 0;
  for (int r = 0; r < DZ_ROLE_N; r++) {
    if (!expected[r] || f->part[r]) continue;
    const char *name = role_names[r];
    for (size_t i = 0; p && i < p->nparts; i++)
      if (p->parts[i].role == r) name = p->parts[i].name;
    size_t a, b;
    doc_head(ctx, &a, &b);
    if (dz__emit(ctx, "structure.part-missing", a, b, NULL, "缺少“%s”部分：对照检查材料应包含存在问题、原因剖析、整改措施三部分。", name))
      return ctx->err;
  }
  return 0;
}

/* structure.aspect-renamed / -extra / -missing. */
static int aspects(dz_rule_ctx *ctx) {
  const dz_frame *f = &ctx->frame;
  const dz_profile *p = ctx->prof;
  if (!p || !p->naspects || !f->nasp) return 0;
  /* Without a problems part, level-1 headings are aspects only if they look like them. */
  if (!f->part[DZ_ROLE_PROBLEMS] && (f->nasp < 2 || f->exact + f->renamed < 2)) return 0;
  int used[32] = {0};
  for (size_t i = 0; i < f->nasp; i++) {
    const dz_frame_aspect *x = &f->asp[i];
    if (x->match >= 0) {
      used[x->match] = 1;
      if (!x->renamed) continue;
      const char *official = p->aspects[x->match].name;
      if (dz__emit(ctx, "structure.aspect-renamed", x->ts, x->te, official, "方面名称“%.*s”与“%s”框架不一致，应为“%s”。",
                   (int)(x->te - x->ts), ctx->s + x->ts, p->name, official))
        return ctx->err;
    } else if (dz__emit(ctx, "structure.aspect-extra", x->ts, x->te, NULL, "“%.*s”不是“%s”框架规定的方面。",
                        (int)(x->te - x->ts), ctx->s + x->ts, p->name))
      return ctx->err;
  }
  size_t a, b;
  if (f->part[DZ_ROLE_PROBLEMS]) line_of(ctx, f->part[DZ_ROLE_PROBLEMS], &a, &b);
  else line_of(ctx, f->asp[0].node, &a, &b);
  /* No suggestion: the span only anchors the finding; replacing it would erase a heading. */
  for (size_t j = 0; j < p->naspects; j++) {
    if (used[j]) continue;
    if (dz__emit(ctx, "structure.aspect-missing", a, b, NULL, "缺少“%s”方面（“%s”框架共 %zu 个方面）。",
                 p->aspects[j].name, p->name, p->naspects))
      return ctx->err;
  }
  return 0;
}

/* Value of a Chinese or Arabic numeral of 1-99 ending just before x; its start in *start. */
static int numeral_before(const dz_rule_ctx *ctx, size_t x, size_t *start) {
  static const char *const d[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  size_t i = x;
  int val = 0, seen = 0, mul = 1;
  /* Arabic digits. */
  while (i > 0 && ctx->s[i - 1] >= '0' && ctx->s[i - 1] <= '9' && seen < 2) {
    val += (ctx->s[i - 1] - '0') * mul;
    mul *= 10, i--, seen++;
  }
  if (seen) {
    *start = i;
    return val;
  }
  /* Chinese: 两, 一..九, 十, 二十三 … (read forward from the start of the run). */
  size_t s = x;
  while (s > 0) {
    size_t j = s;
    uint32_t c = dz_utf8_prev(ctx->s, &j);
    char b[5];
    int l = dz_utf8_put(b, c);
    b[l] = 0;
    int is_num = !strcmp(b, "十") || !strcmp(b, "两");
    for (int k = 1; k < 10 && !is_num; k++) is_num = !strcmp(b, d[k]);
    if (!is_num || x - j > 9) break;
    s = j;
  }
  if (s == x) return 0;
  int tens = 0, unit = 0;
  for (size_t i2 = s; i2 < x;) {
    size_t k = i2;
    uint32_t c = dz_utf8_next(ctx->s, x, &k);
    if (c == 0x5341) tens = unit ? unit : 1, unit = 0;
    else if (c == 0x4E24) unit = 2;
    else
      for (int v = 1; v < 10; v++) {
        size_t q = 0;
        if (dz_utf8_next(d[v], strlen(d[v]), &q) == c) unit = v;
      }
    i2 = k;
  }
  *start = s;
  return tens * 10 + unit;
}

/* A clause delimiter: sentence and clause punctuation (not 、, which lists the aspects). */
static int clause_break(uint32_t c) {
  return c == '\n' || c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0xFF1A || c == 0xFF01 || c == 0xFF1F ||
         c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
}

/* The clause around [a, b): from after the previous delimiter to the next one (within [0, end)). */
static void clause_of(const dz_rule_ctx *ctx, size_t a, size_t b, size_t end, size_t *cs, size_t *ce) {
  size_t i = a, j = b;
  while (i > 0) {
    size_t k = i;
    if (clause_break(dz_utf8_prev(ctx->s, &k))) break;
    i = k;
  }
  while (j < end) {
    size_t k = j;
    if (clause_break(dz_utf8_next(ctx->s, end, &k))) break;
    j = k;
  }
  *cs = i, *ce = j;
}

/* Does [a, b) hold a word that makes a count announce the document's own structure (对照“六个
** 方面”, 从以下五个方面进行对照检查, 围绕……六个方面查摆)? Counts in other clauses are about
** something else (总书记从三个方面提出的要求, 从四个方面征求意见). */
static int structure_cue(const dz_rule_ctx *ctx, size_t a, size_t b) {
  static const char *const cues[] = {"对照", "围绕", "聚焦", "紧扣", "以下", "如下", "查摆", "检视", "检查",
                                     "剖析", "查找", "汇报", "报告", "发言", "梳理", "逐项", NULL};
  for (int i = 0; cues[i]; i++)
    if (memmem(ctx->s + a, b - a, cues[i], strlen(cues[i]))) return 1;
  return 0;
}

/* Whether the count at [s, x) (x = the start of the counted word, which ends at e) announces
** the structure: a cue in its clause, or, when the count is quoted (按照“六个方面”的要求，深入查摆
**问题), in the clause after it. */
static int announces_structure(const dz_rule_ctx *ctx, size_t s, size_t e, size_t end) {
  size_t cs, ce;
  clause_of(ctx, s, e, end, &cs, &ce);
  if (structure_cue(ctx, cs, ce)) return 1;
  size_t q = s, r = e;
  int quoted = q > 0 && dz_utf8_prev(ctx->s, &q) == 0x201C && r < end && dz_utf8_next(ctx->s, end, &r) == 0x201D;
  if (!quoted || ce >= end) return 0;
  size_t ns = ce, ne;
  dz_utf8_next(ctx->s, end, &ns);
  clause_of(ctx, ns, ns, end, &ns, &ne);
  return structure_cue(ctx, ns, ne);
}

/* structure.count-mismatch: N个方面 in the preamble against the aspects found, when the
** sentence announces the structure of the document. */
static int count_mismatch(dz_rule_ctx *ctx) {
  const dz_frame *f = &ctx->frame;
  if (!f->nasp || (!f->part[DZ_ROLE_PROBLEMS] && (f->nasp < 2 || f->exact + f->renamed < 2))) return 0;
  /* Only the text before the first heading announces the count. */
  size_t end = ctx->n;
  for (const dz_node *c = dz_node_first_child(dz_doc_root(ctx->doc)); c; c = dz_node_next(c))
    if (dz_node_get_kind(c) == DZ_NODE_HEADING) {
      end = dz_node_dstart(c);
      break;
    }
  static const char *const words[] = {"个方面", "个带头", NULL};
  for (int wi = 0; words[wi]; wi++) {
    const char *w = words[wi];
    size_t wl = strlen(w);
    for (const char *p = memmem(ctx->s, end, w, wl); p; p = memmem(p + 1, end - (size_t)(p + 1 - ctx->s), w, wl)) {
      size_t x = (size_t)(p - ctx->s), s;
      int v = numeral_before(ctx, x, &s);
      if (v > 0 && (size_t)v != f->nasp && announces_structure(ctx, s, x + wl, end)) {
        char num[16];
        if (dz__emit(ctx, "structure.count-mismatch", s, x + wl, NULL, "文中说“%.*s”，但正文列出了%s个方面。",
                     (int)(x + wl - s), ctx->s + s, dz__cn_number((int)f->nasp, num)))
          return ctx->err;
      }
      if ((size_t)(p + 1 - ctx->s) + wl > end) break;
    }
  }
  return 0;
}

/* The structure family (numbering is in rule_numbering.c). */
int dz__rule_structure(dz_rule_ctx *ctx) {
  if (parts(ctx) || aspects(ctx) || count_mismatch(ctx)) return ctx->err;
  return 0;
}
