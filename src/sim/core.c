/*
** Context and prepared documents for matching (see core.h). The stock-phrase list is data:
** every embedded data/lexicon/stock_phrases*.tsv (columns phrase<TAB>note, # comments) is
** normalised like a document, and each of its k-grams is masked in every document, so that
** formulations every official document shares never seed a passage.
*/
#include <stdlib.h>
#include <string.h>

#include "sim/bloom2.h"
#include "sim/core.h"
#include "util/cpu.h"
#include "util/embed.h"
#include "util/error.h"

extern const dz_embedded_file dz_embedded_data[];

/* Append the k-grams of c[0..n) to the stock set. */
static int add_kgrams(dz_simctx *ctx, const uint32_t *c, size_t n, size_t *cap) {
  if (n < (size_t)ctx->k) return DZ_OK;
  size_t m = n - (size_t)ctx->k + 1;
  if (ctx->nstock + m > *cap) {
    size_t nc = (*cap + m) * 2;
    uint64_t *t = realloc(ctx->stock, nc * sizeof *t);
    if (!t) return DZ_ENOMEM;
    ctx->stock = t, *cap = nc;
  }
  ctx->nstock += dz__kgram_hashes(c, n, ctx->k, ctx->stock + ctx->nstock);
  return DZ_OK;
}

/* Add the k-grams of every phrase of one list (a phrase a line, before any tab; # comments).
** The whole file is normalised at once, and each phrase is the run of normalised characters
** that came from its bytes: the same as normalising the phrases one by one (line ends and tabs
** are dropped characters, so they end clauses for the t2s conversion too; a unit test compares),
** at a fifth of the cost, which every checking thread pays when it starts. */
static int add_list(dz_simctx *ctx, const char *data, size_t len, size_t *cap, dz_error *err) {
  dz_ntext nt;
  int rc = dz__norm_utf8(ctx->nm, data, len, &nt, err);
  if (rc) return rc;
  size_t j = 0;
  for (const char *p = data, *end = data + len; p < end && !rc;) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) eol = end;
    const char *tab = memchr(p, '\t', (size_t)(eol - p));
    const char *pe = tab ? tab : eol;
    if (pe > p && *p != '#') {
      uint32_t b0 = (uint32_t)(p - data), b1 = (uint32_t)(pe - data);
      while (j < nt.n && nt.ostart[j] < b0) j++;
      size_t j0 = j;
      while (j < nt.n && nt.ostart[j] < b1) j++;
      if (add_kgrams(ctx, nt.c + j0, j - j0, cap)) rc = dz__error_nomem(err);
    }
    p = eol + 1;
  }
  dz__ntext_free(&nt);
  return rc;
}

/* The filter word of a hash and its two bits there (see core.h). */
static size_t bloom_word(uint64_t h) { return (size_t)(h >> 20) & (DZ_STOCK_BLOOM_WORDS - 1); }

/* Load every embedded lexicon/stock_phrases*.tsv into the sorted stock set and its filter. */
static int load_stock(dz_simctx *ctx, dz_error *err) {
  size_t cap = 0;
  const char *pre = "lexicon/stock_phrases";
  for (const dz_embedded_file *f = dz_embedded_data; f->name; f++) {
    size_t nl = strlen(f->name);
    if (strncmp(f->name, pre, strlen(pre)) || nl < 4 || strcmp(f->name + nl - 4, ".tsv")) continue;
    int rc = add_list(ctx, (const char *)f->data, f->len, &cap, err);
    if (rc) return rc;
  }
  if (dz__u64_sort(ctx->stock, ctx->nstock)) return dz__error_nomem(err);
  if (!(ctx->bloom = calloc(DZ_STOCK_BLOOM_WORDS, sizeof *ctx->bloom))) return dz__error_nomem(err);
  for (size_t i = 0; i < ctx->nstock; i++) ctx->bloom[bloom_word(ctx->stock[i])] |= dz__bloom2_bits(ctx->stock[i]);
  return DZ_OK;
}

/* See core.h. */
int dz__simctx_init(dz_simctx *ctx, int k, int w, int max_gap, int min_chars, dz_error *err) {
  memset(ctx, 0, sizeof *ctx);
  ctx->k = k > 0 ? k : DZ_SIM_DEFAULT_K;
  ctx->w = w > 0 ? w : DZ_SIM_DEFAULT_W;
  ctx->max_gap = max_gap > 0 ? max_gap : 3 * ctx->k;
  ctx->min_chars = min_chars > 0 ? min_chars : DZ_SIM_DEFAULT_MIN_CHARS;
  int rc = dz__norm_open(&ctx->nm, err);
  if (!rc) rc = load_stock(ctx, err);
  if (rc) dz__simctx_free(ctx);
  return rc;
}

/* NULL-safe. */
void dz__simctx_free(dz_simctx *ctx) {
  if (!ctx) return;
  dz__norm_close(ctx->nm);
  free(ctx->stock);
  free(ctx->bloom);
  memset(ctx, 0, sizeof *ctx);
}

/* Is this k-gram hash inside a stock phrase? Bloom filter first, then binary search. */
static int is_stock(const dz_simctx *ctx, uint64_t h) {
  if (!dz__bloom2_has(ctx->bloom, bloom_word(h), h)) return 0;
  size_t lo = 0, hi = ctx->nstock;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (ctx->stock[mid] < h) lo = mid + 1; else hi = mid;
  }
  return lo < ctx->nstock && ctx->stock[lo] == h;
}

/* Mask k-gram i and mark its characters when it lies in a stock phrase. */
static void mask_if_stock(const dz_simctx *ctx, dz_sdoc *d, size_t i) {
  if (!is_stock(ctx, d->h[i])) return;
  d->h[i] = DZ_FP_SKIP;
  memset(d->stock + i, 1, (size_t)ctx->k);
}

#if DZ_HAVE_AVX2_PATH
#include <immintrin.h>

/* The filter test of four hashes at once (a gather of their words, variable shifts for their
** bits); the few that pass go to the exact test. The scalar filter cost about 20 instructions
** a k-gram, mostly the two variable shifts. */
static DZ_AVX2 void mask_stock_avx2(const dz_simctx *ctx, dz_sdoc *d) {
  const __m256i wmask = _mm256_set1_epi64x(DZ_STOCK_BLOOM_WORDS - 1);
  size_t i = 0;
  for (; i + 4 <= d->nh; i += 4) {
    __m256i h = _mm256_loadu_si256((const __m256i *)(d->h + i));
    unsigned hit = dz__bloom2_has4(ctx->bloom, _mm256_and_si256(_mm256_srli_epi64(h, 20), wmask), h);
    for (; hit; hit &= hit - 1) mask_if_stock(ctx, d, i + (size_t)__builtin_ctz(hit));
  }
  for (; i < d->nh; i++) mask_if_stock(ctx, d, i);
}

/* mask_stock_avx2 sixteen hashes at a time (dz__bloom2_scan16: two gathers of eight, the last
** step masked). */
static DZ_AVX512 void mask_stock_avx512(const dz_simctx *ctx, dz_sdoc *d) {
  const __m512i wmask = _mm512_set1_epi64(DZ_STOCK_BLOOM_WORDS - 1);
  for (size_t i = 0; i < d->nh; i += 16)
    for (unsigned hit = dz__bloom2_scan16(ctx->bloom, d->h + i, d->nh - i, 20, wmask); hit; hit &= hit - 1)
      mask_if_stock(ctx, d, i + (size_t)__builtin_ctz(hit));
}
#endif

/* See core.h. */
void dz__sdoc_mask_stock(const dz_simctx *ctx, dz_sdoc *d, int simd) {
  if (!ctx->nstock) return;
#if DZ_HAVE_AVX2_PATH
  if (simd >= 2 && dz__cpu_avx512()) {
    mask_stock_avx512(ctx, d);
    return;
  }
  if (simd >= 1 && dz__cpu_avx2()) {
    mask_stock_avx2(ctx, d);
    return;
  }
#else
  (void)simd;
#endif
  for (size_t i = 0; i < d->nh; i++) mask_if_stock(ctx, d, i);
}

/* See core.h: normalise, hash every k-gram, mask and mark stock phrases. */
int dz__sdoc_prepare(dz_simctx *ctx, const dz_text *t, dz_sdoc *out, dz_error *err) {
  dz_sdoc d = {0};
  int rc = dz__norm_text(ctx->nm, t, &d.nt, err);
  if (rc) return rc;
  d.h = malloc((d.nt.n ? d.nt.n : 1) * sizeof *d.h);
  d.stock = calloc(d.nt.n ? d.nt.n : 1, 1);
  if (!d.h || !d.stock) {
    dz__sdoc_free(&d);
    return dz__error_nomem(err);
  }
  d.nh = dz__kgram_hashes(d.nt.c, d.nt.n, ctx->k, d.h);
  dz__sdoc_mask_stock(ctx, &d, 2);
  *out = d;
  return DZ_OK;
}

/* NULL-safe. */
void dz__sdoc_free(dz_sdoc *d) {
  if (!d) return;
  dz__ntext_free(&d->nt);
  free(d->h);
  free(d->stock);
  dz__align_index_free(&d->ix);
  memset(d, 0, sizeof *d);
}

/* See core.h. */
size_t dz__sdoc_winnow(const dz_simctx *ctx, const dz_sdoc *d, dz_fp *out) {
  return dz__winnow(d->h, d->nh, ctx->w, out);
}

/* Longest passage first (ties by start), for drop_shadowed. */
static int len_desc(const void *x, const void *y) {
  const dz_npassage *a = x, *b = y;
  uint32_t la = a->a1 - a->a0, lb = b->a1 - b->a0;
  if (la != lb) return la > lb ? -1 : 1;
  return (a->a0 > b->a0) - (a->a0 < b->a0);
}

/* Passages back in text order. */
static int a0_asc(const void *x, const void *y) {
  const dz_npassage *a = x, *b = y;
  return (a->a0 > b->a0) - (a->a0 < b->a0);
}

/* A text that repeats itself aligns each repeat with every copy; keep, longest first, only
** passages whose A range is mostly new (less than half already covered by a kept one). */
static size_t drop_shadowed(dz_npassage *ps, size_t n, size_t alen) {
  if (n < 2) return n;
  uint8_t *m = calloc(alen ? alen : 1, 1);
  if (!m) return n;
  qsort(ps, n, sizeof *ps, len_desc);
  size_t keep = 0;
  for (size_t i = 0; i < n; i++) {
    size_t seen = 0, len = ps[i].a1 - ps[i].a0;
    for (uint32_t c = ps[i].a0; c < ps[i].a1; c++) seen += m[c];
    if (seen * 2 >= len) continue;
    memset(m + ps[i].a0, 1, len);
    ps[keep++] = ps[i];
  }
  free(m);
  qsort(ps, keep, sizeof *ps, a0_asc);
  return keep;
}

/* See core.h. */
int dz__sdoc_index(dz_sdoc *d) {
  if (d->has_ix) return DZ_OK;
  if (dz__align_index_build(&d->ix, d->h, d->nh)) return DZ_ENOMEM;
  d->has_ix = 1;
  return DZ_OK;
}

/* See core.h: align, then drop stock-only and shadowed passages. */
int dz__sdoc_align(const dz_simctx *ctx, const dz_sdoc *A, dz_sdoc *B, dz_npassage **out, size_t *n) {
  dz_align_params p = {ctx->k, ctx->max_gap, 16};
  dz_npassage *ps;
  size_t np;
  if (dz__sdoc_index(B)) return DZ_ENOMEM;
  if (dz__align(&ps, &np, &A->nt, A->h, A->nh, &B->nt, &B->ix, &p)) return DZ_ENOMEM;
  size_t keep = 0;
  for (size_t i = 0; i < np; i++) {
    size_t own = 0;
    for (uint32_t c = ps[i].a0; c < ps[i].a1; c++) own += !A->stock[c];
    if (own >= (size_t)ctx->min_chars) ps[keep++] = ps[i];
  }
  keep = drop_shadowed(ps, keep, A->nt.n);
  *out = ps;
  *n = keep;
  return DZ_OK;
}

/* Intervals by start. */
static int span_cmp(const void *x, const void *y) {
  const uint32_t *a = x, *b = y;
  return (a[0] > b[0]) - (a[0] < b[0]);
}

/* See core.h: the length of the union of the intervals (sorted by start, then swept), so that
** overlapping passages count once. A byte mask per source cost a calloc and a pass over the
** whole text. */
size_t dz__coverage(const dz_npassage *p, size_t n, int use_b, size_t len) {
  uint32_t (*iv)[2] = malloc((n ? n : 1) * sizeof *iv);
  if (!iv) return 0;
  size_t m = 0;
  int sorted = 1;
  for (size_t i = 0; i < n; i++) {
    uint32_t s = use_b ? p[i].b0 : p[i].a0, e = use_b ? p[i].b1 : p[i].a1;
    if (e > len) e = (uint32_t)len;
    if (s >= e) continue;
    if (m && s < iv[m - 1][0]) sorted = 0;
    iv[m][0] = s, iv[m][1] = e, m++;
  }
  if (!sorted) qsort(iv, m, sizeof *iv, span_cmp);
  size_t c = 0;
  uint32_t end = 0; /* covered up to here */
  for (size_t i = 0; i < m; i++) {
    uint32_t s = iv[i][0] > end ? iv[i][0] : end;
    if (iv[i][1] > s) c += iv[i][1] - s, end = iv[i][1];
  }
  free(iv);
  return c;
}
