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

/* Eight k-grams at a time with AVX-512's 64-bit multiply: each hash summed directly as
** c[i] B^(k-1) + ... + c[i+k-1] (the rolling hash's value, not its steps, so the lanes are
** independent and the results contiguous), then mixed. Same values as kgram_range (unit
** tests). Returns how many k-grams it did (a multiple of 8). */
static DZ_AVX512 size_t kgram_avx512(const uint32_t *c, size_t m, int k, uint64_t *h) {
  uint64_t pw[64];
  if (k > 64) return 0;
  pw[k - 1] = 1;
  for (int j = k - 1; j > 0; j--) pw[j - 1] = pw[j] * POLY_BASE;
  const __m512i c1 = _mm512_set1_epi64((long long)0xBF58476D1CE4E5B9ull);
  const __m512i c2 = _mm512_set1_epi64((long long)0x94D049BB133111EBull);
  size_t i = 0;
  for (; i + 8 <= m; i += 8) {
    __m512i r = _mm512_setzero_si512();
    for (int j = 0; j < k; j++) {
      __m512i x = _mm512_cvtepu32_epi64(_mm256_loadu_si256((const __m256i *)(c + i + (size_t)j)));
      r = _mm512_add_epi64(r, _mm512_mullo_epi64(x, _mm512_set1_epi64((long long)pw[j])));
    }
    r = _mm512_mullo_epi64(_mm512_xor_si512(r, _mm512_srli_epi64(r, 30)), c1);
    r = _mm512_mullo_epi64(_mm512_xor_si512(r, _mm512_srli_epi64(r, 27)), c2);
    r = _mm512_xor_si512(r, _mm512_srli_epi64(r, 31));
    __mmask8 skip = _mm512_cmpeq_epi64_mask(r, _mm512_set1_epi64(-1));
    r = _mm512_mask_sub_epi64(r, skip, r, _mm512_set1_epi64(1)); /* DZ_FP_SKIP nudged down */
    _mm512_storeu_si512((void *)(h + i), r);
  }
  return i;
}
#endif

/* See fingerprint.h. The polynomial sum c[i]*B^(k-1) + ... + c[i+k-1] (mod 2^64) moves one
** character at a time with two multiplications; XXH3 over the 32 bytes of each k-gram cost
** four times as many instructions. DZ_FP_SKIP is never a real hash (it is nudged down). */
size_t dz__kgram_hashes(const uint32_t *c, size_t n, int k, uint64_t *h) {
  if (k <= 0 || n < (size_t)k) return 0;
  size_t m = n - (size_t)k + 1, done = 0;
#if DZ_HAVE_AVX2_PATH
  if (m >= 8 && dz__cpu_avx512()) done = kgram_avx512(c, m, k, h);
  else if (m >= 64 && dz__cpu_avx2()) done = kgram_avx2(c, m, k, h);
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
static size_t winnow_scalar(const uint64_t *h, size_t nh, int w, dz_fp *out) {
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

#if DZ_HAVE_AVX2_PATH
/* Lane-wise minimum of 64-bit values stored with their top bit flipped (signed order = the
** unsigned order of the hashes). */
static DZ_AVX2 __m256i min_flipped(__m256i a, __m256i b) {
  return _mm256_blendv_epi8(a, b, _mm256_cmpgt_epi64(a, b));
}

/* The minima of every window of W of h into tmp (2 nh values), with their top bit flipped so
** that AVX2's signed comparison orders them (flip them back with SIGN_BIT); minima over spans
** of 2, 4, 8 ... by doubling, and two spans cover a window of any W. nh >= W + 1, W >= 2. */
#define SIGN_BIT 0x8000000000000000ull
static DZ_AVX2 const uint64_t *minima_avx2(const uint64_t *h, size_t nh, size_t W, uint64_t *tmp) {
  const __m256i sign = _mm256_set1_epi64x((long long)SIGN_BIT);
  uint64_t *a = tmp, *b = tmp + nh;
  size_t i;
  for (i = 0; i + 4 <= nh; i += 4)
    _mm256_storeu_si256((__m256i *)(a + i), _mm256_xor_si256(_mm256_loadu_si256((const __m256i *)(h + i)), sign));
  for (; i < nh; i++) a[i] = h[i] ^ SIGN_BIT;
  size_t p = 1; /* a[i] = minimum of [i, i + p) for i + p <= nh */
  for (; 2 * p <= W; p *= 2) {
    size_t m = nh - 2 * p + 1;
    for (i = 0; i + 4 <= m; i += 4)
      _mm256_storeu_si256((__m256i *)(b + i), min_flipped(_mm256_loadu_si256((const __m256i *)(a + i)),
                                                          _mm256_loadu_si256((const __m256i *)(a + i + p))));
    for (; i < m; i++) b[i] = (int64_t)a[i + p] < (int64_t)a[i] ? a[i + p] : a[i];
    uint64_t *t = a;
    a = b, b = t;
  }
  size_t nw = nh - W + 1;
  if (p < W) { /* two spans of p cover a window of W */
    for (i = 0; i + 4 <= nw; i += 4)
      _mm256_storeu_si256((__m256i *)(b + i), min_flipped(_mm256_loadu_si256((const __m256i *)(a + i)),
                                                          _mm256_loadu_si256((const __m256i *)(a + i + W - p))));
    for (; i < nw; i++) b[i] = (int64_t)a[i + W - p] < (int64_t)a[i] ? a[i + W - p] : a[i];
    a = b;
  }
  return a;
}

/* minima_avx2 with AVX-512: eight lanes and an unsigned 64-bit minimum of its own, so the
** minima are not flipped (flip 0 for select_windows). */
static DZ_AVX512 const uint64_t *minima_avx512(const uint64_t *h, size_t nh, size_t W, uint64_t *tmp) {
  uint64_t *b = tmp, *c = tmp + nh;
  const uint64_t *a = h;
  size_t i, p = 1; /* a[i] = minimum of [i, i + p) for i + p <= nh */
  for (; 2 * p <= W; p *= 2) {
    size_t m = nh - 2 * p + 1;
    for (i = 0; i + 8 <= m; i += 8)
      _mm512_storeu_si512((void *)(b + i), _mm512_min_epu64(_mm512_loadu_si512((const void *)(a + i)),
                                                           _mm512_loadu_si512((const void *)(a + i + p))));
    for (; i < m; i++) b[i] = a[i + p] < a[i] ? a[i + p] : a[i];
    a = b;
    uint64_t *t = b;
    b = c, c = t;
  }
  size_t nw = nh - W + 1;
  if (p < W) {
    for (i = 0; i + 8 <= nw; i += 8)
      _mm512_storeu_si512((void *)(b + i), _mm512_min_epu64(_mm512_loadu_si512((const void *)(a + i)),
                                                           _mm512_loadu_si512((const void *)(a + i + W - p))));
    for (; i < nw; i++) b[i] = a[i + W - p] < a[i] ? a[i + W - p] : a[i];
    a = b;
  }
  return a; /* never h itself: W >= 2 makes at least one pass */
}

/* Winnowing from the window minima a[] (stored XOR flip): the selection (the rightmost
** minimum) can only change at a window whose minimum differs from the previous one's, or
** where a value equal to the minimum enters or leaves; only those windows are searched, with
** the same result as the scalar loop (unit tests), whose branch on "a new minimum"
** mispredicted about once in eight hashes. */
static DZ_AVX2 size_t select_windows(const uint64_t *h, const uint64_t *a, size_t nh, size_t W, uint64_t flip,
                                     dz_fp *out) {
  const __m256i fl = _mm256_set1_epi64x((long long)flip);
  size_t n = 0, last = (size_t)-1, nw = nh - W + 1;
  for (size_t s = 0; s < nw;) {
    uint64_t flags = 0; /* bit k: window s + k must be searched */
    size_t end = s + 64 < nw ? s + 64 : nw;
    size_t k = s;
    if (k == 0) flags = 1, k = 1;
    for (; k + 4 <= end; k += 4) {
      __m256i cur = _mm256_loadu_si256((const __m256i *)(a + k)), prev = _mm256_loadu_si256((const __m256i *)(a + k - 1));
      __m256i in = _mm256_xor_si256(_mm256_loadu_si256((const __m256i *)(h + k + W - 1)), fl);
      __m256i out_ = _mm256_xor_si256(_mm256_loadu_si256((const __m256i *)(h + k - 1)), fl);
      __m256i f = _mm256_or_si256(_mm256_xor_si256(_mm256_cmpeq_epi64(cur, prev), _mm256_set1_epi64x(-1)),
                                  _mm256_or_si256(_mm256_cmpeq_epi64(in, cur), _mm256_cmpeq_epi64(out_, prev)));
      flags |= (uint64_t)(unsigned)_mm256_movemask_pd(_mm256_castsi256_pd(f)) << (k - s);
    }
    for (; k < end; k++)
      flags |= (uint64_t)(a[k] != a[k - 1] || h[k + W - 1] == (a[k] ^ flip) || h[k - 1] == (a[k - 1] ^ flip)) << (k - s);
    for (; flags; flags &= flags - 1) {
      size_t t = s + (size_t)__builtin_ctzll(flags);
      uint64_t v = a[t] ^ flip;
      size_t j = t + W - 1; /* the rightmost minimum of window t */
      if (h[j] == v) {
        /* a new minimum came in: the common case */
      } else if (W % 4 == 0 && W <= 64) { /* compare the whole window at once: no loop to mispredict */
        __m256i vv = _mm256_set1_epi64x((long long)v);
        uint64_t m = 0;
        for (size_t q = 0; q < W; q += 4)
          m |= (uint64_t)(unsigned)_mm256_movemask_pd(_mm256_castsi256_pd(
                   _mm256_cmpeq_epi64(_mm256_loadu_si256((const __m256i *)(h + t + q)), vv))) << q;
        j = t + 63 - (size_t)__builtin_clzll(m);
      } else {
        while (h[j] != v) j--;
      }
      if (j != last) {
        if (v != DZ_FP_SKIP) out[n++] = (dz_fp){v, (uint32_t)j};
        last = j;
      }
    }
    s = end;
  }
  return n;
}

/* select_windows with AVX-512 on minima_avx512's (unflipped) minima, for W a multiple of 8 up to
** 64: flags eight windows at a time straight into mask registers, and each flagged window is
** resolved without a branch (the whole window compared, the selection appended and counted
** only when new), since whether a new minimum came in or the old one left is a coin toss that
** the branch predictor lost about half the time: 1.56 -> 1.22 ns a hash with the minima. */

static DZ_AVX512 size_t select_windows_avx512(const uint64_t *h, const uint64_t *a, size_t nh, size_t W, dz_fp *out) {
  size_t n = 0, last = (size_t)-1, nw = nh - W + 1;
  for (size_t s = 0; s < nw;) {
    uint64_t flags = 0; /* bit k: window s + k must be searched */
    size_t end = s + 64 < nw ? s + 64 : nw;
    size_t k = s;
    if (k == 0) flags = 1, k = 1;
    for (; k + 8 <= end; k += 8) {
      __m512i cur = _mm512_loadu_si512((const void *)(a + k)), prev = _mm512_loadu_si512((const void *)(a + k - 1));
      __mmask8 f = _mm512_cmpneq_epu64_mask(cur, prev) |
                   _mm512_cmpeq_epu64_mask(_mm512_loadu_si512((const void *)(h + k + W - 1)), cur) |
                   _mm512_cmpeq_epu64_mask(_mm512_loadu_si512((const void *)(h + k - 1)), prev);
      flags |= (uint64_t)f << (k - s);
    }
    for (; k < end; k++)
      flags |= (uint64_t)(a[k] != a[k - 1] || h[k + W - 1] == a[k] || h[k - 1] == a[k - 1]) << (k - s);
    for (; flags; flags &= flags - 1) {
      size_t t = s + (size_t)__builtin_ctzll(flags);
      uint64_t v = a[t], m = 0;
      __m512i vv = _mm512_set1_epi64((long long)v);
      for (size_t q = 0; q < W; q += 8)
        m |= (uint64_t)_mm512_cmpeq_epu64_mask(_mm512_loadu_si512((const void *)(h + t + q)), vv) << q;
      size_t j = t + 63 - (size_t)__builtin_clzll(m); /* the rightmost minimum of window t */
      out[n] = (dz_fp){v, (uint32_t)j};
      n += (j != last) & (v != DZ_FP_SKIP);
      last = j;
    }
    s = end;
  }
  return n;
}

/* Winnowing for the default window W = 16 in one pass, 64 windows a block, with nothing
** written but the selection: the block's window minima come from its 80 hashes by doubling in
** registers (spans of 2, 4 and 8 with valignq inside pairs of vectors, 16 from whole vectors),
** instead of minima_avx512's two arrays of nh (34 KB for a 2,100-character text, more than the
** L1 cache); windows are flagged and resolved as in select_windows_avx512. The loops over a
** block's vectors must be unrolled to keep them in registers. */
static DZ_AVX512 size_t winnow16_avx512(const uint64_t *h, size_t nh, dz_fp *out) {
  enum { W = 16 };
  const __m512i ones = _mm512_set1_epi64(-1);
  size_t n = 0, last = (size_t)-1, nw = nh - W + 1;
  __m512i before = ones; /* lane 7: the minimum of the window before the block */
  for (size_t s = 0; s < nw; s += 64) {
    __m512i m[12];
#pragma GCC unroll 16
    for (size_t v = 0; v < 10; v++) { /* hashes s .. s + 79 (past nh: all ones, in no live window) */
      size_t i = s + 8 * v;
      __mmask8 live = i + 8 <= nh ? 0xFF : i < nh ? (__mmask8)((1u << (nh - i)) - 1) : 0;
      m[v] = _mm512_mask_loadu_epi64(ones, live, h + i);
    }
    m[10] = m[11] = ones; /* reach only lanes past the block's last window */
#pragma GCC unroll 16
    for (size_t v = 0; v < 11; v++) m[v] = _mm512_min_epu64(m[v], _mm512_alignr_epi64(m[v + 1], m[v], 1));
#pragma GCC unroll 16
    for (size_t v = 0; v < 10; v++) m[v] = _mm512_min_epu64(m[v], _mm512_alignr_epi64(m[v + 1], m[v], 2));
#pragma GCC unroll 16
    for (size_t v = 0; v < 9; v++) m[v] = _mm512_min_epu64(m[v], _mm512_alignr_epi64(m[v + 1], m[v], 4));
#pragma GCC unroll 16
    for (size_t v = 0; v < 8; v++) m[v] = _mm512_min_epu64(m[v], m[v + 1]); /* m[v] lane j: window s + 8v + j */
    uint64_t a[64]; /* the block's window minima, for the resolution */
    uint64_t flags = 0;  /* bit o: window s + o must be searched */
#pragma GCC unroll 8
    for (size_t v = 0; v < 8; v++) {
      size_t k = s + 8 * v;
      __mmask8 live = k + 8 <= nw ? 0xFF : k < nw ? (__mmask8)((1u << (nw - k)) - 1) : 0;
      __m512i cur = m[v], prev = _mm512_alignr_epi64(cur, v ? m[v - 1] : before, 7);
      _mm512_storeu_si512((void *)(a + 8 * v), cur);
      /* the hashes leaving: h[k - 1 ..]; before window 0 there is none (its lane is all ones) */
      __m512i gone = k ? _mm512_maskz_loadu_epi64(live, h + k - 1)
                       : _mm512_alignr_epi64(_mm512_maskz_loadu_epi64(live, h), ones, 7);
      __mmask8 f = _mm512_mask_cmpneq_epu64_mask(live, cur, prev) |
                   _mm512_mask_cmpeq_epu64_mask(live, _mm512_maskz_loadu_epi64(live, h + k + W - 1), cur) |
                   _mm512_mask_cmpeq_epu64_mask(live, gone, prev);
      flags |= (uint64_t)f << (8 * v);
    }
    for (flags |= !s; flags; flags &= flags - 1) { /* window 0 is always searched */
      size_t o = (size_t)__builtin_ctzll(flags), t = s + o;
      uint64_t v = a[o];
      __m512i vv = _mm512_set1_epi64((long long)v);
      uint64_t eq = _mm512_cmpeq_epu64_mask(_mm512_loadu_si512((const void *)(h + t)), vv) |
                    (uint64_t)_mm512_cmpeq_epu64_mask(_mm512_loadu_si512((const void *)(h + t + 8)), vv) << 8;
      size_t j = t + 63 - (size_t)__builtin_clzll(eq); /* the rightmost minimum of window t */
      out[n] = (dz_fp){v, (uint32_t)j};
      n += (j != last) & (v != DZ_FP_SKIP);
      last = j;
    }
    before = m[7]; /* read only when another block follows, so all of m[7] was live */
  }
  return n;
}
#endif

/* See fingerprint.h. */
size_t dz__winnow(const uint64_t *h, size_t nh, int w, dz_fp *out) {
#if DZ_HAVE_AVX2_PATH
  size_t W = w < 1 ? 1 : (size_t)w;
  if (W >= 2 && nh > W && dz__cpu_avx2()) {
    if (W == 16 && dz__cpu_avx512()) return winnow16_avx512(h, nh, out);
    uint64_t *tmp = malloc(2 * nh * sizeof *tmp);
    if (tmp) {
      size_t n = !dz__cpu_avx512() ? select_windows(h, minima_avx2(h, nh, W, tmp), nh, W, SIGN_BIT, out)
                 : W % 8 == 0 && W <= 64 ? select_windows_avx512(h, minima_avx512(h, nh, W, tmp), nh, W, out)
                                         : select_windows(h, minima_avx512(h, nh, W, tmp), nh, W, 0, out);
      free(tmp);
      return n;
    }
  }
#endif
  return winnow_scalar(h, nh, w, out);
}

/* Fingerprints by hash, then position. */
static int fp_cmp(const void *a, const void *b) {
  const dz_fp *x = a, *y = b;
  if (x->h != y->h) return x->h < y->h ? -1 : 1;
  return (x->pos > y->pos) - (x->pos < y->pos);
}

/* See fingerprint.h. Callers build fp by increasing position, but the order is not assumed:
** when it is (the usual case), the fingerprints are distributed by the top bits of their hash
** into about one bucket each (a stable counting pass, so equal hashes stay in position order)
** and each bucket is finished by insertion; otherwise, or without memory, qsort. An LSD radix
** sort made eight passes and cleared its counters eight times: most of the cost for the few
** hundred fingerprints of a template. */
void dz__fp_sort(dz_fp *fp, size_t n) {
  int by_pos = 1;
  for (size_t i = 1; i < n && by_pos; i++) by_pos = fp[i - 1].pos < fp[i].pos;
  int bits = 4;
  while (bits < 20 && ((size_t)1 << bits) < n) bits++;
  size_t nb = (size_t)1 << bits;
  dz_fp *tmp = by_pos && n > 16 ? malloc(n * sizeof *tmp) : NULL;
  uint32_t *start = tmp ? calloc(nb + 1, sizeof *start) : NULL;
  if (!start) {
    free(tmp);
    qsort(fp, n, sizeof *fp, fp_cmp);
    return;
  }
  int shift = 64 - bits;
  for (size_t i = 0; i < n; i++) start[(fp[i].h >> shift) + 1]++;
  uint32_t most = 0;
  for (size_t b = 1; b <= nb; b++) most = start[b] > most ? start[b] : most;
  if (most > 64) { /* not spread by their top bits (not our hashes): insertion would be slow */
    free(start), free(tmp);
    qsort(fp, n, sizeof *fp, fp_cmp);
    return;
  }
  for (size_t b = 0; b < nb; b++) start[b + 1] += start[b];
  for (size_t i = 0; i < n; i++) tmp[start[fp[i].h >> shift]++] = fp[i]; /* start[b] ends at bucket b's end */
  for (size_t i = 1; i < n; i++) { /* insertion within buckets: entries only move past larger hashes */
    dz_fp x = tmp[i];
    size_t j = i;
    for (; j > 0 && tmp[j - 1].h > x.h; j--) tmp[j] = tmp[j - 1];
    tmp[j] = x;
  }
  memcpy(fp, tmp, n * sizeof *fp);
  free(start);
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
