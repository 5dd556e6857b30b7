/*
** k-gram hashing (a rolling polynomial hash, mixed) and winnowing. See fingerprint.h for the
** guarantee t = k + w - 1.
*/
#include <stdlib.h>
#include <string.h>

#include "sim/fingerprint.h"
#include "util/cpu.h"

#define POLY_BASE 0x9E3779B97F4A7C15ull /* odd: multiplication by it is a bijection mod 2^64 */

/* splitmix64's finaliser (Steele, Lea, Flood 2014): a bijection of 64-bit values whose every
** output bit depends on every input bit, so winnowing's minima fall at random places. */
static uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* The hashes of k-grams [from, to) of c, k-gram `from` first computed from scratch. */
static void kgram_range(const uint32_t *c, size_t from, size_t to, int k, uint64_t *h) {
  if (from >= to) return;
  uint64_t r = 0, top = 1; /* top = B^(k-1), the weight of the character that leaves */
  for (int j = 0; j < k; j++) r = r * POLY_BASE + c[from + (size_t)j];
  for (int j = 1; j < k; j++) top *= POLY_BASE;
  for (size_t i = from;; i++) {
    uint64_t v = mix64(r);
    h[i] = v == DZ_FP_SKIP ? v - 1 : v; /* keep the mask value reserved */
    if (i + 1 == to) break;
    r = (r - c[i] * top) * POLY_BASE + c[i + (size_t)k];
  }
}

#if DZ_HAVE_AVX2_PATH
#include <immintrin.h>

/* x * K (mod 2^64) in each 64-bit lane, from 32-bit products; khi holds K >> 32. */
static DZ_AVX2 __m256i mul64(__m256i x, __m256i k, __m256i khi) {
  __m256i cross = _mm256_add_epi64(_mm256_mul_epu32(_mm256_srli_epi64(x, 32), k), _mm256_mul_epu32(x, khi));
  return _mm256_add_epi64(_mm256_mul_epu32(x, k), _mm256_slli_epi64(cross, 32));
}

/* mix64 in each lane. */
static DZ_AVX2 __m256i mix64x4(__m256i z) {
  const __m256i c1 = _mm256_set1_epi64x((long long)0xBF58476D1CE4E5B9ull), c1h = _mm256_srli_epi64(c1, 32);
  const __m256i c2 = _mm256_set1_epi64x((long long)0x94D049BB133111EBull), c2h = _mm256_srli_epi64(c2, 32);
  z = mul64(_mm256_xor_si256(z, _mm256_srli_epi64(z, 30)), c1, c1h);
  z = mul64(_mm256_xor_si256(z, _mm256_srli_epi64(z, 27)), c2, c2h);
  return _mm256_xor_si256(z, _mm256_srli_epi64(z, 31));
}

/* Four rolling hashes side by side, lane l over the k-grams [l q, (l + 1) q): the same values
** as kgram_range (the unit tests compare them), in a third of the instructions. The rest (m
** mod 4) is left to the caller. r' = r B - c_out B^k + c_in, all mod 2^64. */
static DZ_AVX2 size_t kgram_avx2(const uint32_t *c, size_t m, int k, uint64_t *h) {
  size_t q = m / 4;
  uint64_t bk = 1, r[4];
  for (int j = 0; j < k; j++) bk *= POLY_BASE;
  for (int l = 0; l < 4; l++) {
    r[l] = 0;
    for (int j = 0; j < k; j++) r[l] = r[l] * POLY_BASE + c[(size_t)l * q + (size_t)j];
  }
  const __m256i B = _mm256_set1_epi64x((long long)POLY_BASE), Bh = _mm256_srli_epi64(B, 32);
  const __m256i K = _mm256_set1_epi64x((long long)bk), Kh = _mm256_srli_epi64(K, 32);
  const __m256i skip = _mm256_set1_epi64x(-1);
  __m256i R = _mm256_loadu_si256((const __m256i *)r);
  uint64_t *o0 = h, *o1 = h + q, *o2 = h + 2 * q, *o3 = h + 3 * q;
  const uint32_t *c0 = c, *c1 = c + q, *c2 = c + 2 * q, *c3 = c + 3 * q;
  size_t K_ = (size_t)k;
  for (size_t t = 0; t < q; t++) {
    __m256i v = mix64x4(R);
    v = _mm256_add_epi64(v, _mm256_cmpeq_epi64(v, skip)); /* DZ_FP_SKIP nudged down by one */
    __m128i lo = _mm256_castsi256_si128(v), hi = _mm256_extracti128_si256(v, 1);
    o0[t] = (uint64_t)_mm_cvtsi128_si64(lo), o1[t] = (uint64_t)_mm_extract_epi64(lo, 1);
    o2[t] = (uint64_t)_mm_cvtsi128_si64(hi), o3[t] = (uint64_t)_mm_extract_epi64(hi, 1);
    if (t + 1 == q) break;
    __m256i out = _mm256_setr_epi64x(c0[t], c1[t], c2[t], c3[t]);
    __m256i in = _mm256_setr_epi64x(c0[t + K_], c1[t + K_], c2[t + K_], c3[t + K_]);
    __m256i gone = _mm256_add_epi64(_mm256_mul_epu32(out, K), _mm256_slli_epi64(_mm256_mul_epu32(out, Kh), 32));
    R = _mm256_add_epi64(_mm256_sub_epi64(mul64(R, B, Bh), gone), in);
  }
  return 4 * q;
}
#endif

/* See fingerprint.h. The polynomial sum c[i]*B^(k-1) + ... + c[i+k-1] (mod 2^64) moves one
** character at a time with two multiplications; XXH3 over the 32 bytes of each k-gram cost
** four times as many instructions. DZ_FP_SKIP is never a real hash (it is nudged down). */
size_t dz__kgram_hashes(const uint32_t *c, size_t n, int k, uint64_t *h) {
  if (k <= 0 || n < (size_t)k) return 0;
  size_t m = n - (size_t)k + 1, done = 0;
#if DZ_HAVE_AVX2_PATH
  if (m >= 64 && dz__cpu_avx2()) done = kgram_avx2(c, m, k, h);
#endif
  kgram_range(c, done, m, k, h);
  return m;
}

/* See fingerprint.h: the scalar path alone, for tests. */
size_t dz__kgram_hashes_scalar(const uint32_t *c, size_t n, int k, uint64_t *h) {
  if (k <= 0 || n < (size_t)k) return 0;
  kgram_range(c, 0, n - (size_t)k + 1, k, h);
  return n - (size_t)k + 1;
}

/* Winnowing keeps, for each window, the rightmost minimum. The current minimum m is kept
** while it stays in the window: a new hash at or below it replaces it (rightmost on ties),
** and only when m slides out is the window rescanned. On random hashes the new one wins about
** 2 / (w + 1) of the time and m expires about as often, so the cost is one well-predicted
** comparison per hash plus an occasional scan of w: several times cheaper than a monotone deque,
** whose pops mispredict. Same selection as the deque (the unit tests compare the two). */
size_t dz__winnow(const uint64_t *h, size_t nh, int w, dz_fp *out) {
  if (nh == 0) return 0;
  size_t W = w < 1 ? 1 : (size_t)w, n = 0, last = (size_t)-1;
  size_t first = W < nh ? W : nh; /* the first window ends at first - 1 */
  /* hm caches h[m]: reloading h[m] after every move of m made each scan step wait on the last */
  size_t m = 0;
  uint64_t hm = h[0];
  for (size_t j = 1; j < first; j++)
    if (h[j] <= hm) m = j, hm = h[j];
  for (size_t i = first - 1;;) {
    if (m != last) {
      last = m;
      if (hm != DZ_FP_SKIP) out[n++] = (dz_fp){hm, (uint32_t)m};
    }
    if (++i >= nh) break;
    if (h[i] <= hm) {
      m = i, hm = h[i];
    } else if (m + W <= i) { /* the minimum left the window [i - W + 1, i]: rescan it */
      m = i - W + 1, hm = h[m];
      for (size_t j = m + 1; j <= i; j++)
        if (h[j] <= hm) m = j, hm = h[j];
    }
  }
  return n;
}

/* Fingerprints by hash, then position. */
static int fp_cmp(const void *a, const void *b) {
  const dz_fp *x = a, *y = b;
  if (x->h != y->h) return x->h < y->h ? -1 : 1;
  return (x->pos > y->pos) - (x->pos < y->pos);
}

/* See fingerprint.h. Callers build fp by increasing position, but the order is not assumed:
** when it is (the usual case) a stable byte radix sort on the hash gives hash-then-position
** order; otherwise, or without memory for the buffer, qsort. */
void dz__fp_sort(dz_fp *fp, size_t n) {
  int by_pos = 1;
  for (size_t i = 1; i < n && by_pos; i++) by_pos = fp[i - 1].pos < fp[i].pos;
  dz_fp *tmp = by_pos && n > 32 ? malloc(n * sizeof *tmp) : NULL, *src = fp, *dst = tmp;
  if (!tmp) {
    qsort(fp, n, sizeof *fp, fp_cmp);
    return;
  }
  size_t cnt[256];
  for (int shift = 0; shift < 64; shift += 8) {
    memset(cnt, 0, sizeof cnt);
    for (size_t i = 0; i < n; i++) cnt[(src[i].h >> shift) & 0xFF]++;
    if (cnt[(src[0].h >> shift) & 0xFF] == n) continue;
    size_t sum = 0;
    for (size_t d = 0; d < 256; d++) {
      size_t c = cnt[d];
      cnt[d] = sum, sum += c;
    }
    for (size_t i = 0; i < n; i++) dst[cnt[(src[i].h >> shift) & 0xFF]++] = src[i];
    dz_fp *t = src;
    src = dst, dst = t;
  }
  if (src != fp) memcpy(fp, src, n * sizeof *fp);
  free(tmp);
}

/* See fingerprint.h: insertion sort for short arrays, else LSD radix sort on bytes
** (skipping digits that are the same in every value). */
int dz__u64_sort(uint64_t *v, size_t n) {
  if (n < 48) {
    for (size_t i = 1; i < n; i++) {
      uint64_t x = v[i];
      size_t j = i;
      for (; j > 0 && v[j - 1] > x; j--) v[j] = v[j - 1];
      v[j] = x;
    }
    return 0;
  }
  uint64_t *tmp = malloc(n * sizeof *tmp), *src = v, *dst = tmp;
  size_t cnt[256];
  if (!tmp) return -1;
  for (int shift = 0; shift < 64; shift += 8) {
    memset(cnt, 0, sizeof cnt);
    for (size_t i = 0; i < n; i++) cnt[(src[i] >> shift) & 0xFF]++;
    if (cnt[(src[0] >> shift) & 0xFF] == n) continue; /* one digit value: already in order */
    size_t sum = 0;
    for (size_t d = 0; d < 256; d++) {
      size_t c = cnt[d];
      cnt[d] = sum, sum += c;
    }
    for (size_t i = 0; i < n; i++) dst[cnt[(src[i] >> shift) & 0xFF]++] = src[i];
    uint64_t *t = src;
    src = dst, dst = t;
  }
  if (src != v) memcpy(v, src, n * sizeof *v);
  free(tmp);
  return 0;
}
