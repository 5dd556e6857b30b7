/*
** JSON reports of corpus checks and batch cross-checks (schema 1, documented in docs/sim.md).
** Fields may be added in later versions but never removed or renamed. Ratios are rounded to
** four decimals so that outputs are stable across platforms.
*/
#include <jansson.h>
#include <math.h>

#include "duizhao.h"
#include "sim/batch.h"
#include "sim/result.h"

static json_t *ratio(double x) { return json_real(round(x * 10000.0) / 10000.0); }
static json_t *num(size_t x) { return json_integer((json_int_t)x); }

/* One passage; `source` only for corpus checks (a batch pair names b itself). */
static json_t *passage_json(const dz_sim_passage *p, int with_source) {
  json_t *o = json_object();
  if (with_source) json_object_set_new(o, "source", json_integer(p->source));
  json_object_set_new(o, "start", num(p->start));
  json_object_set_new(o, "end", num(p->end));
  json_object_set_new(o, "source_start", num(p->source_start));
  json_object_set_new(o, "source_end", num(p->source_end));
  json_object_set_new(o, "chars", num(p->chars));
  json_object_set_new(o, "matched", num(p->matched));
  json_object_set_new(o, "line", num(p->line));
  json_object_set_new(o, "col", num(p->col));
  json_object_set_new(o, "source_line", num(p->source_line));
  json_object_set_new(o, "source_col", num(p->source_col));
  json_object_set_new(o, "text", json_string(p->text));
  json_object_set_new(o, "source_text", json_string(p->source_text));
  return o;
}

/* One source: id, path, ratio. */
static json_t *source_json(const dz_sim_source *s) {
  json_t *o = json_object();
  json_object_set_new(o, "id", json_integer(s->id));
  json_object_set_new(o, "path", json_string(s->path));
  json_object_set_new(o, "ratio", ratio(s->ratio));
  return o;
}

/* One checked file (schema 1). */
static json_t *result_json(const dz_sim_result *r) {
  json_t *o = json_object(), *srcs = json_array(), *parts = json_array(), *ps = json_array();
  json_object_set_new(o, "schema", json_integer(1));
  json_object_set_new(o, "file", json_string(r->file));
  json_object_set_new(o, "chars", num(r->chars));
  json_object_set_new(o, "copy_ratio", ratio(r->copy_ratio));
  json_object_set_new(o, "largest_source", r->nsources ? source_json(&r->sources[0]) : json_null());
  for (size_t i = 0; i < r->nsources; i++) json_array_append_new(srcs, source_json(&r->sources[i]));
  json_object_set_new(o, "sources", srcs);
  for (size_t i = 0; i < r->nparts; i++) {
    json_t *p = json_object();
    json_object_set_new(p, "title", json_string(r->parts[i].title));
    json_object_set_new(p, "start", num(r->parts[i].start));
    json_object_set_new(p, "end", num(r->parts[i].end));
    json_object_set_new(p, "ratio", ratio(r->parts[i].ratio));
    json_array_append_new(parts, p);
  }
  json_object_set_new(o, "parts", parts);
  for (size_t i = 0; i < r->npassages; i++) json_array_append_new(ps, passage_json(&r->passages[i], 1));
  json_object_set_new(o, "passages", ps);
  return o;
}

/* Indented output with a final newline; ratios print as at most 6 significant digits. */
static int dump(FILE *f, json_t *j) {
  int rc = json_dumpf(j, f, JSON_INDENT(2) | JSON_REAL_PRECISION(6));
  fputc('\n', f);
  json_decref(j);
  return rc ? DZ_EIO : DZ_OK;
}

/* One object, or an array of objects for several files. */
int dz__sim_render_json(FILE *f, const dz_sim_result *const *r, size_t n) {
  if (n == 1) return dump(f, result_json(r[0]));
  json_t *a = json_array();
  for (size_t i = 0; i < n; i++) json_array_append_new(a, result_json(r[i]));
  return dump(f, a);
}

/* Direction as written in JSON. */
static const char *dir_name(dz_sim_direction d) {
  return d == DZ_DIR_A_TO_B ? "a->b" : d == DZ_DIR_B_TO_A ? "b->a" : "unknown";
}

/* Batch report (schema 1). */
int dz__batch_render_json(FILE *f, const dz_sim_batch *b) {
  json_t *o = json_object(), *files = json_array(), *m = json_array(), *groups = json_array(),
         *pairs = json_array();
  size_t n = dz_sim_batch_size(b);
  json_object_set_new(o, "schema", json_integer(1));
  for (size_t i = 0; i < n; i++) json_array_append_new(files, json_string(dz_sim_batch_file(b, i)));
  json_object_set_new(o, "files", files);
  for (size_t i = 0; i < n; i++) {
    json_t *row = json_array();
    for (size_t j = 0; j < n; j++) json_array_append_new(row, ratio(dz_sim_batch_matrix(b, i, j)));
    json_array_append_new(m, row);
  }
  json_object_set_new(o, "matrix", m);
  for (size_t g = 0; g < dz_sim_batch_group_count(b); g++) {
    size_t k;
    const size_t *mem = dz_sim_batch_group(b, g, &k);
    json_t *ga = json_array();
    for (size_t i = 0; i < k; i++) json_array_append_new(ga, num(mem[i]));
    json_array_append_new(groups, ga);
  }
  json_object_set_new(o, "groups", groups);
  for (size_t i = 0; i < dz_sim_batch_pair_count(b); i++) {
    const dz_sim_pair *p = dz_sim_batch_pair(b, i);
    json_t *po = json_object(), *ps = json_array();
    json_object_set_new(po, "a", num(p->a));
    json_object_set_new(po, "b", num(p->b));
    json_object_set_new(po, "a_in_b", ratio(p->a_in_b));
    json_object_set_new(po, "b_in_a", ratio(p->b_in_a));
    json_object_set_new(po, "direction", json_string(dir_name(p->direction)));
    json_object_set_new(po, "basis", json_string(p->basis));
    for (size_t k = 0; k < p->npassages; k++) json_array_append_new(ps, passage_json(&p->passages[k], 0));
    json_object_set_new(po, "passages", ps);
    json_array_append_new(pairs, po);
  }
  json_object_set_new(o, "pairs", pairs);
  return dump(f, o);
}
