/*
** text.residue: leftovers of the template site a draft came from: the trailing lines the
** parser marked as residue and that carry a curated pattern (本文档编辑密码…), each reported as
** a whole line, and, anywhere in the body, the patterns of
** data/lexicon/residue.tsv with their scope: the whole line, or the sentence around the
** match (the seed's advertisement 年度会员…该网站 sits inside a point). Several patterns in one
** span give one finding.
*/
#include "check/check_int.h"

/* A residue finding; long spans get a short message naming the pattern. */
static int emit(dz_rule_ctx *ctx, size_t a, size_t b, const char *pat) {
  size_t chars = dz__chars(ctx->s, a, b);
  if (chars > 40)
    return dz__emit(ctx, "text.residue", a, b, NULL, "疑似模板网站残留（含“%s”），请删除这段内容。", pat);
  return dz__emit(ctx, "text.residue", a, b, NULL, "疑似模板网站残留：“%.*s”，请删除。", (int)(b - a), ctx->s + a);
}

/* Trim spaces at both ends of [*a, *b). */
static void trim(const char *s, size_t *a, size_t *b) {
  while (*a < *b && (s[*a] == ' ' || s[*a] == '\t')) (*a)++;
  while (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == '\t')) (*b)--;
}

/* Confirmed trailing residue lines, then body patterns (deduplicated by span). */
int dz__rule_residue(dz_rule_ctx *ctx) {
  for (const dz_node *c = dz_node_first_child(dz_doc_root(ctx->doc)); c; c = dz_node_next(c)) {
    if (dz_node_get_kind(c) != DZ_NODE_RESIDUE || dz_node_dstart(c) < ctx->residue_from) continue;
    size_t a = dz_node_dstart(c), b = dz_node_dend(c);
    if (dz__emit(ctx, "text.residue", a, b, NULL, "模板网站残留：“%.*s”，请删除。", (int)(b - a), ctx->s + a))
      return ctx->err;
  }
  size_t last_a = (size_t)-1, last_b = 0;
  for (size_t i = 0; i < ctx->nm; i++) {
    const dz_match *m = &ctx->m[i];
    if (DZ_MK_KIND(m->value) != DZ_MK_RESIDUE || dz__in_residue(ctx, m->start)) continue;
    const dz_residue_pat *p = &ctx->ck->res[DZ_MK_INDEX(m->value)];
    size_t a, b;
    if (p->sentence) dz__sentence_span(ctx, m->start, &a, &b);
    else a = dz__line_start(ctx, m->start), b = dz__line_end(ctx, m->start);
    trim(ctx->s, &a, &b);
    if (a >= last_a && b <= last_b) continue; /* already reported */
    last_a = a, last_b = b;
    if (emit(ctx, a, b, p->pattern)) return ctx->err;
  }
  return 0;
}
