/*
** Checking many files and writing their report in one step (dz_index_query_files_render). For
** JSON with several files each result is rendered on the thread that checked it, freed at once,
** and written as soon as every file before it is written: keeping 2,000 rendered results until
** the end grew the heap by 5 MB of fresh pages, whose faults cost more than the rendering, and
** left the whole write to the end, after the checking threads were done. The elements are
** written in input order, so the bytes are those of dz_sim_render.
*/
#include <pthread.h>
#include <stdlib.h>

#include "duizhao.h"
#include "sim/batch.h"

typedef struct stream {
  FILE *f;
  dz_buf *el;           /* el[i] rendered, not yet written; data NULL until then */
  size_t n, written;    /* elements [0, written) are out */
  int failed;           /* DZ_EIO: a write failed; DZ_ENOMEM: an element ran out of memory */
  pthread_mutex_t mu;
} stream;

/* Callback of dz_index_query_files_each: render result i, free it, and write every element
** that is now next in line. Writing under the lock keeps the order; an element is ~2.5 KB, so
** a thread seldom waits. */
static void render_one(void *ud, size_t i, dz_sim_result *r) {
  stream *s = ud;
  dz_buf b = {0};
  if ((b.data = malloc(4096))) b.cap = 4096, b.data[0] = 0; /* a result is ~2.5 KB: no regrowth */
  else b.oom = 1;
  dz__sim_json_element(&b, r, i == 0);
  dz_sim_result_free(r);
  pthread_mutex_lock(&s->mu);
  s->el[i] = b;
  if (b.oom && !s->failed) s->failed = DZ_ENOMEM;
  while (!s->failed && s->written < s->n && s->el[s->written].data) {
    dz_buf *e = &s->el[s->written];
    if ((s->written == 0 && fputc('[', s->f) == EOF) || fwrite(e->data, 1, e->len, s->f) != e->len)
      s->failed = DZ_EIO;
    dz_buf_free(e);
    s->written++;
  }
  pthread_mutex_unlock(&s->mu);
}

/* See sim.h. */
int dz_index_query_files_render(FILE *f, const char *db, const char *const *paths, size_t n, dz_sim_format fmt,
                                int flags, dz_error *err) {
  if (fmt == DZ_SIM_JSON && n > 1) {
    stream s = {f, calloc(n, sizeof *s.el), n, 0, 0, PTHREAD_MUTEX_INITIALIZER};
    if (!s.el) return DZ_ENOMEM;
    int rc = dz_index_query_files_each(db, paths, n, NULL, render_one, &s, err);
    if (!rc) rc = s.failed ? s.failed : fputs("\n]\n", f) == EOF ? DZ_EIO : DZ_OK;
    for (size_t i = 0; i < n; i++) dz_buf_free(&s.el[i]); /* those after a failed file */
    free(s.el);
    pthread_mutex_destroy(&s.mu);
    return rc;
  }
  dz_sim_result **res = calloc(n ? n : 1, sizeof *res);
  if (!res) return DZ_ENOMEM;
  int rc = dz_index_query_files(res, db, paths, n, NULL, err);
  if (!rc) rc = dz_sim_render(f, (const dz_sim_result *const *)res, n, fmt, flags);
  for (size_t i = 0; i < n; i++) dz_sim_result_free(res[i]); /* all NULL after a failed check */
  free(res);
  return rc;
}
