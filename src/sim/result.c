/* Check results: building passages in original coordinates, and the read-only accessors. */
#include <stdlib.h>
#include <string.h>

#include "sim/result.h"

/* A malloc'd copy of the decoded text behind original span [s, e). */
static char *slice(const dz_text *t, size_t s, size_t e) {
  size_t len, ds = dz_text_decoded_offset(t, s), de = dz_text_decoded_offset(t, e);
  const char *d = dz_text_data(t, &len);
  if (de > len) de = len;
  if (ds > de) ds = de;
  char *o = malloc(de - ds + 1);
  if (!o) return NULL;
  memcpy(o, d + ds, de - ds);
  o[de - ds] = 0;
  return o;
}

int dz__passage_fill(dz_sim_passage *out, const dz_npassage *np, int64_t source, const dz_sdoc *A,
                     const dz_text *ta, const dz_sdoc *B, const dz_text *tb) {
  dz_sim_passage p = {0};
  p.source = source;
  p.start = A->nt.ostart[np->a0];
  p.end = A->nt.oend[np->a1 - 1];
  p.source_start = B->nt.ostart[np->b0];
  p.source_end = B->nt.oend[np->b1 - 1];
  p.chars = np->a1 - np->a0;
  p.matched = np->matched < p.chars ? np->matched : p.chars;
  dz_text_linecol(ta, dz_text_decoded_offset(ta, p.start), &p.line, &p.col);
  dz_text_linecol(tb, dz_text_decoded_offset(tb, p.source_start), &p.source_line, &p.source_col);
  char *x = slice(ta, p.start, p.end), *y = slice(tb, p.source_start, p.source_end);
  if (!x || !y) {
    free(x);
    free(y);
    return DZ_ENOMEM;
  }
  p.text = x;
  p.source_text = y;
  *out = p;
  return DZ_OK;
}

/* Free the two passage texts. */
void dz__passage_clear(dz_sim_passage *p) {
  free((char *)p->text);
  free((char *)p->source_text);
  p->text = p->source_text = NULL;
}

/* See result.h; a character belongs to a part when its first byte lies inside it. */
void dz__parts_ratio(dz_sim_part *parts, size_t nparts, const dz_sdoc *A, const uint8_t *mask) {
  for (size_t k = 0; k < nparts; k++) {
    size_t all = 0, hit = 0;
    for (size_t i = 0; i < A->nt.n; i++) {
      if (A->nt.ostart[i] < parts[k].start || A->nt.ostart[i] >= parts[k].end) continue;
      all++;
      hit += mask[i];
    }
    parts[k].ratio = all ? (double)hit / (double)all : 0.0;
  }
}

void dz_sim_result_free(dz_sim_result *r) {
  if (!r) return;
  free(r->file);
  for (size_t i = 0; i < r->nsources; i++) free((char *)r->sources[i].path);
  for (size_t i = 0; i < r->npassages; i++) dz__passage_clear(&r->passages[i]);
  for (size_t i = 0; i < r->nparts; i++) free((char *)r->parts[i].title);
  free(r->sources);
  free(r->passages);
  free(r->parts);
  free(r);
}

const char *dz_sim_result_file(const dz_sim_result *r) { return r->file; }
size_t dz_sim_result_chars(const dz_sim_result *r) { return r->chars; }
double dz_sim_result_copy_ratio(const dz_sim_result *r) { return r->copy_ratio; }
size_t dz_sim_result_source_count(const dz_sim_result *r) { return r->nsources; }
const dz_sim_source *dz_sim_result_source(const dz_sim_result *r, size_t i) {
  return i < r->nsources ? &r->sources[i] : NULL;
}
size_t dz_sim_result_passage_count(const dz_sim_result *r) { return r->npassages; }
const dz_sim_passage *dz_sim_result_passage(const dz_sim_result *r, size_t i) {
  return i < r->npassages ? &r->passages[i] : NULL;
}
size_t dz_sim_result_part_count(const dz_sim_result *r) { return r->nparts; }
const dz_sim_part *dz_sim_result_part(const dz_sim_result *r, size_t i) {
  return i < r->nparts ? &r->parts[i] : NULL;
}
