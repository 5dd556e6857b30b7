/*
** text.confusion: confusable words from the curated list data/lexicon/confusions.tsv (and the
** user's config), found by the shared Aho-Corasick scan. A match is skipped when one of the
** entry's exceptions (a longer legitimate string containing the wrong form, 既使得 for 既使)
** covers it, and when a longer confusion match overlaps it (the longest wins).
*/
#include <string.h>

#include "check/check_int.h"

/* Whether exception `e` (which contains `w`) occurs in the text around the match at [a, b). */
static int exception_covers(const dz_rule_ctx *ctx, const char *e, const char *w, size_t a) {
  size_t el = strlen(e), wl = strlen(w);
  for (const char *p = strstr(e, w); p; p = strstr(p + 1, w)) {
    size_t before = (size_t)(p - e);
    if (before > a || a - before + el > ctx->n) continue;
    if (!memcmp(ctx->s + a - before, e, el)) return 1;
    (void)wl;
  }
  return 0;
}

/* Report every confusion match not covered by an exception or a longer match. */
int dz__rule_confusion(dz_rule_ctx *ctx) {
  size_t last_end = 0;
  for (size_t i = 0; i < ctx->nm; i++) {
    const dz_match *m = &ctx->m[i];
    if (DZ_MK_KIND(m->value) != DZ_MK_CONF) continue;
    if (m->start < last_end) continue; /* inside a longer (earlier-sorted) confusion */
    const dz_confusion *c = &ctx->ck->conf[DZ_MK_INDEX(m->value)];
    int skip = 0;
    for (size_t k = 0; k < c->nexc && !skip; k++) skip = exception_covers(ctx, c->exc[k], c->wrong, m->start);
    if (skip) continue;
    last_end = m->end;
    /* The note's category (成语误写, 别字 …) is the text before its first "：". */
    const char *note = c->note ? c->note : "";
    const char *colon = strstr(note, "：");
    int cl = colon ? (int)(colon - note) : (int)strlen(note);
    if (cl > 30) cl = 0;
    if (dz__emit(ctx, "text.confusion", m->start, m->end, c->right, "“%s”疑为“%s”之误%s%.*s%s。", c->wrong, c->right,
                 cl ? "（" : "", cl, note, cl ? "）" : ""))
      return ctx->err;
  }
  return 0;
}
