/*
** The corpus store: documents (original bytes, content hash, path) and their fingerprint
** postings (hash -> document). One interface, a table of operations, so that another engine
** (PostgreSQL, a later issue) can implement it without touching the matching code.
**
** Ownership: a store is created by its backend's open function and released with
** ops->close. Strings in a dz_store_doc passed to callbacks are borrowed for the duration of
** the callback; dz_store_doc filled by ops->get owns its strings (dz__store_doc_clear).
** Every operation fills `err` with a Chinese message naming the database on failure.
*/
#ifndef DZ_STORE_STORE_H
#define DZ_STORE_STORE_H
#include <stddef.h>
#include <stdint.h>
#include "duizhao.h"

typedef struct dz_store dz_store;

typedef struct dz_store_doc {
  int64_t id;
  char *path;      /* as given when added */
  char *hash;      /* content hash (hex) of the decoded text */
  int64_t chars;   /* normalised characters */
  int64_t mtime;   /* file modification time (Unix seconds), 0 when unknown */
  int64_t added;   /* when it was added (Unix seconds) */
  void *body;      /* original bytes (only from ops->get) */
  size_t body_len;
} dz_store_doc;

/* Posting-list callback: hash number `idx` of the lookup occurs in docs[0..n). */
typedef int (*dz_store_postings_cb)(void *ud, size_t idx, const int64_t *docs, size_t n);
typedef int (*dz_store_doc_cb)(void *ud, const dz_store_doc *doc);
/* Re-fingerprint callback: the (deduplicated) fingerprint hashes of one stored document, body
** included, malloc'd into *fps. */
typedef int (*dz_store_refp_cb)(void *ud, const dz_store_doc *doc, uint64_t **fps, size_t *n, dz_error *err);

typedef struct dz_store_ops {
  const char *name;
  void (*close)(dz_store *s);
  /* One transaction per batch of documents: what is committed survives an interruption. */
  int (*begin)(dz_store *s, dz_error *err);
  int (*commit)(dz_store *s, dz_error *err);
  void (*rollback)(dz_store *s);
  /* A consistent read snapshot around one check (on = 1 starts it, 0 ends it). Also saves
  ** the per-statement locking of many small reads. */
  int (*snapshot)(dz_store *s, int on, dz_error *err);
  /* Bulk import: the backend may drop secondary indexes while on and must rebuild them when
  ** switched off (or at the next open, if the process died in between). */
  int (*bulk)(dz_store *s, int on, dz_error *err);
  /* The id of the document with this content hash, or DZ_ENOTFOUND. */
  int (*find_hash)(dz_store *s, const char *hash, int64_t *id, dz_error *err);
  /* Add a document and its (deduplicated) fingerprint hashes; *id receives its id. */
  int (*add)(dz_store *s, const dz_store_doc *doc, const uint64_t *fps, size_t nfps, int64_t *id,
             dz_error *err);
  int (*remove)(dz_store *s, int64_t id, dz_error *err);
  int (*list)(dz_store *s, dz_store_doc_cb cb, void *ud, dz_error *err);
  int (*get)(dz_store *s, int64_t id, dz_store_doc *out, dz_error *err);
  int (*count)(dz_store *s, int64_t *n, dz_error *err);
  /* For each hash, the documents holding it; lists longer than max_df are reported with
  ** n = max_df + 1 and docs = NULL (too frequent to be evidence of copying). */
  int (*lookup)(dz_store *s, const uint64_t *h, size_t n, size_t max_df, dz_store_postings_cb cb,
                void *ud, dz_error *err);
  /* Every posting in hash order, as (stored hash key, doc), for an in-memory copy; returns
  ** DZ_ETOOBIG without calling cb when there are more than `max`. Keys compare like
  ** dz__store_key(h) of the full hashes. */
  int (*scan)(dz_store *s, size_t max, int (*cb)(void *ud, uint64_t key, int64_t doc), void *ud,
              dz_error *err);
  /* Replace every document's postings by those cb computes from its body and mark the store
  ** current, in one transaction (an interruption leaves the old state). The index calls it
  ** when `stale` is set at open. */
  int (*refingerprint)(dz_store *s, dz_store_refp_cb cb, void *ud, dz_error *err);
  /* A store opened by a backend's open_new: write it to its path whole, which must still not
  ** exist (*raced = 1, nothing written, when it appeared meanwhile). Does nothing for a store
  ** opened on its path. The store stays usable but changes no longer reach the path. */
  int (*publish)(dz_store *s, int *raced, dz_error *err);
} dz_store_ops;

struct dz_store {
  const dz_store_ops *ops;
  int stale; /* its fingerprints come from an older fingerprint function (see refingerprint) */
};

/* SQLite backend (src/store/sqlite.c). Creates the file and its parent folders when absent.
** timeout_ms: how long to wait for another process's write lock. */
int dz__store_sqlite_open(dz_store **out, const char *path, int timeout_ms, dz_error *err);
/* A new store for `path` (which should not exist) built in memory, to be written there by
** ops->publish: for a first import of one batch it spares the log, its checkpoint and three
** syncs, and the path never holds a half-built database. */
int dz__store_sqlite_open_new(dz_store **out, const char *path, dz_error *err);

void dz__store_doc_clear(dz_store_doc *d);

/* The key a full 64-bit fingerprint is stored under (its top 48 bits). */
static inline uint64_t dz__store_key(uint64_t h) { return h >> 16; }
#endif
