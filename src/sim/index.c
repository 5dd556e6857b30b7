/*
** The corpus index: documents and their winnowed fingerprints in a store, and checks of a
** text against them.
**
** A check (dz_index_query): normalise the text, winnow it, look every fingerprint up in the
** store, and ignore fingerprints held by too many documents (boilerplate: more than df_cap of
** the corpus and more than df_min documents). Documents sharing fingerprints are candidates,
** most shared first; each is re-read from the store and aligned with the text k-gram by
** k-gram, so that every shared run of k characters takes part in the passages even though
** only runs of t = k + w - 1 are guaranteed to make a document a candidate.
*/
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <xxhash.h>

#include "sim/align.h"
#include "sim/bloom2.h"
#include "sim/index_int.h"
#include "sim/result.h"
#include "store/store.h"
#include "util/error.h"
#include "util/file.h"

#define DEFAULT_DF_CAP 0.05
#define DEFAULT_DF_MIN 20
#define DEFAULT_MAX_SOURCES 50
#define MEM_AFTER_QUERIES 4          /* from the 4th query on, postings are looked up ... */
#define MEM_MAX_POSTINGS (8u << 20)  /* ... in memory when there are at most this many */
#define MEM_HASH_MAX (1u << 20)      /* postings up to which a key hash (8 MiB at most) is built */

/* Forget cached sources and in-memory postings (the corpus changed). A shared source cache is
** only let go: the next source comes into a cache of this handle's own. */
static void invalidate(dz_index *idx) {
  dz__src_cache_free(idx->sc);
  idx->sc = NULL;
  free(idx->mkey);
  free(idx->mdoc);
  free(idx->mhash);
  free(idx->mbloom);
  idx->mkey = NULL, idx->mdoc = NULL, idx->mhash = NULL, idx->mbloom = NULL;
  idx->mhcap = idx->mbmask = 0;
  idx->nm = idx->mcap = 0;
  idx->mem = 0;
}

/* Re-fingerprint callback: a stored body prepared as `corpus add` prepares a file. */
static int refp_doc(void *ud, const dz_store_doc *doc, uint64_t **fps, size_t *n, dz_error *err) {
  dz__prepared p = {0};
  int rc = dz__index_prepare(&p, &((dz_index *)ud)->ctx, doc->path, doc->body, doc->body_len, err);
  if (rc == DZ_ENOMEM) return rc;
  *fps = p.fps, *n = rc ? 0 : p.nfps; /* a body that no longer reads matches nothing */
  return DZ_OK;
}

/* A database written by an older version holds fingerprints of another hash function: compute
** them again from the stored bodies (once; the store marks itself current). */
static int refingerprint(dz_index *idx, dz_error *err) {
  int rc = dz__index_ctx(idx, err);
  return rc ? rc : idx->store->ops->refingerprint(idx->store, refp_doc, idx, err);
}

/* Open the index on `path`, its store in memory when `fresh` (dz_index_open_new). */
static int index_open(dz_index **out, const char *path, int fresh, const dz_index_options *opts, dz_error *err) {
  dz_index *idx = calloc(1, sizeof *idx);
  if (!idx) return dz__error_nomem(err);
  dz_index_options o = DZ_INDEX_OPTIONS_INIT;
  if (opts) o = *opts;
  if (o.df_cap <= 0) o.df_cap = DEFAULT_DF_CAP;
  if (o.df_min <= 0) o.df_min = DEFAULT_DF_MIN;
  if (o.max_sources <= 0) o.max_sources = DEFAULT_MAX_SOURCES;
  idx->opts = o;
  int rc = fresh ? dz__store_sqlite_open_new(&idx->store, path, err)
                 : dz__store_sqlite_open(&idx->store, path, o.timeout_ms, err);
  if (!rc && idx->store->stale) rc = refingerprint(idx, err);
  if (rc) {
    dz_index_close(idx);
    return rc;
  }
  *out = idx;
  return DZ_OK;
}

/* See sim.h. The store opens now; the normaliser on first use (dz__index_ctx). */
int dz_index_open(dz_index **out, const char *path, const dz_index_options *opts, dz_error *err) {
  return index_open(out, path, 0, opts, err);
}

/* See sim.h. */
int dz_index_open_new(dz_index **out, const char *path, const dz_index_options *opts, dz_error *err) {
  return index_open(out, path, 1, opts, err);
}

/* See sim.h. */
int dz_index_publish(dz_index *idx, int *raced, dz_error *err) {
  return idx->store->ops->publish(idx->store, raced, err);
}

/* See index_int.h. */
int dz__index_ctx(dz_index *idx, dz_error *err) {
  if (idx->ctx.nm) return DZ_OK;
  return dz__simctx_init(&idx->ctx, 0, 0, 0, 0, err);
}

/* NULL-safe. */
void dz_index_close(dz_index *idx) {
  if (!idx) return;
  invalidate(idx);
  if (idx->store) idx->store->ops->close(idx->store);
  dz__simctx_free(&idx->ctx);
  free(idx);
}

int dz_index_begin(dz_index *idx, dz_error *err) { return idx->store->ops->begin(idx->store, err); }
int dz_index_commit(dz_index *idx, dz_error *err) { return idx->store->ops->commit(idx->store, err); }
int dz_index_bulk(dz_index *idx, int on, dz_error *err) { return idx->store->ops->bulk(idx->store, on, err); }

/* Ascending 64-bit hashes. */
static int u64_cmp(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return (a > b) - (a < b);
}

/* Distinct values of h[0..m) in place, in order of first occurrence (an open-addressing set:
** cheaper than sorting when the order does not matter). Returns their number, (size_t)-1 when
** out of memory. */
static size_t dedupe(uint64_t *h, size_t m) {
  size_t cap = 64;
  while (cap < m * 2) cap *= 2;
  uint64_t *set = calloc(cap, sizeof *set);
  int zero = 0; /* 0 marks an empty slot; a real 0 is tracked apart */
  size_t u = 0;
  if (!set) return (size_t)-1;
  for (size_t i = 0; i < m; i++) {
    uint64_t v = h[i];
    if (!v) {
      if (!zero) zero = 1, h[u++] = v;
      continue;
    }
    size_t j = (size_t)(v ^ (v >> 29)) & (cap - 1);
    while (set[j] && set[j] != v) j = (j + 1) & (cap - 1);
    if (set[j]) continue;
    set[j] = v;
    h[u++] = v;
  }
  free(set);
  return u;
}

/* The distinct hashes of fp[0..m), sorted when `sorted` (the store inserts postings in key
** order; a lookup in the store takes any order), into *out. */
static int distinct_hashes(const dz_fp *fp, size_t m, int sorted, uint64_t **out, size_t *n) {
  uint64_t *h = malloc((m ? m : 1) * sizeof *h);
  size_t u = 0;
  if (!h) return DZ_ENOMEM;
  for (size_t i = 0; i < m; i++) h[i] = fp[i].h;
  if (sorted) {
    if (dz__u64_sort(h, m)) { free(h); return DZ_ENOMEM; }
    for (size_t i = 0; i < m; i++)
      if (!u || h[u - 1] != h[i]) h[u++] = h[i];
  } else if ((u = dedupe(h, m)) == (size_t)-1) {
    free(h);
    return DZ_ENOMEM;
  }
  *out = h;
  *n = u;
  return DZ_OK;
}

/* The winnowed fingerprints of d into a new array. */
static dz_fp *winnowed(const dz_simctx *ctx, const dz_sdoc *d, size_t *n) {
  dz_fp *fp = malloc((d->nh ? d->nh : 1) * sizeof *fp);
  if (fp) *n = dz__sdoc_winnow(ctx, d, fp);
  return fp;
}

int dz__index_prepare(dz__prepared *out, dz_simctx *ctx, const char *name, const void *bytes, size_t len,
                      dz_error *err) {
  dz_decode_options o = DZ_DECODE_OPTIONS_INIT;
  o.name = name;
  dz_text *t = NULL;
  dz_sdoc d = {0};
  size_t tl;
  int rc = dz_read_bytes(&t, bytes, len, &o, err);
  if (rc) return rc;
  const char *data = dz_text_data(t, &tl);
  XXH128_hash_t ch = XXH3_128bits(data, tl);
  snprintf(out->hash, sizeof out->hash, "%016llx%016llx", (unsigned long long)ch.high64,
           (unsigned long long)ch.low64);
  if (!(rc = dz__sdoc_prepare(ctx, t, &d, err))) {
    out->chars = (int64_t)d.nt.n;
    size_t m = 0;
    dz_fp *fp = winnowed(ctx, &d, &m);
    if (!fp || distinct_hashes(fp, m, 1, &out->fps, &out->nfps)) rc = dz__error_nomem(err);
    free(fp);
  }
  dz__sdoc_free(&d);
  dz_text_free(t);
  return rc;
}

int dz__index_store(int64_t *out, dz_index *idx, const dz__prepared *p, const char *name, const void *bytes,
                    size_t len, int64_t mtime, int *duplicate, dz_error *err) {
  int64_t id = 0;
  int rc = idx->store->ops->find_hash(idx->store, p->hash, &id, err);
  if (rc == DZ_OK) {
    if (duplicate) *duplicate = 1;
    *out = id;
    return DZ_OK;
  }
  if (rc != DZ_ENOTFOUND) return rc;
  dz_store_doc sd = {0, (char *)name, (char *)p->hash, p->chars, mtime, (int64_t)time(NULL), (void *)bytes, len};
  rc = idx->store->ops->add(idx->store, &sd, p->fps, p->nfps, &id, err);
  if (idx->sc || idx->mem) invalidate(idx);
  if (rc) return rc;
  if (duplicate) *duplicate = 0;
  *out = id;
  return DZ_OK;
}

int dz_index_add(int64_t *out, dz_index *idx, const char *name, const void *bytes, size_t len,
                 int64_t mtime, int *duplicate, dz_error *err) {
  dz__prepared p = {0};
  int rc = dz__index_ctx(idx, err);
  if (!rc) rc = dz__index_prepare(&p, &idx->ctx, name, bytes, len, err);
  if (!rc) rc = dz__index_store(out, idx, &p, name, bytes, len, mtime, duplicate, err);
  free(p.fps);
  return rc;
}

typedef struct list_ctx {
  int (*cb)(void *, const dz_index_entry *);
  void *ud;
} list_ctx;

/* Adapt a store document to the public list entry. */
static int list_tramp(void *ud, const dz_store_doc *d) {
  list_ctx *l = ud;
  dz_index_entry e = {d->id, d->path, d->chars, d->added};
  return l->cb(l->ud, &e);
}

/* See sim.h. */
int dz_index_list(dz_index *idx, int (*cb)(void *ud, const dz_index_entry *e), void *ud, dz_error *err) {
  list_ctx l = {cb, ud};
  return idx->store->ops->list(idx->store, list_tramp, &l, err);
}

/* See sim.h; cached sources and postings are dropped first. */
int dz_index_remove(dz_index *idx, int64_t id, dz_error *err) {
  invalidate(idx);
  return idx->store->ops->remove(idx->store, id, err);
}

/* See sim.h. */
int dz_index_count(int64_t *out, dz_index *idx, dz_error *err) {
  return idx->store->ops->count(idx->store, out, err);
}

/* ---- query ---- */

typedef struct cand {
  int64_t doc;
  size_t hits;
} cand;

typedef struct lookup_ctx {
  int64_t *docs;       /* every (fingerprint, doc) hit; counted per doc afterwards */
  size_t n, cap;
  const uint64_t *fph; /* looked-up hashes (store) ... */
  const dz_fp *fpf;    /* ... or fingerprints (in memory) */
  uint64_t *capped;    /* hashes over the df cap */
  size_t ncapped;
} lookup_ctx;

/* Lookup callback: collect the documents of each fingerprint, or note it as too common. */
static int on_postings(void *ud, size_t i, const int64_t *docs, size_t n) {
  lookup_ctx *l = ud;
  if (!docs) {
    l->capped[l->ncapped++] = l->fph ? l->fph[i] : l->fpf[i].h;
    return 0;
  }
  if (l->n + n > l->cap) {
    size_t nc = (l->n + n) * 2;
    int64_t *t = realloc(l->docs, nc * sizeof *t);
    if (!t) return 1;
    l->docs = t, l->cap = nc;
  }
  memcpy(l->docs + l->n, docs, n * sizeof *docs);
  l->n += n;
  return 0;
}

/* Ascending document ids. */
static int i64_cmp(const void *x, const void *y) {
  int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
  return (a > b) - (a < b);
}

/* Candidates: documents with their number of shared fingerprints (sort, count runs). */
static cand *count_hits(lookup_ctx *l, size_t *nc) {
  /* ids are positive, so their unsigned order is theirs; docs is NULL without hits */
  if (l->n && dz__u64_sort((uint64_t *)l->docs, l->n)) qsort(l->docs, l->n, sizeof *l->docs, i64_cmp);
  cand *c = malloc((l->n ? l->n : 1) * sizeof *c);
  size_t m = 0;
  if (!c) return NULL;
  for (size_t i = 0; i < l->n; i++) {
    if (m && c[m - 1].doc == l->docs[i]) c[m - 1].hits++;
    else c[m++] = (cand){l->docs[i], 1};
  }
  *nc = m;
  return c;
}

/* Candidates with the most shared fingerprints first (ties by id, for stable output). */
static int cand_cmp(const void *x, const void *y) {
  const cand *a = x, *b = y;
  if (a->hits != b->hits) return a->hits > b->hits ? -1 : 1;
  return (a->doc > b->doc) - (a->doc < b->doc);
}

/* Sources by ratio, largest first (ties by id). */
static int src_cmp(const void *x, const void *y) {
  const dz_sim_source *a = x, *b = y;
  if (a->ratio != b->ratio) return a->ratio > b->ratio ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

/* Passages in text order. */
static int pas_cmp(const void *x, const void *y) {
  const dz_sim_passage *a = x, *b = y;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  return (a->source > b->source) - (a->source < b->source);
}

/* Mask k-grams whose fingerprint is too common in the corpus. */
static void mask_capped(dz_sdoc *A, const dz_fp *fp, size_t nfp, const uint64_t *capped, size_t nc) {
  if (!nc) return;
  for (size_t i = 0; i < nfp; i++)
    if (bsearch(&fp[i].h, capped, nc, sizeof *capped, u64_cmp)) A->h[fp[i].pos] = DZ_FP_SKIP;
}

/* See index_int.h. */
void dz__index_share_sources(dz_index *idx, dz__src_cache *sc) {
  dz__src_cache_free(idx->sc);
  idx->sc = dz__src_cache_ref(sc);
}

/* The prepared source `doc`, held from the cache or loaded from the store and added to it
** (release it with dz__src_cache_release). Its alignment index is built here, so that an
** entry shared by threads is never written again. */
static int source_get(dz_index *idx, int64_t doc, src_entry **out, dz_error *err) {
  if (!idx->sc && !(idx->sc = dz__src_cache_new())) return dz__error_nomem(err);
  if ((*out = dz__src_cache_get(idx->sc, doc))) return DZ_OK;
  src_entry *e = calloc(1, sizeof *e);
  if (!e) return dz__error_nomem(err);
  dz_store_doc sd = {0};
  int rc = idx->store->ops->get(idx->store, doc, &sd, err);
  if (rc) {
    free(e);
    return rc;
  }
  dz_decode_options o = DZ_DECODE_OPTIONS_INIT;
  o.name = sd.path;
  if (!(rc = dz_read_bytes(&e->t, sd.body, sd.body_len, &o, err)) && !(rc = dz__sdoc_prepare(&idx->ctx, e->t, &e->d, err))) {
    if (dz__sdoc_index(&e->d)) rc = dz__error_nomem(err);
  }
  e->id = doc;
  e->path = sd.path, sd.path = NULL;
  e->chars = sd.chars;
  dz__store_doc_clear(&sd);
  if (rc) {
    dz__src_entry_free(e);
    return rc;
  }
  *out = dz__src_cache_put(idx->sc, e);
  return DZ_OK;
}

/* Align A with one stored document and append its passages and source entry to r. */
static int align_source(dz_sim_result *r, dz_index *idx, const dz_sdoc *A, const dz_text *ta, int64_t doc,
                        uint8_t *mask, size_t *cap_p, dz_error *err) {
  src_entry *e;
  dz_npassage *np = NULL;
  size_t n = 0;
  int rc = source_get(idx, doc, &e, err);
  if (rc) return rc;
  if ((rc = dz__sdoc_align(&idx->ctx, A, &e->d, &np, &n))) { rc = dz__error_nomem(err); goto cleanup; }
  if (!n) goto cleanup;
  size_t cov = dz__coverage(np, n, 0, A->nt.n);
  if (r->npassages + n > *cap_p) {
    size_t nc = (r->npassages + n) * 2;
    dz_sim_passage *t = realloc(r->passages, nc * sizeof *t);
    if (!t) { rc = dz__error_nomem(err); goto cleanup; }
    r->passages = t, *cap_p = nc;
  }
  for (size_t i = 0; i < n; i++) {
    if (dz__passage_fill(&r->passages[r->npassages], &np[i], doc, A, ta, &e->d, e->t)) {
      rc = dz__error_nomem(err);
      goto cleanup;
    }
    r->npassages++;
    memset(mask + np[i].a0, 1, np[i].a1 - np[i].a0);
  }
  dz_sim_source *s = &r->sources[r->nsources];
  s->id = doc;
  s->path = strdup(e->path);
  s->chars = (size_t)e->chars;
  s->ratio = A->nt.n ? (double)cov / (double)A->nt.n : 0;
  if (!s->path) { rc = dz__error_nomem(err); goto cleanup; }
  r->nsources++;
cleanup:
  free(np);
  dz__src_cache_release(idx->sc, e);
  return rc;
}

/* Scan callback: append one posting to the in-memory table. */
static int mem_add(void *ud, uint64_t key, int64_t doc) {
  dz_index *idx = ud;
  if (idx->nm == idx->mcap) {
    size_t nc = idx->mcap ? idx->mcap * 2 : 4096;
    uint64_t *k = realloc(idx->mkey, nc * sizeof *k);
    if (k) idx->mkey = k;
    int64_t *d = realloc(idx->mdoc, nc * sizeof *d);
    if (d) idx->mdoc = d;
    if (!k || !d) return 1;
    idx->mcap = nc;
  }
  idx->mkey[idx->nm] = key;
  idx->mdoc[idx->nm++] = doc;
  return 0;
}

/* Slot of a key in the posting hash. */
static size_t mem_slot(uint64_t key, size_t cap) { return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1); }

/* The filter word of a posting key (bloom2.h gives its two bits there). */
static size_t mem_bword(uint64_t key, size_t mask) { return (size_t)(key >> 12) & mask; }

/* A hash from each distinct key to its first posting, so that a lookup costs one or two probes
** instead of a binary search; left out (binary search) above MEM_HASH_MAX postings or when it
** cannot be allocated. */
static void mem_hash(dz_index *idx) {
  if (idx->nm > MEM_HASH_MAX) return;
  size_t cap = 1024;
  while (cap < idx->nm * 2) cap *= 2;
  if (!(idx->mhash = calloc(cap, sizeof *idx->mhash))) return;
  idx->mhcap = cap;
  size_t words = 64; /* about 16 bits a posting: a few percent of absent keys pass */
  while (words * 4 < idx->nm) words *= 2;
  if ((idx->mbloom = calloc(words, sizeof *idx->mbloom))) {
    idx->mbmask = words - 1;
    for (size_t i = 0; i < idx->nm; i++) idx->mbloom[mem_bword(idx->mkey[i], idx->mbmask)] |= dz__bloom2_bits(idx->mkey[i]);
  }
  for (size_t i = 0; i < idx->nm; i++) {
    if (i && idx->mkey[i] == idx->mkey[i - 1]) continue;
    size_t j = mem_slot(idx->mkey[i], cap);
    while (idx->mhash[j]) j = (j + 1) & (cap - 1);
    idx->mhash[j] = (uint32_t)i + 1;
  }
}

/* Index of the first posting of `key`, or nm when there is none. */
static size_t mem_first(const dz_index *idx, uint64_t key) {
  if (idx->mbloom) {
    if (!dz__bloom2_has(idx->mbloom, mem_bword(key, idx->mbmask), key)) return idx->nm;
  }
  if (idx->mhash) {
    for (size_t j = mem_slot(key, idx->mhcap);; j = (j + 1) & (idx->mhcap - 1)) {
      uint32_t v = idx->mhash[j];
      if (!v) return idx->nm;
      if (idx->mkey[v - 1] == key) return v - 1;
    }
  }
  size_t lo = 0, hi = idx->nm;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (idx->mkey[mid] < key) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/* Load the postings into memory once several queries have come through the same handle and
** the corpus is small enough; a failure just leaves lookups in the store. From then on a query
** works on this copy with the document count of the moment it was loaded, without a read
** transaction of its own (sources still missing from the cache are read in autocommit). */
/* See index_int.h. */
void dz__index_expect(dz_index *idx, size_t n) {
  if (n >= MEM_AFTER_QUERIES && idx->queries < MEM_AFTER_QUERIES - 1) idx->queries = MEM_AFTER_QUERIES - 1;
}

static void mem_load(dz_index *idx, int64_t ndocs) {
  if (idx->mem || ++idx->queries < MEM_AFTER_QUERIES) return;
  idx->mem_ndocs = ndocs;
  int rc = idx->store->ops->scan(idx->store, MEM_MAX_POSTINGS, mem_add, idx, NULL);
  if (rc) {
    invalidate(idx);
    idx->mem = -1;
    return;
  }
  idx->mem = 1;
  mem_hash(idx);
}

/* The store's lookup contract (store.h) over the in-memory postings, for the fingerprints
** fp[0..n) as winnowing gave them, a hash possibly more than once (cb's index is into fp): the
** filter and the table drop most of them, and only those found (`found`, capacity n) are
** sorted so that cb sees each distinct hash once. Making all of them distinct first (an
** open-addressing set) cost 4% of a check. */
static int mem_lookup(dz_index *idx, const dz_fp *fp, size_t n, size_t max_df, dz_fp *found,
                      dz_store_postings_cb cb, void *ud) {
  size_t nf = 0;
  for (size_t i = 0; i < n; i++) {
    uint64_t key = dz__store_key(fp[i].h);
    size_t lo = mem_first(idx, key);
    if (lo < idx->nm && idx->mkey[lo] == key) found[nf++] = (dz_fp){fp[i].h, (uint32_t)i};
  }
  dz__fp_sort(found, nf);
  for (size_t f = 0; f < nf; f++) {
    if (f && found[f].h == found[f - 1].h) continue;
    uint64_t key = dz__store_key(found[f].h);
    size_t lo = mem_first(idx, key), e = lo;
    while (e < idx->nm && idx->mkey[e] == key && e - lo <= max_df) e++;
    if (cb(ud, found[f].pos, e - lo > max_df ? NULL : idx->mdoc + lo, e - lo)) return DZ_EUSER;
  }
  return DZ_OK;
}

/* Per-part ratios for the parts given in the options. */
static int fill_parts(dz_sim_result *r, const dz_sim_query_options *o, const dz_sdoc *A, const uint8_t *mask,
                      dz_error *err) {
  if (!o || !o->parts || !o->nparts) return DZ_OK;
  r->parts = calloc(o->nparts, sizeof *r->parts);
  if (!r->parts) return dz__error_nomem(err);
  for (size_t i = 0; i < o->nparts; i++) {
    r->parts[i] = o->parts[i];
    r->parts[i].title = strdup(o->parts[i].title ? o->parts[i].title : "");
    r->nparts++;
    if (!r->parts[i].title) return dz__error_nomem(err);
  }
  dz__parts_ratio(r->parts, r->nparts, A, mask);
  return DZ_OK;
}

int dz_index_query(dz_sim_result **out, dz_index *idx, const dz_text *text,
                   const dz_sim_query_options *opts, dz_error *err) {
  dz_sim_result *r = calloc(1, sizeof *r);
  dz_sdoc A = {0};
  uint64_t *h = NULL;
  dz_fp *fp = NULL, *found = NULL;
  size_t nh = 0, nfp = 0, pcap = 0;
  uint8_t *mask = NULL;
  lookup_ctx l = {0};
  cand *cands = NULL;
  int64_t ndocs = 0;
  int rc, snap = 0;
  if (!r || !(r->file = strdup(dz_text_name(text)))) { rc = dz__error_nomem(err); goto fail; }
  if ((rc = dz__index_ctx(idx, err))) goto fail;
  if ((rc = dz__sdoc_prepare(&idx->ctx, text, &A, err))) goto fail;
  r->chars = A.nt.n;
  mask = calloc(A.nt.n ? A.nt.n : 1, 1);
  if (!mask || !(fp = winnowed(&idx->ctx, &A, &nfp))) { rc = dz__error_nomem(err); goto fail; }
  if (idx->mem == 1) {
    ndocs = idx->mem_ndocs;
  } else {
    if ((rc = idx->store->ops->snapshot(idx->store, 1, err))) goto fail;
    snap = 1;
    if ((rc = dz_index_count(&ndocs, idx, err))) goto fail;
  }
  size_t max_df = (size_t)ceil(idx->opts.df_cap * (double)ndocs);
  if (max_df < (size_t)idx->opts.df_min) max_df = (size_t)idx->opts.df_min;
  mem_load(idx, ndocs);
  /* in memory: every fingerprint (those found go to `found`); in the store: each distinct hash once */
  if (!(l.capped = malloc((nfp ? nfp : 1) * sizeof *l.capped))) { rc = dz__error_nomem(err); goto fail; }
  if (idx->mem == 1) {
    if (!(found = malloc((nfp ? nfp : 1) * sizeof *found))) { rc = dz__error_nomem(err); goto fail; }
    l.fpf = fp;
    rc = mem_lookup(idx, fp, nfp, max_df, found, on_postings, &l);
  } else {
    if (distinct_hashes(fp, nfp, 0, &h, &nh)) { rc = dz__error_nomem(err); goto fail; }
    l.fph = h;
    rc = idx->store->ops->lookup(idx->store, h, nh, max_df, on_postings, &l, err);
  }
  if (rc == DZ_EUSER) rc = dz__error_nomem(err);
  if (rc) goto fail;
  qsort(l.capped, l.ncapped, sizeof *l.capped, u64_cmp); /* for mask_capped's binary search */
  mask_capped(&A, fp, nfp, l.capped, l.ncapped);
  size_t ncand = 0;
  if (!(cands = count_hits(&l, &ncand))) { rc = dz__error_nomem(err); goto fail; }
  qsort(cands, ncand, sizeof *cands, cand_cmp);
  size_t nc = ncand < (size_t)idx->opts.max_sources ? ncand : (size_t)idx->opts.max_sources;
  r->sources = calloc(nc ? nc : 1, sizeof *r->sources);
  if (!r->sources) { rc = dz__error_nomem(err); goto fail; }
  for (size_t i = 0; i < nc; i++)
    if ((rc = align_source(r, idx, &A, text, cands[i].doc, mask, &pcap, err))) goto fail;
  if (r->nsources) qsort(r->sources, r->nsources, sizeof *r->sources, src_cmp);
  if (r->npassages) qsort(r->passages, r->npassages, sizeof *r->passages, pas_cmp); /* NULL if none */
  size_t covered = 0, i = 0;
  for (; i + 8 <= A.nt.n; i += 8) { /* the 0/1 bytes of a word summed in its top byte */
    uint64_t x;
    memcpy(&x, mask + i, 8);
    covered += (size_t)((x * 0x0101010101010101ull) >> 56);
  }
  for (; i < A.nt.n; i++) covered += mask[i];
  r->copy_ratio = A.nt.n ? (double)covered / (double)A.nt.n : 0;
  if ((rc = fill_parts(r, opts, &A, mask, err))) goto fail;
  if (snap && (rc = idx->store->ops->snapshot(idx->store, 0, err))) goto fail;
  snap = 0;
  *out = r;
  r = NULL;
fail:
  if (snap) idx->store->ops->snapshot(idx->store, 0, NULL);
  dz_sim_result_free(r);
  dz__sdoc_free(&A);
  free(h);
  free(fp);
  free(found);
  free(mask);
  free(l.docs);
  free(cands);
  free(l.capped);
  return rc;
}

/* See index_int.h; the same Chinese messages as the text reader. */
int dz__read_path(const char *path, char **buf, size_t *len, int64_t *mtime, dz_error *err) {
  int rc = dz__read_path_all(path, DZ_DEFAULT_MAX_BYTES, buf, len, mtime);
  if (rc == DZ_ENOMEM) return dz__error_nomem(err);
  if (rc && errno == EISDIR) return dz__error_set(err, DZ_EIO, "%s 是文件夹，不是文件。", path);
  if (rc) return dz__error_set(err, errno == ENOENT ? DZ_ENOTFOUND : DZ_EIO, "无法打开文件 %s：%s", path,
                               errno == ENOENT ? "文件不存在" : strerror(errno));
  if (*len > DZ_DEFAULT_MAX_BYTES) {
    free(*buf);
    return dz__error_set(err, DZ_ETOOBIG, "文件 %s 超过大小上限 %zu 字节。", path, (size_t)DZ_DEFAULT_MAX_BYTES);
  }
  return DZ_OK;
}

/* See sim.h. */
int dz_index_add_file(int64_t *out, dz_index *idx, const char *path, int *duplicate, dz_error *err) {
  char *buf = NULL;
  size_t len = 0;
  int64_t mtime = 0;
  int rc = dz__read_path(path, &buf, &len, &mtime, err);
  if (rc) return rc;
  rc = dz_index_add(out, idx, path, buf, len, mtime, duplicate, err);
  free(buf);
  return rc;
}
