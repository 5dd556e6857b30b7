/*
** Building a result from raw findings: map decoded spans to original offsets, add line,
** column and the span's text, sort by position, and merge findings on an identical span so
** that only the most specific rule (highest rank) remains.
*/
#include <stdlib.h>
#include <string.h>

#include "check/result.h"
#include "util/error.h"

/* Position, then the more specific rule first, so merging keeps it. */
static int cmp_finding(const void *a, const void *b) {
  const dz_finding *x = a, *y = b;
  if (x->ds != y->ds) return x->ds < y->ds ? -1 : 1;
  if (x->de != y->de) return x->de < y->de ? -1 : 1;
  if (x->rank != y->rank) return x->rank > y->rank ? -1 : 1;
  int c = strcmp(x->rule, y->rule);
  if (c) return c;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Strings owned by one finding. */
static void free_finding(dz_finding *f) {
  free(f->text), free(f->msg), free(f->sugg);
}

int dz__result_build(dz_result **out, dz_rule_ctx *ctx, dz_error *err) {
  dz_result *r = calloc(1, sizeof *r);
  if (!r) return dz__error_nomem(err);
  const dz_checker *ck = ctx->ck;
  r->profile_id = strdup(ctx->prof ? ctx->prof->id : "");
  r->profile_reason = strdup(ctx->reason);
  r->f = calloc(ctx->nraw ? ctx->nraw : 1, sizeof *r->f);
  if (!r->profile_id || !r->profile_reason || !r->f) goto nomem;
  for (size_t i = 0; i < ctx->nraw; i++) {
    dz_raw *w = &ctx->raw[i];
    dz_finding *f = &r->f[r->n++];
    f->rule = ck->rules[w->rule].id;
    f->sev = ck->rules[w->rule].sev;
    f->rank = ck->rules[w->rule].rank;
    f->ds = w->ds, f->de = w->de;
    f->seq = i;
    f->msg = w->msg, f->sugg = w->sugg, f->conf = w->conf;
    w->msg = w->sugg = NULL;
    f->text = strndup(ctx->s + w->ds, w->de - w->ds);
    if (!f->text) goto nomem;
  }
  ctx->nraw = 0;
  qsort(r->f, r->n, sizeof *r->f, cmp_finding);
  size_t k = 0;
  for (size_t i = 0; i < r->n; i++) {
    /* Word-level rules (rank >= DZ_RANK_WORD) report the same fault on the same span; a
    ** structure or content finding on a heading says something else and is kept, unless the
    ** same rule already said the same thing there. */
    int dup = 0;
    for (size_t j = k; j > 0 && !dup; j--) {
      const dz_finding *p = &r->f[j - 1];
      if (p->ds != r->f[i].ds || p->de != r->f[i].de) break;
      dup = (p->rank >= DZ_RANK_WORD && r->f[i].rank >= DZ_RANK_WORD) ||
            (!strcmp(p->rule, r->f[i].rule) && !strcmp(p->msg, r->f[i].msg));
    }
    if (dup) {
      free_finding(&r->f[i]);
      continue;
    }
    r->f[k++] = r->f[i];
  }
  r->n = k;
  /* Rule ids are copied so that a result outlives its checker. */
  size_t total = 0;
  for (size_t i = 0; i < r->n; i++) total += strlen(r->f[i].rule) + 1;
  r->rules = malloc(total ? total : 1);
  if (!r->rules) goto nomem;
  char *p = r->rules;
  for (size_t i = 0; i < r->n; i++) {
    dz_finding *f = &r->f[i];
    size_t l = strlen(f->rule) + 1;
    memcpy(p, f->rule, l);
    f->rule = p;
    p += l;
    f->start = dz_text_orig_offset(ctx->text, f->ds);
    f->end = dz_text_orig_offset(ctx->text, f->de);
    dz_text_linecol(ctx->text, f->ds, &f->line, &f->col);
    r->count[f->sev]++;
  }
  *out = r;
  return 0;
nomem:
  dz_result_free(r);
  return dz__error_nomem(err);
}

/* NULL-safe. */
void dz_result_free(dz_result *r) {
  if (!r) return;
  for (size_t i = 0; i < r->n; i++) free_finding(&r->f[i]);
  free(r->f);
  free(r->profile_id);
  free(r->profile_reason);
  free(r->rules);
  free(r);
}

size_t dz_result_count(const dz_result *r) { return r ? r->n : 0; }
const dz_finding *dz_result_get(const dz_result *r, size_t i) { return r && i < r->n ? &r->f[i] : NULL; }
size_t dz_result_count_severity(const dz_result *r, dz_severity s) {
  return r && (int)s >= 0 && s <= DZ_SEV_ERROR ? r->count[s] : 0;
}
const char *dz_result_profile_id(const dz_result *r) { return r ? r->profile_id : ""; }
const char *dz_result_profile_reason(const dz_result *r) { return r ? r->profile_reason : ""; }

const char *dz_finding_rule(const dz_finding *f) { return f->rule; }
dz_severity dz_finding_severity(const dz_finding *f) { return f->sev; }
size_t dz_finding_start(const dz_finding *f) { return f->start; }
size_t dz_finding_end(const dz_finding *f) { return f->end; }
size_t dz_finding_dstart(const dz_finding *f) { return f->ds; }
size_t dz_finding_dend(const dz_finding *f) { return f->de; }
size_t dz_finding_line(const dz_finding *f) { return f->line; }
size_t dz_finding_column(const dz_finding *f) { return f->col; }
const char *dz_finding_text(const dz_finding *f) { return f->text; }
const char *dz_finding_message(const dz_finding *f) { return f->msg; }
const char *dz_finding_suggestion(const dz_finding *f) { return f->sugg; }
double dz_finding_confidence(const dz_finding *f) { return f->conf; }
