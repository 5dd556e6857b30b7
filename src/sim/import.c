/*
** Importing many files into the corpus (dz_index_add_files): worker threads read, decode,
** normalise and fingerprint files ahead, each with its own normaliser, while the calling
** thread stores them in order, one transaction per BATCH documents. With two cores the
** fingerprinting and the SQLite writes overlap instead of taking turns.
**
** Jobs live in a ring of WINDOW slots: a worker may run at most WINDOW files ahead of the
** writer, which bounds memory whatever the number of files. Results are stored in input order,
** so ids follow the order of `paths` and the outcome does not depend on thread timing.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim/index_int.h"
#include "util/error.h"

#define BATCH 200       /* documents per transaction: what an interruption can lose at most */
#define WINDOW 256      /* files prepared ahead of the writer */
#define BULK_MIN 100    /* imports this large (and at least the corpus size) rebuild the index once */
#define MAX_WORKERS 4

typedef struct job {
  char *bytes;
  size_t len;
  int64_t mtime;
  dz__prepared p;
  int rc;
  dz_error err;
  int done;
} job;

typedef struct pipeline {
  const char *const *paths;
  size_t n, next, consumed;
  job ring[WINDOW];
  pthread_mutex_t mu;
  pthread_cond_t cv_done, cv_space;
  /* Who sleeps: waking a thread is a system call, so each side signals only a waiting one. */
  size_t writer_waits_for;  /* the file the writer waits for, NONE when it does not wait */
  int space_waiters;        /* workers waiting for room in the window */
  int stop;
} pipeline;

#define NONE ((size_t)-1)

/* Read and prepare file i into its slot (no shared state touched). */
static void prepare(job *j, dz_simctx *ctx, const char *path) {
  memset(j, 0, sizeof *j);
  j->rc = dz__read_path(path, &j->bytes, &j->len, &j->mtime, &j->err);
  if (!j->rc) j->rc = dz__index_prepare(&j->p, ctx, path, j->bytes, j->len, &j->err);
}

typedef struct worker {
  pipeline *pl;
  dz_simctx ctx;
  pthread_t th;
} worker;

/* A worker: claim the next file within the window, prepare it, publish it. */
static void *work(void *arg) {
  worker *w = arg;
  pipeline *pl = w->pl;
  for (;;) {
    pthread_mutex_lock(&pl->mu);
    while (!pl->stop && pl->next < pl->n && pl->next >= pl->consumed + WINDOW) {
      pl->space_waiters++;
      pthread_cond_wait(&pl->cv_space, &pl->mu);
      pl->space_waiters--;
    }
    if (pl->stop || pl->next >= pl->n) {
      pthread_mutex_unlock(&pl->mu);
      return NULL;
    }
    size_t i = pl->next++;
    pthread_mutex_unlock(&pl->mu);
    job tmp;
    prepare(&tmp, &w->ctx, pl->paths[i]);
    pthread_mutex_lock(&pl->mu);
    pl->ring[i % WINDOW] = tmp;
    pl->ring[i % WINDOW].done = 1;
    if (pl->writer_waits_for == i) pthread_cond_signal(&pl->cv_done);
    pthread_mutex_unlock(&pl->mu);
  }
}

/* Free a slot's data and mark it empty. */
static void job_clear(job *j) {
  free(j->bytes);
  free(j->p.fps);
  memset(j, 0, sizeof *j);
}

/* Wait for file i (or prepare it here when there are no workers). */
static job *take(pipeline *pl, size_t i, int nworkers, dz_simctx *ctx) {
  job *j = &pl->ring[i % WINDOW];
  if (!nworkers) {
    prepare(j, ctx, pl->paths[i]);
    return j;
  }
  pthread_mutex_lock(&pl->mu);
  while (!j->done) {
    pl->writer_waits_for = i;
    pthread_cond_wait(&pl->cv_done, &pl->mu);
  }
  pl->writer_waits_for = NONE;
  pthread_mutex_unlock(&pl->mu);
  return j;
}

/* The writer is done with a slot: free it and let workers move on. */
static void release(pipeline *pl, job *j) {
  job_clear(j);
  pthread_mutex_lock(&pl->mu);
  pl->consumed++;
  if (pl->space_waiters) pthread_cond_broadcast(&pl->cv_space);
  pthread_mutex_unlock(&pl->mu);
}

/* The writer: store every prepared file in order, committing every BATCH. */
static int write_all(dz_index_import *res, dz_index *idx, pipeline *pl, int nworkers, dz_index_progress_cb cb,
                     void *ud, dz_error *err) {
  const dz_store_ops *ops = idx->store->ops;
  int rc = DZ_OK, in_tx = 0, user_stop = 0;
  for (size_t i = 0; i < pl->n && !rc && !user_stop; i++) {
    if (!in_tx) {
      if ((rc = ops->begin(idx->store, err))) break;
      in_tx = 1;
    }
    job *j = take(pl, i, nworkers, &idx->ctx);
    int dup = 0, frc = j->rc;
    int64_t id;
    if (!frc) {
      rc = dz__index_store(&id, idx, &j->p, pl->paths[i], j->bytes, j->len, j->mtime, &dup, err);
      if (!rc) dup ? res->duplicates++ : res->added++;
    } else
      res->failed++;
    if (!rc && cb && cb(ud, i + 1, pl->n, pl->paths[i], frc ? &j->err : NULL)) user_stop = 1;
    release(pl, j);
    if (!rc && (user_stop || (i + 1) % BATCH == 0 || i + 1 == pl->n)) {
      rc = ops->commit(idx->store, err);
      in_tx = 0;
    }
  }
  if (in_tx && rc) ops->rollback(idx->store);
  if (!rc && user_stop) rc = dz__error_set(err, DZ_EUSER, "导入已中止，已提交的文档保留在语料库中。");
  return rc;
}

int dz_index_add_files(dz_index_import *out, dz_index *idx, const char *const *paths, size_t n,
                       dz_index_progress_cb cb, void *ud, dz_error *err) {
  dz_index_import res = {0, 0, 0};
  int64_t existing = 0;
  int rc = idx->store->ops->count(idx->store, &existing, err);
  if (rc) return rc;
  int bulk = n >= BULK_MIN && (int64_t)n >= existing;
  if (bulk && (rc = idx->store->ops->bulk(idx->store, 1, err))) return rc;
  pipeline *pl = calloc(1, sizeof *pl);
  long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
  int nworkers = n < 64 || ncpu < 2 ? 0 : (int)(ncpu - 1 < MAX_WORKERS ? ncpu - 1 : MAX_WORKERS);
  worker *ws = calloc(nworkers ? (size_t)nworkers : 1, sizeof *ws);
  if (!pl || !ws) {
    free(pl), free(ws);
    return dz__error_nomem(err);
  }
  pl->paths = paths, pl->n = n, pl->writer_waits_for = NONE;
  pthread_mutex_init(&pl->mu, NULL);
  pthread_cond_init(&pl->cv_done, NULL);
  pthread_cond_init(&pl->cv_space, NULL);
  int started = 0;
  for (; started < nworkers; started++) {
    ws[started].pl = pl;
    if (dz__simctx_init(&ws[started].ctx, 0, 0, 0, 0, err)) break;
    if (pthread_create(&ws[started].th, NULL, work, &ws[started])) {
      dz__simctx_free(&ws[started].ctx);
      break;
    }
  }
  if (!started) rc = dz__index_ctx(idx, err); /* no worker: this thread fingerprints */
  if (!rc) rc = write_all(&res, idx, pl, started, cb, ud, err);
  pthread_mutex_lock(&pl->mu);
  pl->stop = 1;
  pthread_cond_broadcast(&pl->cv_space);
  pthread_mutex_unlock(&pl->mu);
  for (int i = 0; i < started; i++) {
    pthread_join(ws[i].th, NULL);
    dz__simctx_free(&ws[i].ctx);
  }
  for (size_t i = 0; i < WINDOW; i++) job_clear(&pl->ring[i]);
  pthread_mutex_destroy(&pl->mu);
  pthread_cond_destroy(&pl->cv_done);
  pthread_cond_destroy(&pl->cv_space);
  free(pl);
  free(ws);
  /* Rebuild the posting index even after a failure, when the database still lets us. */
  if (bulk) {
    int brc = idx->store->ops->bulk(idx->store, 0, rc ? NULL : err);
    if (!rc) rc = brc;
  }
  if (!rc || rc == DZ_EUSER) *out = res;
  return rc;
}
