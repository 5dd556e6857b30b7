/*
** Seed, extend, merge (see align.h).
**
** Seeds: every k-gram of A whose hash occurs in B (B's hashes are sorted once; lookups are
** binary searches). Extension: seeds are processed per diagonal (b - a) in order, each one
** extended character by character to a maximal exact run, and seeds inside a run already
** found are skipped, so the work is linear in the matched length. Merging: runs sorted by
** their start in A are chained greedily into the open passage they continue with the
** smallest gap, when the gap in both texts is at most max_gap. Substituted characters,
** short insertions and k-grams lost to an edit every few characters all become gaps. Finally
** each passage's ends are stretched over a substitution or two followed by equal characters.
*/
#include <stdlib.h>
#include <string.h>

#include "sim/align.h"
#include "sim/bloom2.h"
#include "sim/fingerprint.h"
#include "util/cpu.h"

typedef dz_seed seed;

/* Slot of a hash in the index table (the hashes are mixed: their low bits are as good as any). */
static size_t slot_of(uint64_t h, uint64_t mask) { return (size_t)((h ^ (h >> 32)) & mask); }

/* First entry of hash h in the index, or -1. */
static int64_t index_find(const dz_align_index *ix, uint64_t h) {
  if (!dz__bloom2_has(ix->bits, (h >> 40) & ix->bmask, h)) return -1;
  for (size_t j = slot_of(h, ix->mask);; j = (j + 1) & ix->mask) {
    uint32_t v = ix->slot[j];
    if (!v) return -1;
    if (ix->bi[v - 1].h == h) return (int64_t)v - 1;
  }
}

/* Seeds by diagonal, then by position in A: one pass per diagonal extends them. */
static int seed_cmp(const void *x, const void *y) {
  const seed *s = x, *t = y;
  int64_t ds = (int64_t)s->b - s->a, dt = (int64_t)t->b - t->a;
  if (ds != dt) return ds < dt ? -1 : 1;
  return (s->a > t->a) - (s->a < t->a);
}

/* Seeds in seed_cmp order. collect_seeds emits them by increasing a, so a stable sort by
** diagonal alone is enough: an LSD radix sort on the bytes of (diagonal - smallest diagonal),
** as many bytes as the spread of diagonals needs (most seeds of a copy share a few diagonals,
** so usually one or two). qsort with seed_cmp is the fallback when the buffer cannot be
** allocated. */
static void sort_seeds(seed *s, size_t ns) {
  if (ns < 2) return;
  int64_t dmin = INT64_MAX, dmax = INT64_MIN;
  for (size_t i = 0; i < ns; i++) {
    int64_t d = (int64_t)s[i].b - s[i].a;
    if (d < dmin) dmin = d;
    if (d > dmax) dmax = d;
  }
  uint64_t range = (uint64_t)(dmax - dmin);
  if (!range) return; /* one diagonal: already in order of a */
  seed *tmp = ns > 32 ? malloc(ns * sizeof *tmp) : NULL, *src = s, *dst = tmp;
  if (!tmp) {
    qsort(s, ns, sizeof *s, seed_cmp);
    return;
  }
  size_t cnt[256];
  for (int shift = 0; shift < 64 && (range >> shift); shift += 8) {
    memset(cnt, 0, sizeof cnt);
#define DIGIT(x) ((size_t)((uint64_t)((int64_t)(x).b - (x).a - dmin) >> shift) & 0xFF)
    for (size_t i = 0; i < ns; i++) cnt[DIGIT(src[i])]++;
    size_t sum = 0;
    for (size_t d = 0; d < 256; d++) {
      size_t c = cnt[d];
      cnt[d] = sum, sum += c;
    }
    for (size_t i = 0; i < ns; i++) dst[cnt[DIGIT(src[i])]++] = src[i];
#undef DIGIT
    seed *t = src;
    src = dst, dst = t;
  }
  if (src != s) memcpy(s, src, ns * sizeof *s);
  free(tmp);
}

/* Runs by start in A (then B), the order in which they are chained. */
static int run_cmp(const void *x, const void *y) {
  const dz_npassage *s = x, *t = y;
  if (s->a0 != t->a0) return s->a0 < t->a0 ? -1 : 1;
  return (s->b0 > t->b0) - (s->b0 < t->b0);
}

/* Seed collection state. A copied passage makes a chain of k-grams of A that each occur once in
** B, at consecutive places: only the chain's first one needs a seed, since extending it covers
** the others (extend_runs would skip their seeds). `ca`, `cb` are the last k-gram of the open
** chain and its place in B (ca = UINT32_MAX: none). */
typedef struct seeder {
  seed *s;
  size_t n, cap;
  const dz_align_index *ix;
  const dz_ntext *A, *B;
  int k, max_occ;
  uint32_t ca, cb;
} seeder;

/* Seeds of k-gram i of A (hash h) with every occurrence of h in B, unless there are more than
** max_occ. Returns -1 when out of memory. */
static int seeds_of(seeder *g, size_t i, uint64_t h) {
  const dz_align_index *ix = g->ix;
  if (i == (size_t)g->ca + 1 && g->cb + 1 < ix->nhb && ix->once[g->cb + 1] && ix->hb[g->cb + 1] == h) {
    g->ca++, g->cb++; /* the chain goes on: h occurs in B only right after the last one */
    return 0;
  }
  g->ca = UINT32_MAX;
  if (h == DZ_FP_SKIP) return 0;
  int64_t f = index_find(ix, h);
  if (f < 0) return 0;
  const dz_fp *bi = ix->bi;
  size_t e = (size_t)f;
  while (e < ix->nb && bi[e].h == h) e++;
  if ((int)(e - (size_t)f) > g->max_occ) return 0;
  for (size_t j = (size_t)f; j < e; j++) {
    if (g->n == g->cap) {
      seed *t = realloc(g->s, (g->cap *= 2) * sizeof *g->s);
      if (!t) return -1;
      g->s = t;
    }
    g->s[g->n++] = (seed){(uint32_t)i, bi[j].pos};
  }
  /* a chain starts at a k-gram found once whose characters are really equal (not a hash
  ** collision: then extend_runs drops its seed, and the next ones must be looked up) */
  if (e - (size_t)f == 1 &&
      !memcmp(g->A->c + i, g->B->c + bi[f].pos, (size_t)g->k * sizeof *g->A->c))
    g->ca = (uint32_t)i, g->cb = bi[f].pos;
  return 0;
}

#if DZ_HAVE_AVX2_PATH
#include <immintrin.h>

/* Seeds, with the filter tested four hashes at a time (a gather of their words and variable
** shifts); only the few that pass go on to the table. Most of A is not in B, and the
** scalar test cost about 25 instructions a k-gram. (A k-gram that fails the filter ends any
** chain by itself: the next one is not at ca + 1.) */
static DZ_AVX2 int collect_avx2(seeder *g, const uint64_t *ha, size_t nha) {
  const __m256i bmask = _mm256_set1_epi64x((long long)g->ix->bmask);
  size_t i = 0;
  for (; i + 4 <= nha; i += 4) {
    __m256i h = _mm256_loadu_si256((const __m256i *)(ha + i));
    unsigned hit = dz__bloom2_has4(g->ix->bits, _mm256_and_si256(_mm256_srli_epi64(h, 40), bmask), h);
    for (; hit; hit &= hit - 1) {
      size_t j = i + (size_t)__builtin_ctz(hit);
      if (seeds_of(g, j, ha[j])) return -1;
    }
  }
  for (; i < nha; i++)
    if (seeds_of(g, i, ha[i])) return -1;
  return 0;
}

/* How many k-grams of A from j (< end, at most 16) continue the open chain (see seeds_of): the
** next hashes of B equal and each found once there, eight compared at a time. */
static DZ_AVX512 size_t chain_run(const seeder *g, const uint64_t *ha, size_t j, size_t end) {
  const dz_align_index *ix = g->ix;
  size_t b = (size_t)g->cb + 1, run = 0;
  while (j + run < end && b + run < ix->nhb) {
    size_t m = end - j - run;
    if (m > 8) m = 8;
    if (m > ix->nhb - b - run) m = ix->nhb - b - run;
    __mmask8 live = (__mmask8)((1u << m) - 1);
    __mmask8 eq = _mm512_mask_cmpeq_epi64_mask(live, _mm512_maskz_loadu_epi64(live, ha + j + run),
                                               _mm512_maskz_loadu_epi64(live, ix->hb + b + run));
    __m128i once = _mm_maskz_loadu_epi8(live, ix->once + b + run);
    unsigned ok = eq & (unsigned)_mm_test_epi8_mask(once, once), len = (unsigned)__builtin_ctz(~ok);
    run += len;
    if (len < m) break;
  }
  return run;
}

/* Seeds of the k-grams i + bit of `hit` (i..end-1): where a chain goes on through the hits,
** chain_run takes them together instead of one seeds_of call each (the same result: a k-gram
** that continues a chain always passes the filter). */
static inline DZ_AVX512 int take_hits(seeder *g, const uint64_t *ha, size_t i, size_t end, unsigned hit) {
  while (hit) {
    size_t j = i + (size_t)__builtin_ctz(hit), run;
    if (j == (size_t)g->ca + 1 && (run = chain_run(g, ha, j, end))) {
      g->ca += (uint32_t)run, g->cb += (uint32_t)run;
      hit &= ~(((1u << run) - 1) << (j - i));
      continue;
    }
    if (seeds_of(g, j, ha[j])) return -1;
    hit &= hit - 1;
  }
  return 0;
}

/* collect_avx2 sixteen hashes at a time (dz__bloom2_scan16: two gathers of eight), the last few
** in a masked step. */
static DZ_AVX512 int collect_avx512(seeder *g, const uint64_t *ha, size_t nha) {
  const __m512i bmask = _mm512_set1_epi64((long long)g->ix->bmask);
  const uint64_t *bits = g->ix->bits;
  size_t i = 0;
  for (; i + 16 <= nha; i += 16)
    if (take_hits(g, ha, i, i + 16, dz__bloom2_scan16(bits, ha + i, 16, 40, bmask))) return -1;
  return i < nha ? take_hits(g, ha, i, nha, dz__bloom2_scan16(bits, ha + i, nha - i, 40, bmask)) : 0;
}
#endif

/* Collect seeds (a, b) from hash matches, in order of a, on the vector path `simd` at most (see
** dz__align_seeds). */
static int collect_seeds(seed **out, size_t *ns, const dz_ntext *A, const uint64_t *ha, size_t nha,
                         const dz_ntext *B, const dz_align_index *ix, int k, int max_occ, int simd) {
  seeder g = {malloc(1024 * sizeof(seed)), 0, 1024, ix, A, B, k, max_occ, UINT32_MAX, 0};
  if (!g.s) return -1;
  /* B is usually cold (each checked text meets another source): fetch its filter and table
  ** now, so that their misses overlap instead of stalling the gathers and probes one by one */
  for (size_t w = 0; w <= ix->bmask; w += 8) __builtin_prefetch(ix->bits + w);
  for (size_t j = 0; j <= ix->mask; j += 16) __builtin_prefetch(ix->slot + j);
  for (size_t j = 0; j < ix->nb; j += 4) __builtin_prefetch(ix->bi + j);
  for (size_t j = 0; j < B->n; j += 16) __builtin_prefetch(B->c + j);
  int rc = 0;
#if DZ_HAVE_AVX2_PATH
  if (simd >= 2 && dz__cpu_avx512()) rc = collect_avx512(&g, ha, nha);
  else if (simd >= 1 && dz__cpu_avx2()) rc = collect_avx2(&g, ha, nha);
  else
#else
  (void)simd;
#endif
    for (size_t i = 0; i < nha && !rc; i++) rc = seeds_of(&g, i, ha[i]);
  if (rc) {
    free(g.s);
    return -1;
  }
  *out = g.s;
  *ns = g.n;
  return 0;
}

/* Extend seeds into maximal exact runs, one pass per diagonal. */
static size_t extend_runs(dz_npassage *runs, seed *s, size_t ns, const dz_ntext *A,
                          const dz_ntext *B, int k) {
  size_t nr = 0;
  int64_t cur_d = INT64_MIN;
  uint32_t cur_end = 0;
  for (size_t x = 0; x < ns; x++) {
    int64_t d = (int64_t)s[x].b - s[x].a;
    if (d == cur_d && s[x].a < cur_end) continue;
    uint32_t a = s[x].a, b = s[x].b;
    if (memcmp(A->c + a, B->c + b, (size_t)k * sizeof *A->c)) continue; /* hash collision */
    uint32_t lo = d == cur_d ? cur_end : 0;
    while (a > lo && b > 0 && A->c[a - 1] == B->c[b - 1]) a--, b--;
    uint32_t a1 = s[x].a + (uint32_t)k, b1 = s[x].b + (uint32_t)k;
    while (a1 < A->n && b1 < B->n && A->c[a1] == B->c[b1]) a1++, b1++;
    runs[nr++] = (dz_npassage){a, a1, b, b1, a1 - a};
    cur_d = d;
    cur_end = a1;
  }
  return nr;
}

/* Chain runs (sorted by a0) into passages across gaps of at most max_gap. */
static size_t merge_runs(dz_npassage *runs, size_t nr, int max_gap, int k) {
  size_t np = 0;
  int64_t G = max_gap, K = k;
  for (size_t r = 0; r < nr; r++) {
    dz_npassage *x = &runs[r];
    size_t best = (size_t)-1;
    int64_t best_gap = INT64_MAX;
    /* Only recent passages can be continued; 64 is far more than edits produce. */
    for (size_t q = np, looked = 0; q-- > 0 && looked < 64; looked++) {
      dz_npassage *p = &runs[q];
      int64_t ga = (int64_t)x->a0 - p->a1, gb = (int64_t)x->b0 - p->b1;
      if (ga < -K || gb < -K || ga > G || gb > G) continue;
      if (x->a1 <= p->a1 || x->b1 <= p->b1) { best = q, best_gap = -1; break; } /* inside */
      int64_t gap = ga > gb ? ga : gb;
      if (gap < best_gap) best = q, best_gap = gap;
    }
    if (best == (size_t)-1) {
      runs[np++] = *x;
      continue;
    }
    dz_npassage *p = &runs[best];
    uint32_t add = x->a1 > p->a1 ? x->a1 - (x->a0 > p->a1 ? x->a0 : p->a1) : 0;
    if (x->a1 > p->a1) p->a1 = x->a1;
    if (x->b1 > p->b1) p->b1 = x->b1;
    if (x->b0 < p->b0) p->b0 = x->b0;
    p->matched += add;
  }
  return np;
}

#define END_SKIP 2 /* substituted characters bridged at a passage's ends */
#define END_RUN 3  /* exact characters needed after them */

/* Do A[a..a+n) and B[b..b+n) hold the same characters? */
static int same(const dz_ntext *A, uint32_t a, const dz_ntext *B, uint32_t b, uint32_t n) {
  return !memcmp(A->c + a, B->c + b, (size_t)n * sizeof *A->c);
}

/* Runs are at least k characters long, so an edit within the last (or first) k characters of a
** copied sentence would leave its tail outside the passage. Extend each end across up to
** END_SKIP substituted characters when at least END_RUN equal characters follow, without
** running into the neighbouring passage. */
static void extend_ends(dz_npassage *p, size_t n, const dz_ntext *A, const dz_ntext *B) {
  for (size_t i = 0; i < n; i++) {
    uint32_t hi = i + 1 < n && p[i + 1].a0 >= p[i].a1 ? p[i + 1].a0 : (uint32_t)A->n;
    uint32_t lo = i > 0 && p[i - 1].a1 <= p[i].a0 ? p[i - 1].a1 : 0;
    for (int moved = 1; moved;) {
      moved = 0;
      for (uint32_t sk = 1; sk <= END_SKIP && !moved; sk++) {
        uint32_t a = p[i].a1 + sk, b = p[i].b1 + sk;
        if (a + END_RUN > hi || b + END_RUN > B->n || !same(A, a, B, b, END_RUN)) continue;
        uint32_t m = END_RUN;
        while (a + m < hi && b + m < B->n && A->c[a + m] == B->c[b + m]) m++;
        p[i].a1 = a + m, p[i].b1 = b + m, p[i].matched += m, moved = 1;
      }
    }
    for (int moved = 1; moved;) {
      moved = 0;
      for (uint32_t sk = 1; sk <= END_SKIP && !moved; sk++) {
        if (p[i].a0 < lo + sk + END_RUN || p[i].b0 < sk + END_RUN) continue;
        uint32_t a = p[i].a0 - sk, b = p[i].b0 - sk; /* exclusive ends of the earlier run */
        if (!same(A, a - END_RUN, B, b - END_RUN, END_RUN)) continue;
        uint32_t m = END_RUN;
        while (a - m > lo && b - m > 0 && A->c[a - m - 1] == B->c[b - m - 1]) m++;
        p[i].a0 = a - m, p[i].b0 = b - m, p[i].matched += m, moved = 1;
      }
    }
  }
}

int dz__align(dz_npassage **out, size_t *n, const dz_ntext *A, const uint64_t *ha, size_t nha,
              const dz_ntext *B, const dz_align_index *ix, const dz_align_params *p) {
  seed *s = NULL;
  size_t ns = 0;
  dz_npassage *runs = NULL;
  if (collect_seeds(&s, &ns, A, ha, nha, B, ix, p->k, p->max_occ ? p->max_occ : 16, 2)) return -1;
  sort_seeds(s, ns);
  runs = malloc((ns ? ns : 1) * sizeof *runs);
  if (!runs) { free(s); return -1; }
  size_t nr = extend_runs(runs, s, ns, A, B, p->k);
  free(s);
  qsort(runs, nr, sizeof *runs, run_cmp);
  *n = merge_runs(runs, nr, p->max_gap, p->k);
  extend_ends(runs, *n, A, B);
  *out = runs;
  return 0;
}

/* See align.h. */
int dz__align_seeds(dz_seed **out, size_t *n, const dz_ntext *A, const uint64_t *ha, size_t nha, const dz_ntext *B,
                    const dz_align_index *ix, int k, int max_occ, int simd) {
  return collect_seeds(out, n, A, ha, nha, B, ix, k, max_occ, simd);
}

/* See align.h. The table has at least two slots per distinct hash: absent hashes are mostly
** stopped by the bit filter before it, and a larger table was most of a cached source's memory. */
int dz__align_index_build(dz_align_index *ix, const uint64_t *hb, size_t nhb) {
  memset(ix, 0, sizeof *ix);
  if (!(ix->bi = malloc((nhb ? nhb : 1) * sizeof *ix->bi))) return -1;
  for (size_t j = 0; j < nhb; j++)
    if (hb[j] != DZ_FP_SKIP) ix->bi[ix->nb++] = (dz_fp){hb[j], (uint32_t)j};
  dz__fp_sort(ix->bi, ix->nb);
  size_t cap = 64;
  while (cap < ix->nb * 2) cap *= 2;
  if (!(ix->slot = calloc(cap, sizeof *ix->slot))) {
    dz__align_index_free(ix);
    return -1;
  }
  ix->mask = cap - 1;
  ix->hb = hb, ix->nhb = nhb;
  if (!(ix->once = calloc(nhb ? nhb : 1, 1))) {
    dz__align_index_free(ix);
    return -1;
  }
  for (size_t i = 0; i < ix->nb; i++)
    ix->once[ix->bi[i].pos] = (i == 0 || ix->bi[i - 1].h != ix->bi[i].h) &&
                              (i + 1 == ix->nb || ix->bi[i + 1].h != ix->bi[i].h);
  size_t words = 64;
  while (words * 2 < ix->nb) words *= 2; /* 32 bits or more a hash, two of them set: few absent hashes pass */
  if (!(ix->bits = calloc(words, sizeof *ix->bits))) {
    dz__align_index_free(ix);
    return -1;
  }
  ix->bmask = words - 1;
  for (size_t i = 0; i < ix->nb; i++) {
    ix->bits[(ix->bi[i].h >> 40) & ix->bmask] |= dz__bloom2_bits(ix->bi[i].h);
    if (i && ix->bi[i].h == ix->bi[i - 1].h) continue;
    size_t j = slot_of(ix->bi[i].h, ix->mask);
    while (ix->slot[j]) j = (j + 1) & ix->mask;
    ix->slot[j] = (uint32_t)i + 1;
  }
  return 0;
}

/* NULL-safe. */
void dz__align_index_free(dz_align_index *ix) {
  if (!ix) return;
  free(ix->bi);
  free(ix->slot);
  free(ix->bits);
  free(ix->once);
  memset(ix, 0, sizeof *ix);
}
