/*
** The cache of prepared sources (see src_cache.h). A mutex guards the table; preparing a
** source happens outside it, so two threads may prepare the same one at the same moment, and
** the second put returns the first's entry. Lookups are a linear pass over a packed array of
** ids: the cache holds at most SRC_CACHE entries, and one check meets few sources.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "sim/src_cache.h"

struct dz__src_cache {
  pthread_mutex_t mu;
  int owners;
  int64_t ids[SRC_CACHE];
  src_entry *e[SRC_CACHE];
  size_t n, chars;
  uint64_t tick;
};

dz__src_cache *dz__src_cache_new(void) {
  dz__src_cache *c = malloc(sizeof *c);
  if (!c) return NULL;
  pthread_mutex_init(&c->mu, NULL);
  c->owners = 1, c->n = 0, c->chars = 0, c->tick = 0;
  return c;
}

dz__src_cache *dz__src_cache_ref(dz__src_cache *c) {
  pthread_mutex_lock(&c->mu);
  c->owners++;
  pthread_mutex_unlock(&c->mu);
  return c;
}

void dz__src_entry_free(src_entry *e) {
  if (!e) return;
  dz_text_free(e->t);
  dz__sdoc_free(&e->d);
  free(e->path);
  free(e);
}

/* Take entry i out of the table (the last one takes its place); free it unless in use. */
static void drop(dz__src_cache *c, size_t i) {
  src_entry *e = c->e[i];
  c->chars -= e->d.nt.n;
  if (i != --c->n) c->ids[i] = c->ids[c->n], c->e[i] = c->e[c->n];
  if (e->refs) e->dropped = 1;
  else dz__src_entry_free(e);
}

void dz__src_cache_clear(dz__src_cache *c) {
  if (!c) return;
  pthread_mutex_lock(&c->mu);
  while (c->n) drop(c, c->n - 1);
  pthread_mutex_unlock(&c->mu);
}

void dz__src_cache_free(dz__src_cache *c) {
  if (!c) return;
  pthread_mutex_lock(&c->mu);
  int last = --c->owners == 0;
  pthread_mutex_unlock(&c->mu);
  if (!last) return;
  dz__src_cache_clear(c);
  pthread_mutex_destroy(&c->mu);
  free(c);
}

/* Index of `id` in the table, or n. */
static size_t find(const dz__src_cache *c, int64_t id) {
  size_t i = 0;
  while (i < c->n && c->ids[i] != id) i++;
  return i;
}

src_entry *dz__src_cache_get(dz__src_cache *c, int64_t id) {
  pthread_mutex_lock(&c->mu);
  size_t i = find(c, id);
  src_entry *e = i < c->n ? c->e[i] : NULL;
  if (e) e->refs++, e->used = ++c->tick;
  pthread_mutex_unlock(&c->mu);
  return e;
}

src_entry *dz__src_cache_put(dz__src_cache *c, src_entry *e) {
  pthread_mutex_lock(&c->mu);
  size_t i = find(c, e->id);
  if (i < c->n) { /* added by another thread meanwhile */
    src_entry *have = c->e[i];
    have->refs++, have->used = ++c->tick;
    pthread_mutex_unlock(&c->mu);
    dz__src_entry_free(e);
    return have;
  }
  while (c->n && (c->n == SRC_CACHE || c->chars + e->d.nt.n > SRC_CACHE_CHARS)) {
    size_t lru = c->n;
    for (size_t j = 0; j < c->n; j++)
      if (!c->e[j]->refs && (lru == c->n || c->e[j]->used < c->e[lru]->used)) lru = j;
    if (lru == c->n) break; /* all in use: hold one more for a moment */
    drop(c, lru);
  }
  e->refs = 1, e->dropped = 0, e->used = ++c->tick;
  if (c->n < SRC_CACHE) {
    c->ids[c->n] = e->id, c->e[c->n] = e, c->n++;
    c->chars += e->d.nt.n;
  } else {
    e->dropped = 1; /* no room: the caller's alone, freed at release */
  }
  pthread_mutex_unlock(&c->mu);
  return e;
}

void dz__src_cache_release(dz__src_cache *c, src_entry *e) {
  pthread_mutex_lock(&c->mu);
  int gone = --e->refs == 0 && e->dropped;
  pthread_mutex_unlock(&c->mu);
  if (gone) dz__src_entry_free(e);
}
