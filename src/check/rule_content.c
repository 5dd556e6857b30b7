/*
** content.coverage / no-specifics / empty-section: what a reviewer reads for.
**
**  - coverage: an aspect with problems whose name, aliases and keywords (from the profile)
**    appear nowhere in the measures part (the seed's 廉洁自律).
**  - no-specifics: an aspect (or, without aspects, the problems part) whose problem points
**    all lack an example (如：/比如/例如), a number, or a date. One finding per aspect rather
**    than per point, so a generic but otherwise sound material gets one note, not twenty.
**  - empty-section: a part or aspect heading with nothing under it, or a part that is one
**    short line.
*/
#include <stdio.h>
#include <string.h>

#include "check/check_int.h"
#include "text/utf8.h"

/* Whether the measures part mentions the aspect (name, aliases, keywords, title as written). */
static int covered(const dz_rule_ctx *ctx, const dz_node *measures, const dz_prof_aspect *as, const dz_frame_aspect *x) {
  size_t a = dz_node_dstart(measures), b = dz_node_dend(measures);
  if (dz__contains(ctx->s, a, b, as->name)) return 1;
  for (size_t k = 0; k < as->aliases.n; k++)
    if (dz__contains(ctx->s, a, b, as->aliases.v[k])) return 1;
  for (size_t k = 0; k < as->keywords.n; k++)
    if (dz__contains(ctx->s, a, b, as->keywords.v[k])) return 1;
  char title[256];
  size_t tl = x->te - x->ts < sizeof title - 1 ? x->te - x->ts : sizeof title - 1;
  memcpy(title, ctx->s + x->ts, tl);
  title[tl] = 0;
  return dz__contains(ctx->s, a, b, title);
}

/* Whether a node has problem content (points or paragraphs). */
static int has_content(const dz_node *n) {
  for (const dz_node *c = dz_node_first_child(n); c; c = dz_node_next(c)) {
    dz_node_kind k = dz_node_get_kind(c);
    if (k == DZ_NODE_POINT || k == DZ_NODE_PARAGRAPH) return 1;
  }
  return 0;
}

/* content.coverage for every matched aspect that has problems. */
static int coverage(dz_rule_ctx *ctx) {
  const dz_frame *f = &ctx->frame;
  const dz_node *meas = f->part[DZ_ROLE_MEASURES];
  if (!ctx->prof || !meas || !f->nasp) return 0;
  for (size_t i = 0; i < f->nasp; i++) {
    const dz_frame_aspect *x = &f->asp[i];
    if (x->match < 0 || !has_content(x->node)) continue;
    const dz_prof_aspect *as = &ctx->prof->aspects[x->match];
    if (covered(ctx, meas, as, x)) continue;
    if (dz__emit(ctx, "content.coverage", x->ts, x->te, NULL, "“%s”方面查摆了问题，但整改措施中没有针对这一方面的措施。", as->name))
      return ctx->err;
  }
  return 0;
}

static int is_digit_cp(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

/* Time anchors that date an example without a digit (今年汛期…, 近两个小时): 个 is no counter
** on its own (四个意识), but 个 followed by a unit of time is. */
static const char *const time_words[] = {"今年", "去年", "上半年", "下半年", "年初", "年底", "汛期",
                                         "个小时", "个月", "个季度", "个星期", "个工作日", NULL};

/* Specifics in [a, b): an Arabic number, a Chinese number with a counting word (三次, 两篇),
** or a time anchor. */
static int specifics_in(const dz_rule_ctx *ctx, size_t a, size_t b) {
  static const char cn[] = "一二三四五六七八九十两百千万";
  static const char counters[] = "次项件名篇份起场家天年月日人条批期"; /* not 个: 四个意识 */
  for (size_t t = 0; time_words[t]; t++)
    if (b > a && memmem(ctx->s + a, b - a, time_words[t], strlen(time_words[t]))) return 1;
  for (size_t i = a; i < b;) {
    uint32_t c = dz_utf8_next(ctx->s, b, &i);
    if (is_digit_cp(c)) return 1;
    char u[5];
    int l = dz_utf8_put(u, c);
    u[l] = 0;
    if (c < 0x80 || !strstr(cn, u) || i >= b) continue;
    size_t k = i;
    uint32_t d = dz_utf8_next(ctx->s, b, &k);
    char w[5];
    l = dz_utf8_put(w, d);
    w[l] = 0;
    /* 一个/一次 are too common as plain words (一定, 一些 already excluded by the counter list). */
    if (d >= 0x80 && strstr(counters, w) && c != 0x4E00) return 1;
  }
  return 0;
}

/* A point is specific with an example child or a number. */
static int point_specific(const dz_rule_ctx *ctx, const dz_node *pt) {
  for (const dz_node *c = dz_node_first_child(pt); c; c = dz_node_next(c))
    if (dz_node_get_kind(c) == DZ_NODE_EXAMPLE) return 1;
  return specifics_in(ctx, dz_node_dstart(pt), dz_node_dend(pt));
}

/* One unit (an aspect heading or the problems part): all its points without specifics? */
static int unit_specifics(dz_rule_ctx *ctx, const dz_node *unit, size_t ts, size_t te, const char *name) {
  size_t points = 0;
  for (const dz_node *c = dz_node_first_child(unit); c; c = dz_node_next(c)) {
    if (dz_node_get_kind(c) != DZ_NODE_POINT) continue;
    points++;
    if (point_specific(ctx, c)) return 0;
  }
  if (!points) return 0;
  return dz__emit(ctx, "content.no-specifics", ts, te, NULL,
                  "“%s”下的 %zu 条问题都没有具体事例、数据或时间，显得空泛，建议补充典型事例。", name, points);
}

/* content.no-specifics per aspect, or for the problems part when there are no aspects. */
static int no_specifics(dz_rule_ctx *ctx) {
  const dz_frame *f = &ctx->frame;
  char name[256];
  for (size_t i = 0; i < f->nasp; i++) {
    const dz_frame_aspect *x = &f->asp[i];
    snprintf(name, sizeof name, "%.*s", (int)(x->te - x->ts), ctx->s + x->ts);
    if (unit_specifics(ctx, x->node, x->ts, x->te, name)) return ctx->err;
  }
  const dz_node *prob = f->part[DZ_ROLE_PROBLEMS];
  if (!f->nasp && prob) {
    size_t ts, te;
    if (dz__node_title_span(ctx, prob, &ts, &te)) {
      snprintf(name, sizeof name, "%.*s", (int)(te - ts), ctx->s + ts);
      if (unit_specifics(ctx, prob, ts, te, name)) return ctx->err;
    }
  }
  return 0;
}

/* Whether a heading has anything under it. */
static int empty(const dz_node *h) { return dz_node_first_child(h) == NULL; }

/* content.empty-section for parts and aspects. */
static int empty_sections(dz_rule_ctx *ctx) {
  const dz_frame *f = &ctx->frame;
  for (int r = 0; r < DZ_ROLE_N; r++) {
    const dz_node *h = f->part[r];
    size_t ts, te;
    if (!h || !dz__node_title_span(ctx, h, &ts, &te)) continue;
    const dz_node *c = dz_node_first_child(h);
    if (empty(h)) {
      if (dz__emit(ctx, "content.empty-section", ts, te, NULL, "“%.*s”部分没有内容。", (int)(te - ts), ctx->s + ts))
        return ctx->err;
    } else if (!dz_node_next(c) && dz_node_get_kind(c) != DZ_NODE_HEADING &&
               dz__chars(ctx->s, dz_node_dstart(c), dz_node_dend(c)) < 40) {
      if (dz__emit(ctx, "content.empty-section", ts, te, NULL, "“%.*s”部分只有一句话，内容过于简单。", (int)(te - ts),
                   ctx->s + ts))
        return ctx->err;
    }
  }
  for (size_t i = 0; i < f->nasp; i++) {
    const dz_frame_aspect *x = &f->asp[i];
    if (empty(x->node) &&
        dz__emit(ctx, "content.empty-section", x->ts, x->te, NULL, "“%.*s”方面下没有查摆任何问题。", (int)(x->te - x->ts),
                 ctx->s + x->ts))
      return ctx->err;
  }
  return 0;
}

/* The content family. */
int dz__rule_content(dz_rule_ctx *ctx) {
  if (coverage(ctx) || no_specifics(ctx) || empty_sections(ctx)) return ctx->err;
  return 0;
}
