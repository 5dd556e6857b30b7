/*
** JSON reports of corpus checks and batch cross-checks (schema 1, documented in docs/sim.md).
** Fields may be added in later versions but never removed or renamed. Ratios are rounded to
** four decimals so that outputs are stable across platforms. Written straight into a buffer
** (sim/jsonw.h) in the layout jansson gave them.
*/
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#include "duizhao.h"
#include "sim/batch.h"
#include "sim/jsonw.h"
#include "sim/result.h"

static void ratio_member(dz_jsonw *w, const char *key, double x) {
  dz__jw_real_member(w, key, round(x * 10000.0) / 10000.0);
}

/* One passage; `source` only for corpus checks (a batch pair names b itself). */
static void passage_json(dz_jsonw *w, const dz_sim_passage *p, int with_source) {
  dz__jw_open(w, '{');
  if (with_source) dz__jw_int_member(w, "source", p->source);
  dz__jw_int_member(w, "start", (int64_t)p->start);
  dz__jw_int_member(w, "end", (int64_t)p->end);
  dz__jw_int_member(w, "source_start", (int64_t)p->source_start);
  dz__jw_int_member(w, "source_end", (int64_t)p->source_end);
  dz__jw_int_member(w, "chars", (int64_t)p->chars);
  dz__jw_int_member(w, "matched", (int64_t)p->matched);
  dz__jw_int_member(w, "line", (int64_t)p->line);
  dz__jw_int_member(w, "col", (int64_t)p->col);
  dz__jw_int_member(w, "source_line", (int64_t)p->source_line);
  dz__jw_int_member(w, "source_col", (int64_t)p->source_col);
  dz__jw_str_member(w, "text", p->text);
  dz__jw_str_member(w, "source_text", p->source_text);
  dz__jw_close(w, '}');
}

/* One source: id, path, ratio. */
static void source_json(dz_jsonw *w, const dz_sim_source *s) {
  dz__jw_open(w, '{');
  dz__jw_int_member(w, "id", s->id);
  dz__jw_str_member(w, "path", s->path);
  ratio_member(w, "ratio", s->ratio);
  dz__jw_close(w, '}');
}

/* One checked file (schema 1). */
static void result_json(dz_jsonw *w, const dz_sim_result *r) {
  dz__jw_open(w, '{');
  dz__jw_int_member(w, "schema", 1);
  dz__jw_str_member(w, "file", r->file);
  dz__jw_int_member(w, "chars", (int64_t)r->chars);
  ratio_member(w, "copy_ratio", r->copy_ratio);
  dz__jw_key(w, "largest_source");
  if (r->nsources) source_json(w, &r->sources[0]);
  else dz__jw_null(w);
  dz__jw_key(w, "sources");
  dz__jw_open(w, '[');
  for (size_t i = 0; i < r->nsources; i++) dz__jw_elem(w), source_json(w, &r->sources[i]);
  dz__jw_close(w, ']');
  dz__jw_key(w, "parts");
  dz__jw_open(w, '[');
  for (size_t i = 0; i < r->nparts; i++) {
    dz__jw_elem(w);
    dz__jw_open(w, '{');
    dz__jw_str_member(w, "title", r->parts[i].title);
    dz__jw_int_member(w, "start", (int64_t)r->parts[i].start);
    dz__jw_int_member(w, "end", (int64_t)r->parts[i].end);
    ratio_member(w, "ratio", r->parts[i].ratio);
    dz__jw_close(w, '}');
  }
  dz__jw_close(w, ']');
  dz__jw_key(w, "passages");
  dz__jw_open(w, '[');
  for (size_t i = 0; i < r->npassages; i++) dz__jw_elem(w), passage_json(w, &r->passages[i], 1);
  dz__jw_close(w, ']');
  dz__jw_close(w, '}');
}

/* Write the buffer with a final newline. */
static int flush(FILE *f, dz_buf *b) {
  dz_buf_put(b, "\n", 1);
  int rc = b->oom ? DZ_ENOMEM : fwrite(b->data, 1, b->len, f) == b->len ? DZ_OK : DZ_EIO;
  dz_buf_free(b);
  return rc;
}

typedef struct part_job {
  const dz_sim_result *const *r;
  size_t from, to;
  dz_buf b;
} part_job;

/* See batch.h. */
void dz__sim_json_element(dz_buf *b, const dz_sim_result *r, int first) {
  dz_jsonw w = {b, 1, {0}};
  w.first[1] = first; /* later elements continue the array: a comma first */
  dz__jw_elem(&w), result_json(&w, r);
}

/* Render results [from, to) as elements of the top-level array into the job's own buffer. */
static void *render_part(void *arg) {
  part_job *j = arg;
  for (size_t i = j->from; i < j->to; i++) dz__sim_json_element(&j->b, j->r[i], i == 0);
  return NULL;
}

#define RENDER_THREADS 2
#define RENDER_PER_THREAD 256 /* fewer results than this per thread are not worth a thread */

/* One object, or an array of objects for several files. A long array is rendered in slices on
** up to RENDER_THREADS threads (the slices are joined in order, so the bytes do not change). */
int dz__sim_render_json(FILE *f, const dz_sim_result *const *r, size_t n) {
  dz_buf b = {0};
  dz_jsonw w = {&b, 0, {1}};
  if (n == 1) {
    result_json(&w, r[0]);
    return flush(f, &b);
  }
  size_t nt = n / RENDER_PER_THREAD;
  long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
  if (nt > (size_t)(ncpu > 1 ? ncpu : 1)) nt = (size_t)(ncpu > 1 ? ncpu : 1);
  if (nt > RENDER_THREADS) nt = RENDER_THREADS;
  if (nt < 1) nt = 1;
  part_job jobs[RENDER_THREADS];
  pthread_t th[RENDER_THREADS];
  int started[RENDER_THREADS] = {0};
  for (size_t k = 0; k < nt; k++) {
    jobs[k] = (part_job){r, n * k / nt, n * (k + 1) / nt, {0}};
    if (k) started[k] = !pthread_create(&th[k], NULL, render_part, &jobs[k]);
  }
  render_part(&jobs[0]);
  for (size_t k = 1; k < nt; k++) {
    if (started[k]) pthread_join(th[k], NULL);
    else render_part(&jobs[k]);
  }
  dz_buf_put(&b, "[", 1);
  for (size_t k = 0; k < nt; k++) {
    if (jobs[k].b.oom) b.oom = 1;
    if (jobs[k].b.len) dz_buf_put(&b, jobs[k].b.data, jobs[k].b.len);
    dz_buf_free(&jobs[k].b);
  }
  dz_buf_put(&b, n ? "\n]" : "]", n ? 2 : 1);
  return flush(f, &b);
}

/* Direction as written in JSON. */
static const char *dir_name(dz_sim_direction d) {
  return d == DZ_DIR_A_TO_B ? "a->b" : d == DZ_DIR_B_TO_A ? "b->a" : "unknown";
}

/* Batch report (schema 1). */
int dz__batch_render_json(FILE *f, const dz_sim_batch *b) {
  dz_buf buf = {0};
  dz_jsonw w = {&buf, 0, {1}};
  size_t n = dz_sim_batch_size(b);
  dz__jw_open(&w, '{');
  dz__jw_int_member(&w, "schema", 1);
  dz__jw_key(&w, "files");
  dz__jw_open(&w, '[');
  for (size_t i = 0; i < n; i++) dz__jw_str_elem(&w, dz_sim_batch_file(b, i));
  dz__jw_close(&w, ']');
  dz__jw_key(&w, "matrix");
  dz__jw_open(&w, '[');
  for (size_t i = 0; i < n; i++) {
    dz__jw_elem(&w);
    dz__jw_open(&w, '[');
    for (size_t j = 0; j < n; j++) dz__jw_elem(&w), dz__jw_real(&w, round(dz_sim_batch_matrix(b, i, j) * 10000.0) / 10000.0);
    dz__jw_close(&w, ']');
  }
  dz__jw_close(&w, ']');
  dz__jw_key(&w, "groups");
  dz__jw_open(&w, '[');
  for (size_t g = 0; g < dz_sim_batch_group_count(b); g++) {
    size_t k;
    const size_t *mem = dz_sim_batch_group(b, g, &k);
    dz__jw_elem(&w);
    dz__jw_open(&w, '[');
    for (size_t i = 0; i < k; i++) dz__jw_elem(&w), dz__jw_int(&w, (int64_t)mem[i]);
    dz__jw_close(&w, ']');
  }
  dz__jw_close(&w, ']');
  dz__jw_key(&w, "pairs");
  dz__jw_open(&w, '[');
  for (size_t i = 0; i < dz_sim_batch_pair_count(b); i++) {
    const dz_sim_pair *p = dz_sim_batch_pair(b, i);
    dz__jw_elem(&w);
    dz__jw_open(&w, '{');
    dz__jw_int_member(&w, "a", (int64_t)p->a);
    dz__jw_int_member(&w, "b", (int64_t)p->b);
    ratio_member(&w, "a_in_b", p->a_in_b);
    ratio_member(&w, "b_in_a", p->b_in_a);
    dz__jw_str_member(&w, "direction", dir_name(p->direction));
    dz__jw_str_member(&w, "basis", p->basis);
    dz__jw_key(&w, "passages");
    dz__jw_open(&w, '[');
    for (size_t k = 0; k < p->npassages; k++) dz__jw_elem(&w), passage_json(&w, &p->passages[k], 0);
    dz__jw_close(&w, ']');
    dz__jw_close(&w, '}');
  }
  dz__jw_close(&w, ']');
  dz__jw_close(&w, '}');
  return flush(f, &buf);
}
