/*
** Checking many files against one corpus (dz_index_query_files): each worker thread opens its
** own handle on the database (SQLite in WAL mode serves concurrent readers), the handles share
** one cache of prepared sources (src_cache.h), and each thread takes files by
** number from a shared counter; results land in the caller's array by input position, so the
** output does not depend on thread timing. Each file is read, parsed for its level-1 parts and
** checked exactly as `similar` would check it alone.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "duizhao.h"
#include "sim/index_int.h"
#include "sim/src_cache.h"
#include "sim/result.h"
#include "util/error.h"

#define MAX_THREADS 4
#define FILES_PER_THREAD 16 /* fewer files than this per thread are not worth another handle */

typedef struct shared {
  const char *db;
  const char *const *paths;
  size_t n, next, nthreads;
  const dz_index_options *opts;
  void (*fn)(void *ud, size_t i, dz_sim_result *r);
  void *ud;
  dz__src_cache *sources; /* one cache for the threads: each source is prepared once */
  pthread_mutex_t mu;
  size_t failed_at;  /* lowest failing file index, n when none */
  dz_error err;
} shared;

/* Read, parse and check one file. The document tree is built only for the level-1 parts, so
** not for a text that certainly has none. */
static int check_one(dz_sim_result **out, dz_index *idx, const char *path, dz_error *err) {
  dz_text *t = NULL;
  dz_doc *doc = NULL;
  dz_sim_part *parts = NULL;
  dz_sim_query_options qo = DZ_SIM_QUERY_OPTIONS_INIT;
  int rc = dz_read_file(&t, path, NULL, err);
  if (!rc && !dz__sim_may_have_parts(t)) {
    rc = dz_index_query(out, idx, t, &qo, err);
    dz_text_free(t);
    return rc;
  }
  if (!rc) rc = dz_doc_parse(&doc, t, NULL, err); /* takes t */
  if (!rc) rc = dz_sim_doc_parts(&parts, &qo.nparts, doc, err);
  qo.parts = parts;
  if (!rc) rc = dz_index_query(out, idx, dz_doc_text(doc), &qo, err);
  dz_sim_parts_free(parts, qo.nparts);
  dz_doc_free(doc);
  return rc;
}

/* Record a failure of file i (the lowest index wins, as in a sequential run). */
static void fail(shared *s, size_t i, const dz_error *e) {
  pthread_mutex_lock(&s->mu);
  if (i < s->failed_at) s->failed_at = i, s->err = *e;
  pthread_mutex_unlock(&s->mu);
}

/* A thread: open a handle, check files by number until none is left or one failed. */
static void *worker(void *arg) {
  shared *s = arg;
  dz_index *idx = NULL;
  dz_error e = {0};
  if (dz_index_open(&idx, s->db, s->opts, &e)) {
    fail(s, 0, &e);
    return NULL;
  }
  dz__index_expect(idx, s->n / s->nthreads);
  if (s->sources) dz__index_share_sources(idx, s->sources);
  for (;;) {
    pthread_mutex_lock(&s->mu);
    size_t i = s->next < s->failed_at ? s->next++ : s->n;
    pthread_mutex_unlock(&s->mu);
    if (i >= s->n) break;
    dz_sim_result *r = NULL;
    if (check_one(&r, idx, s->paths[i], &e)) fail(s, i, &e);
    else s->fn(s->ud, i, r);
  }
  dz_index_close(idx);
  return NULL;
}

int dz_index_query_files_each(const char *db, const char *const *paths, size_t n, const dz_index_options *opts,
                              void (*fn)(void *ud, size_t i, dz_sim_result *r), void *ud, dz_error *err) {
  shared s = {db, paths, n, 0, 1, opts, fn, ud, NULL, PTHREAD_MUTEX_INITIALIZER, n, {0, ""}};
  long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
  size_t nt = n / FILES_PER_THREAD;
  if (nt > (size_t)(ncpu > 1 ? ncpu : 1)) nt = (size_t)(ncpu > 1 ? ncpu : 1);
  if (nt > MAX_THREADS) nt = MAX_THREADS;
  pthread_t th[MAX_THREADS];
  size_t started = 0;
  s.nthreads = nt > 1 ? nt : 1;
  if (nt > 1) s.sources = dz__src_cache_new(); /* without it, each thread keeps its own */
  for (; nt > 1 && started < nt; started++)
    if (pthread_create(&th[started], NULL, worker, &s)) break;
  if (!started) worker(&s); /* one file, one core, or no thread could start */
  for (size_t i = 0; i < started; i++) pthread_join(th[i], NULL);
  pthread_mutex_destroy(&s.mu);
  dz__src_cache_free(s.sources);
  if (s.failed_at < n) {
    if (err) *err = s.err;
    return s.err.code ? s.err.code : DZ_EIO;
  }
  return DZ_OK;
}

/* dz_index_query_files' callback: keep the result in its slot (distinct slots: no lock). */
static void keep_result(void *ud, size_t i, dz_sim_result *r) { ((dz_sim_result **)ud)[i] = r; }

int dz_index_query_files(dz_sim_result **out, const char *db, const char *const *paths, size_t n,
                         const dz_index_options *opts, dz_error *err) {
  memset(out, 0, n * sizeof *out);
  int rc = dz_index_query_files_each(db, paths, n, opts, keep_result, out, err);
  if (rc)
    for (size_t i = 0; i < n; i++) dz_sim_result_free(out[i]), out[i] = NULL;
  return rc;
}
