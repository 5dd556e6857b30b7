/*
** The document frame: which level-1 headings are the parts (problems, causes, measures) and
** which headings are the aspects, matched against a profile's aspects by name or alias, by a
** listed near miss, or by character similarity (政治素养 ~ 政治素质). Also the automatic
** choice of a profile, which scores every profile on keywords and aspect matches and says why.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"
#include "text/utf8.h"

/* Part names every material uses, whatever the profile says (profiles add their own). */
static const char *const default_parts[DZ_ROLE_N][10] = {
    {"存在问题", "存在的问题", "问题查摆", "查摆问题", "检视问题", "主要问题", "突出问题", "对照检查情况", NULL},
    {"原因剖析", "原因分析", "根源剖析", "剖析原因", "问题根源", "产生问题的原因", "思想根源", "根源分析", NULL},
    {"整改措施", "努力方向", "整改方向", "整改举措", "今后努力方向", "下一步打算", "整改思路", "改进措施", NULL},
};

static int span_has(const char *s, size_t a, size_t b, const char *x) { return dz__contains(s, a, b, x); }

/* Role of a heading title, or -1. */
static int part_role(const dz_rule_ctx *ctx, const dz_profile *p, size_t a, size_t b) {
  for (int r = 0; r < DZ_ROLE_N; r++)
    for (int k = 0; default_parts[r][k]; k++)
      if (span_has(ctx->s, a, b, default_parts[r][k])) return r;
  for (size_t i = 0; p && i < p->nparts; i++) {
    if (span_has(ctx->s, a, b, p->parts[i].name)) return p->parts[i].role;
    for (size_t k = 0; k < p->parts[i].aliases.n; k++)
      if (span_has(ctx->s, a, b, p->parts[i].aliases.v[k])) return p->parts[i].role;
  }
  return -1;
}

/* Code points of s[a..b), at most `max`. */
static size_t cps(const char *s, size_t a, size_t b, uint32_t *out, size_t max) {
  size_t k = 0, i = a;
  while (i < b && k < max) out[k++] = dz_utf8_next(s, b, &i);
  return k;
}

/* Longest common subsequence of two short code point strings over the longer length. */
static double similarity(const char *s, size_t a, size_t b, const char *x) {
  uint32_t u[48], v[48];
  size_t n = cps(s, a, b, u, 48), m = cps(x, 0, strlen(x), v, 48);
  if (!n || !m) return 0;
  unsigned short dp[49][49];
  for (size_t i = 0; i <= n; i++)
    for (size_t j = 0; j <= m; j++) {
      if (!i || !j) dp[i][j] = 0;
      else if (u[i - 1] == v[j - 1]) dp[i][j] = dp[i - 1][j - 1] + 1;
      else dp[i][j] = dp[i - 1][j] > dp[i][j - 1] ? dp[i - 1][j] : dp[i][j - 1];
    }
  return (double)dp[n][m] / (double)(n > m ? n : m);
}

/* Whether title s[a..b) names x: equal, or contains it when x has two characters or more. */
static int names(const char *s, size_t a, size_t b, const char *x) {
  size_t l = strlen(x);
  if (l == b - a && !memcmp(s + a, x, l)) return 1;
  return dz__chars(x, 0, l) >= 2 && span_has(s, a, b, x);
}

/* Score of heading title [a,b) against aspect `as`: 100 name/alias, 80 near miss,
** 50..60 similar (renamed), 0 none. */
static int aspect_score(const char *s, size_t a, size_t b, const dz_prof_aspect *as) {
  if (names(s, a, b, as->name)) return 100;
  for (size_t k = 0; k < as->aliases.n; k++)
    if (names(s, a, b, as->aliases.v[k])) return 100;
  for (size_t k = 0; k < as->near_misses.n; k++)
    if (names(s, a, b, as->near_misses.v[k])) return 80;
  double best = similarity(s, a, b, as->name);
  for (size_t k = 0; k < as->aliases.n; k++) {
    double x = similarity(s, a, b, as->aliases.v[k]);
    if (x > best) best = x;
  }
  return best >= 0.5 ? 50 + (int)(best * 10) : 0;
}

/* Record heading h as an aspect candidate with its title span. */
static void add_aspect(const dz_rule_ctx *ctx, dz_frame *f, const dz_node *h) {
  size_t ts, te;
  if (f->nasp >= sizeof f->asp / sizeof f->asp[0] || !dz__node_title_span(ctx, h, &ts, &te)) return;
  f->asp[f->nasp++] = (dz_frame_aspect){h, ts, te, -1, 0};
}

/* Parts by title, aspects by place, then the greedy aspect assignment. */
void dz__frame_build(dz_rule_ctx *ctx, const dz_profile *p, dz_frame *f) {
  memset(f, 0, sizeof *f);
  const dz_node *root = dz_doc_root(ctx->doc);
  int unroled = 0;
  for (const dz_node *c = dz_node_first_child(root); c; c = dz_node_next(c)) {
    if (dz_node_get_kind(c) != DZ_NODE_HEADING || dz_node_level(c) != 1) continue;
    f->nheadings1++;
    size_t ts, te;
    if (!dz__node_title_span(ctx, c, &ts, &te)) continue;
    int r = part_role(ctx, p, ts, te);
    if (r >= 0 && !f->part[r]) f->part[r] = c;
    if (r < 0) unroled++;
  }
  if (f->part[DZ_ROLE_PROBLEMS]) {
    for (const dz_node *c = dz_node_first_child(f->part[DZ_ROLE_PROBLEMS]); c; c = dz_node_next(c))
      if (dz_node_get_kind(c) == DZ_NODE_HEADING) add_aspect(ctx, f, c);
  } else if (unroled >= 2 && p && p->naspects) {
    /* Aspects as level-1 headings (一、带头…方面 … 六、原因剖析). */
    for (const dz_node *c = dz_node_first_child(root); c; c = dz_node_next(c)) {
      if (dz_node_get_kind(c) != DZ_NODE_HEADING || dz_node_level(c) != 1) continue;
      size_t ts, te;
      if (dz__node_title_span(ctx, c, &ts, &te) && part_role(ctx, p, ts, te) < 0) add_aspect(ctx, f, c);
    }
  }
  if (!p || !p->naspects) return;
  /* Greedy assignment by descending score; each profile aspect is used once. */
  int used[32] = {0};
  for (;;) {
    int best = 0;
    size_t bi = 0, bj = 0;
    for (size_t i = 0; i < f->nasp; i++) {
      if (f->asp[i].match >= 0) continue;
      for (size_t j = 0; j < p->naspects; j++) {
        if (used[j]) continue;
        int sc = aspect_score(ctx->s, f->asp[i].ts, f->asp[i].te, &p->aspects[j]);
        if (sc > best) best = sc, bi = i, bj = j;
      }
    }
    if (!best) break;
    f->asp[bi].match = (int)bj;
    f->asp[bi].renamed = best < 100;
    used[bj] = 1;
    if (best < 100) f->renamed++;
    else f->exact++;
  }
}

/* Text before the first heading (title and preamble). */
static size_t head_end(const dz_rule_ctx *ctx) {
  for (const dz_node *c = dz_node_first_child(dz_doc_root(ctx->doc)); c; c = dz_node_next(c))
    if (dz_node_get_kind(c) == DZ_NODE_HEADING || dz_node_get_kind(c) == DZ_NODE_POINT) return dz_node_dstart(c);
  return ctx->n < 600 ? ctx->n : 600;
}

/* Score every profile on the title/preamble and aspect headings; explain the choice. */
void dz__profile_choose(dz_rule_ctx *ctx) {
  const dz_checker *ck = ctx->ck;
  if (!ck->nprof) {
    snprintf(ctx->reason, sizeof ctx->reason, "没有可用的框架");
    return;
  }
  size_t he = head_end(ctx);
  int best = -1;
  size_t bi = 0;
  char why[512] = "";
  for (size_t i = 0; i < ck->nprof; i++) {
    const dz_profile *p = &ck->prof[i];
    int score = 0;
    char r[512] = "";
    size_t rl = 0;
    const char *kw_head = NULL;
    /* Only the title and preamble speak for the meeting: body text of any document can
    ** mention 理论学习 or 党员. */
    for (size_t k = 0; k < p->keywords.n; k++) {
      const char *w = p->keywords.v[k];
      if (span_has(ctx->s, 0, he, w)) {
        score += 2;
        if (!kw_head) kw_head = w;
      }
    }
    if (kw_head) rl += (size_t)snprintf(r + rl, sizeof r - rl, "标题或前言含“%s”；", kw_head);
    if (*p->count_phrase && span_has(ctx->s, 0, he, p->count_phrase)) {
      score += 3;
      rl += (size_t)snprintf(r + rl, sizeof r - rl, "前言提到“%s”；", p->count_phrase);
    }
    if (p->naspects) {
      dz_frame f;
      dz__frame_build(ctx, p, &f);
      score += f.exact * 3 + f.renamed;
      if (f.exact + f.renamed && rl < sizeof r)
        rl += (size_t)snprintf(r + rl, sizeof r - rl, "%zu 个方面标题中 %d 个与该框架的方面一致；", f.nasp,
                               f.exact + f.renamed);
    }
    if (score > best) {
      best = score, bi = i;
      snprintf(why, sizeof why, "%s", r);
    }
  }
  if (best < 3) { /* one stray keyword is not evidence */
    /* Nothing specific: the profile without fixed aspects. */
    for (size_t i = 0; i < ck->nprof; i++)
      if (!ck->prof[i].naspects) {
        bi = i;
        break;
      }
    ctx->prof = &ck->prof[bi];
    snprintf(ctx->reason, sizeof ctx->reason, "自动选择：未发现特定会议框架的关键词或方面标题，使用“%s”",
             ctx->prof->name);
    return;
  }
  ctx->prof = &ck->prof[bi];
  size_t wl = strlen(why);
  if (wl >= 3 && !strcmp(why + wl - 3, "；")) why[wl - 3] = 0;
  size_t head = strlen("自动选择：");
  memcpy(ctx->reason, "自动选择：", head);
  snprintf(ctx->reason + head, sizeof ctx->reason - head, "%.*s", (int)(sizeof ctx->reason - head - 1), why);
}
