/* Prepared sources kept between queries (dz_index's cache of stored documents, decoded,
** normalised and indexed for alignment). One cache may serve the threads of one check
** (dz_index_query_files): each source is then read and prepared once, not once a thread.
** Entries are reference-counted: one in use is never freed under its user. */
#ifndef DZ_SIM_SRC_CACHE_H
#define DZ_SIM_SRC_CACHE_H
#include <stddef.h>
#include <stdint.h>

#include "duizhao.h"
#include "sim/core.h"

#define SRC_CACHE 1024               /* prepared sources kept between queries ... */
#define SRC_CACHE_CHARS (1u << 20)   /* ... holding at most this many normalised characters
                                     ** (about 40 bytes each: ~40 MiB per cache) */

/* A stored document decoded and prepared for alignment (d.ix built: entries are read-only). */
typedef struct src_entry {
  int64_t id;
  dz_text *t;
  dz_sdoc d;
  char *path;
  int64_t chars;
  uint64_t used;  /* the cache's clock at the last use */
  int refs;       /* users holding it */
  int dropped;    /* evicted while in use: freed by the last release */
} src_entry;

typedef struct dz__src_cache dz__src_cache;

dz__src_cache *dz__src_cache_new(void);
/* Free the cache; no entry may be in use. NULL-safe. */
void dz__src_cache_free(dz__src_cache *c);
/* Forget every entry (those in use are freed when released). */
void dz__src_cache_clear(dz__src_cache *c);
/* Entry `id`, held for the caller (release it), or NULL when not cached. */
src_entry *dz__src_cache_get(dz__src_cache *c, int64_t id);
/* Add a prepared entry (malloc'd; the cache takes it) and hold it for the caller. When another
** thread added the same id meanwhile, e is freed and that entry is returned. Least recently used
** entries not in use make room when the cache is full (entries or characters). */
src_entry *dz__src_cache_put(dz__src_cache *c, src_entry *e);
void dz__src_cache_release(dz__src_cache *c, src_entry *e);
/* Free an entry that is in no cache. NULL-safe. */
void dz__src_entry_free(src_entry *e);
/* Share: one more owner (dz__src_cache_free frees at the last). */
dz__src_cache *dz__src_cache_ref(dz__src_cache *c);

#endif
