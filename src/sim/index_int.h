/* Internal layout of the corpus index, shared by the query (index.c) and the threaded import
** (import.c). */
#ifndef DZ_SIM_INDEX_INT_H
#define DZ_SIM_INDEX_INT_H
#include "duizhao.h"
#include "sim/core.h"
#include "sim/src_cache.h"
#include "store/store.h"

struct dz_index {
  dz_store *store;
  dz_simctx ctx;   /* ctx.nm is NULL until dz__index_ctx */
  dz_index_options opts;
  dz__src_cache *sc; /* prepared sources: this handle's, or shared by a check's threads (NULL
                      ** until the first source is needed) */
  uint64_t *mkey; /* in-memory postings, sorted by key */
  int64_t *mdoc;
  size_t nm, mcap;
  int mem;        /* 0 not loaded, 1 loaded, -1 too many postings */
  int64_t mem_ndocs; /* documents when the postings were loaded (their df cap) */
  uint32_t *mhash;  /* open addressing: 1 + index of a key's first posting, 0 empty (or NULL) */
  size_t mhcap;     /* slots, a power of two */
  uint64_t *mbloom; /* two bits per key in one word, in front of mhash: most of a query's */
  size_t mbmask;    /* fingerprints are in no document, and the table probes missed the cache */
  size_t queries;
};

/* A document ready to be stored: content hash, distinct winnowed fingerprints (malloc'd). */
typedef struct dz__prepared {
  char hash[40];
  uint64_t *fps;
  size_t nfps;
  int64_t chars;
} dz__prepared;

/* Decode, normalise and fingerprint one document with `ctx` (no store access: any thread with
** its own context may call it). */
int dz__index_prepare(dz__prepared *out, dz_simctx *ctx, const char *name, const void *bytes, size_t len,
                      dz_error *err);
/* Store a prepared document unless its text is already there (*duplicate). */
int dz__index_store(int64_t *out, dz_index *idx, const dz__prepared *p, const char *name, const void *bytes,
                    size_t len, int64_t mtime, int *duplicate, dz_error *err);
/* The normaliser and stock phrases of an index are loaded on first use, so that
** opening a corpus just to list or count it stays cheap. */
int dz__index_ctx(dz_index *idx, dz_error *err);
/* Read a file whole (size-capped) with its modification time. */
int dz__read_path(const char *path, char **buf, size_t *len, int64_t *mtime, dz_error *err);
/* The handle will answer about `n` queries (dz_index_query_files knows): postings are then
** loaded into memory at the first query rather than the fourth, when that is worth it. */
void dz__index_expect(dz_index *idx, size_t n);
/* Take prepared sources from `sc`, shared with other handles on the same database (the threads
** of dz_index_query_files), instead of a cache of the handle's own. */
void dz__index_share_sources(dz_index *idx, dz__src_cache *sc);

#endif
