/*
** Batch cross-check of N texts: which pairs copy from each other, how much, in which groups,
** and in which direction.
**
** 1. Every text is normalised, masked for stock phrases and winnowed.
** 2. All (fingerprint, text) pairs are sorted by hash; every hash shared by several texts
**    (and by at most max(DF_MIN, DF_CAP * N) of them: boilerplate otherwise) adds one to the
**    count of each pair of texts holding it. This is the candidate filter: a pair sharing a
**    run of t = k + w - 1 characters always gets a count.
** 3. Each candidate pair is aligned (every shared k-gram seeds), giving passages and the two
**    containments: a_in_b = share of a's characters inside passages, and b_in_a.
** 4. Groups: connected components of the pairs whose larger containment reaches the threshold.
** 5. Direction, a heuristic (see docs/sim.md): a template copied into a longer text is found
**    whole in the copy, while the copy is only partly in the template; so when one
**    containment exceeds the other by at least DIR_MARGIN, the more contained text is taken as
**    the source ("containment"). Otherwise the older modification time is taken as the
**    source ("mtime"), when the caller gave times and they differ. Otherwise "unknown".
**    Two texts that decode to the same characters are marked "identical" instead: the same
**    material twice (one file given under two names, or a whole copy), not a direction.
*/
#include <stdlib.h>
#include <string.h>

#include "sim/batch.h"
#include "sim/result.h"
#include "util/error.h"

#define DF_CAP 0.05
#define DF_MIN 20
#define DIR_MARGIN 0.1
#define MAX_FILES 5000

typedef struct entry {
  uint64_t h;
  uint32_t doc;
} entry;

/* Entries by hash, then document, so that equal hashes are adjacent. */
static int entry_cmp(const void *x, const void *y) {
  const entry *a = x, *b = y;
  if (a->h != b->h) return a->h < b->h ? -1 : 1;
  return (a->doc > b->doc) - (a->doc < b->doc);
}

/* Collect distinct (hash, doc) entries of all documents. */
static int collect(entry **out, size_t *n, const dz_simctx *ctx, const dz_sdoc *docs, size_t nd) {
  size_t cap = 0, m = 0;
  for (size_t i = 0; i < nd; i++) cap += docs[i].nh;
  entry *e = malloc((cap ? cap : 1) * sizeof *e);
  dz_fp *fp = NULL;
  size_t fcap = 0;
  if (!e) return DZ_ENOMEM;
  for (size_t i = 0; i < nd; i++) {
    if (docs[i].nh > fcap) {
      free(fp);
      fcap = docs[i].nh;
      if (!(fp = malloc(fcap * sizeof *fp))) { free(e); return DZ_ENOMEM; }
    }
    size_t k = dz__sdoc_winnow(ctx, &docs[i], fp);
    for (size_t j = 0; j < k; j++) e[m++] = (entry){fp[j].h, (uint32_t)i};
  }
  free(fp);
  qsort(e, m, sizeof *e, entry_cmp);
  size_t u = 0;
  for (size_t i = 0; i < m; i++)
    if (!u || e[u - 1].h != e[i].h || e[u - 1].doc != e[i].doc) e[u++] = e[i];
  *out = e;
  *n = u;
  return DZ_OK;
}

/* Union-find root with path halving. */
static size_t uf_find(size_t *p, size_t x) {
  while (p[x] != x) x = p[x] = p[p[x]];
  return x;
}

/* Groups = connected components (size >= 2) of strongly linked pairs. */
static int make_groups(dz_sim_batch *b, double thr) {
  size_t n = b->n, *p = malloc(n * sizeof *p), *size = calloc(n, sizeof *size);
  b->group_members = malloc((n ? n : 1) * sizeof *b->group_members);
  b->group_start = malloc((n + 1) * sizeof *b->group_start);
  if (!p || !size || !b->group_members || !b->group_start) { free(p); free(size); return DZ_ENOMEM; }
  for (size_t i = 0; i < n; i++) p[i] = i;
  for (size_t i = 0; i < b->npairs; i++) {
    const dz_sim_pair *q = &b->pairs[i];
    if ((q->a_in_b > q->b_in_a ? q->a_in_b : q->b_in_a) < thr) continue;
    size_t x = uf_find(p, q->a), y = uf_find(p, q->b);
    if (x != y) p[x < y ? y : x] = x < y ? x : y; /* root = smallest index */
  }
  for (size_t i = 0; i < n; i++) size[uf_find(p, i)]++;
  size_t m = 0;
  for (size_t r = 0; r < n; r++) {
    if (size[r] < 2 || uf_find(p, r) != r) continue;
    b->group_start[b->ngroups++] = m;
    for (size_t i = r; i < n; i++)
      if (uf_find(p, i) == r) b->group_members[m++] = i;
  }
  b->group_start[b->ngroups] = m;
  free(p);
  free(size);
  return DZ_OK;
}

/* The same decoded text (whatever the encoding or file name)? */
static int same_text(const dz_text *x, const dz_text *y) {
  size_t nx, ny;
  const char *a = dz_text_data(x, &nx), *b = dz_text_data(y, &ny);
  return nx == ny && !memcmp(a, b, nx);
}

/* The direction heuristic described at the top of this file. Two identical texts are one
** material submitted twice (or copied whole): there is no direction to tell. */
static void direction(dz_sim_pair *q, const int64_t *mtimes, int identical) {
  q->direction = DZ_DIR_UNKNOWN;
  q->basis = "none";
  if (identical) {
    q->basis = "identical";
    return;
  }
  if (q->a_in_b >= q->b_in_a + DIR_MARGIN) q->direction = DZ_DIR_A_TO_B, q->basis = "containment";
  else if (q->b_in_a >= q->a_in_b + DIR_MARGIN) q->direction = DZ_DIR_B_TO_A, q->basis = "containment";
  else if (mtimes && mtimes[q->a] && mtimes[q->b] && mtimes[q->a] != mtimes[q->b]) {
    q->direction = mtimes[q->a] < mtimes[q->b] ? DZ_DIR_A_TO_B : DZ_DIR_B_TO_A;
    q->basis = "mtime";
  }
}

/* Align one candidate pair and append it when it has passages. */
static int add_pair(dz_sim_batch *b, size_t *cap, const dz_simctx *ctx, dz_sdoc *docs,
                    const dz_text *const *texts, size_t i, size_t j, const int64_t *mtimes) {
  dz_npassage *np;
  size_t n;
  if (dz__sdoc_align(ctx, &docs[i], &docs[j], &np, &n)) return DZ_ENOMEM;
  if (!n) { free(np); return DZ_OK; }
  if (b->npairs == *cap) {
    size_t nc = *cap ? *cap * 2 : 64;
    dz_sim_pair *t = realloc(b->pairs, nc * sizeof *t);
    if (!t) { free(np); return DZ_ENOMEM; }
    b->pairs = t, *cap = nc;
  }
  dz_sim_pair *q = &b->pairs[b->npairs];
  memset(q, 0, sizeof *q);
  q->a = i, q->b = j;
  q->a_in_b = docs[i].nt.n ? (double)dz__coverage(np, n, 0, docs[i].nt.n) / (double)docs[i].nt.n : 0;
  q->b_in_a = docs[j].nt.n ? (double)dz__coverage(np, n, 1, docs[j].nt.n) / (double)docs[j].nt.n : 0;
  dz_sim_passage *ps = calloc(n, sizeof *ps);
  if (!ps) { free(np); return DZ_ENOMEM; }
  q->passages = ps;
  b->npairs++;
  for (size_t k = 0; k < n; k++) {
    if (dz__passage_fill(&ps[k], &np[k], (int64_t)j, &docs[i], texts[i], &docs[j], texts[j])) {
      free(np);
      return DZ_ENOMEM;
    }
    q->npassages++;
  }
  free(np);
  direction(q, mtimes, same_text(texts[i], texts[j]));
  b->matrix[i * b->n + j] = q->a_in_b;
  b->matrix[j * b->n + i] = q->b_in_a;
  return DZ_OK;
}

/* Count shared fingerprints per pair (upper triangle) and align every pair with a count. */
static int pairs_from_entries(dz_sim_batch *b, const dz_simctx *ctx, dz_sdoc *docs,
                              const dz_text *const *texts, const entry *e, size_t ne,
                              const int64_t *mtimes) {
  size_t n = b->n, cap = 0, max_df = (size_t)(DF_CAP * (double)n);
  if (max_df < DF_MIN) max_df = DF_MIN;
  uint16_t *cnt = calloc(n ? n * n : 1, sizeof *cnt);
  if (!cnt) return DZ_ENOMEM;
  for (size_t s = 0; s < ne;) {
    size_t t = s;
    while (t < ne && e[t].h == e[s].h) t++;
    if (t - s >= 2 && t - s <= max_df)
      for (size_t x = s; x < t; x++)
        for (size_t y = x + 1; y < t; y++) {
          uint16_t *c = &cnt[(size_t)e[x].doc * n + e[y].doc];
          if (*c < UINT16_MAX) (*c)++;
        }
    s = t;
  }
  int rc = DZ_OK;
  for (size_t i = 0; i < n && !rc; i++)
    for (size_t j = i + 1; j < n && !rc; j++)
      if (cnt[i * n + j]) rc = add_pair(b, &cap, ctx, docs, texts, i, j, mtimes);
  free(cnt);
  return rc;
}

int dz_sim_batch_run(dz_sim_batch **out, const dz_text *const *texts, size_t n,
                     const dz_sim_batch_options *opts, dz_error *err) {
  if (n > MAX_FILES)
    return dz__error_set(err, DZ_ETOOBIG, "一次最多交叉比对 %d 个文件（收到 %zu 个）。请分批比对，或把旧材料加入语料库后用 similar 检查。",
                         MAX_FILES, n);
  dz_sim_batch_options o = DZ_SIM_BATCH_OPTIONS_INIT;
  if (opts) o = *opts;
  if (o.group_threshold <= 0) o.group_threshold = 0.3;
  dz_simctx ctx;
  int rc = dz__simctx_init(&ctx, 0, 0, 0, 0, err);
  if (rc) return rc;
  dz_sim_batch *b = calloc(1, sizeof *b);
  dz_sdoc *docs = calloc(n ? n : 1, sizeof *docs);
  entry *e = NULL;
  size_t ne = 0;
  if (!b || !docs) { rc = dz__error_nomem(err); goto done; }
  b->n = n;
  b->files = calloc(n ? n : 1, sizeof *b->files);
  b->matrix = calloc(n ? n * n : 1, sizeof *b->matrix);
  if (!b->files || !b->matrix) { rc = dz__error_nomem(err); goto done; }
  for (size_t i = 0; i < n; i++) {
    b->matrix[i * n + i] = 1.0;
    if (!(b->files[i] = strdup(dz_text_name(texts[i])))) { rc = dz__error_nomem(err); goto done; }
    if ((rc = dz__sdoc_prepare(&ctx, texts[i], &docs[i], err))) goto done;
  }
  if (collect(&e, &ne, &ctx, docs, n) || pairs_from_entries(b, &ctx, docs, texts, e, ne, o.mtimes) ||
      make_groups(b, o.group_threshold)) {
    rc = dz__error_nomem(err);
    goto done;
  }
  *out = b;
  b = NULL;
done:
  free(e);
  for (size_t i = 0; docs && i < n; i++) dz__sdoc_free(&docs[i]);
  free(docs);
  dz_sim_batch_free(b);
  dz__simctx_free(&ctx);
  return rc;
}

/* NULL-safe; frees the passages of every pair too. */
void dz_sim_batch_free(dz_sim_batch *b) {
  if (!b) return;
  for (size_t i = 0; b->files && i < b->n; i++) free(b->files[i]);
  for (size_t i = 0; i < b->npairs; i++) {
    for (size_t k = 0; k < b->pairs[i].npassages; k++) dz__passage_clear((dz_sim_passage *)&b->pairs[i].passages[k]);
    free((void *)b->pairs[i].passages);
  }
  free(b->files);
  free(b->matrix);
  free(b->group_members);
  free(b->group_start);
  free(b->pairs);
  free(b);
}

size_t dz_sim_batch_size(const dz_sim_batch *b) { return b->n; }
const char *dz_sim_batch_file(const dz_sim_batch *b, size_t i) { return i < b->n ? b->files[i] : NULL; }
double dz_sim_batch_matrix(const dz_sim_batch *b, size_t i, size_t j) {
  return i < b->n && j < b->n ? b->matrix[i * b->n + j] : 0.0;
}
size_t dz_sim_batch_group_count(const dz_sim_batch *b) { return b->ngroups; }
const size_t *dz_sim_batch_group(const dz_sim_batch *b, size_t g, size_t *n) {
  if (g >= b->ngroups) { *n = 0; return NULL; }
  *n = b->group_start[g + 1] - b->group_start[g];
  return b->group_members + b->group_start[g];
}
size_t dz_sim_batch_pair_count(const dz_sim_batch *b) { return b->npairs; }
const dz_sim_pair *dz_sim_batch_pair(const dz_sim_batch *b, size_t i) {
  return i < b->npairs ? &b->pairs[i] : NULL;
}
