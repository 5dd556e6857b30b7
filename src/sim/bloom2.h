/*
** Blocked Bloom filters with two bits of a hash in one 64-bit word: one memory access a test.
** Three filters use them: the stock phrases (core.c), a source's k-grams in front of its seed
** table (align.c) and the in-memory postings (index.c). Each caller picks the word from its own
** bits of the hash (bits 12 and up), so the word and the two bit positions (bits 0-11) are
** independent.
*/
#ifndef DZ_SIM_BLOOM2_H
#define DZ_SIM_BLOOM2_H
#include <stddef.h>
#include <stdint.h>

#include "util/cpu.h"

/* The two bits of h in its word. */
static inline uint64_t dz__bloom2_bits(uint64_t h) { return 1ull << (h & 63) | 1ull << ((h >> 6) & 63); }

/* Might h, filed under word w, be in the set? */
static inline int dz__bloom2_has(const uint64_t *words, size_t w, uint64_t h) {
  uint64_t b = dz__bloom2_bits(h);
  return (words[w] & b) == b;
}

#if DZ_HAVE_AVX2_PATH
#include <immintrin.h>

/* The same test for four hashes at once (their words gathered): bit i of the result for h[i]. */
static inline DZ_AVX2 unsigned dz__bloom2_has4(const uint64_t *words, __m256i w, __m256i h) {
  const __m256i one = _mm256_set1_epi64x(1), low6 = _mm256_set1_epi64x(63);
  __m256i got = _mm256_i64gather_epi64((const long long *)words, w, 8);
  __m256i bits = _mm256_or_si256(_mm256_sllv_epi64(one, _mm256_and_si256(h, low6)),
                                 _mm256_sllv_epi64(one, _mm256_and_si256(_mm256_srli_epi64(h, 6), low6)));
  return (unsigned)_mm256_movemask_pd(_mm256_castsi256_pd(_mm256_cmpeq_epi64(_mm256_and_si256(got, bits), bits)));
}

/* The same for eight hashes (AVX-512), those outside `live` left out (their words are not read).
** A rotate takes its count modulo 64: no masking of the bit positions. */
static inline DZ_AVX512 __mmask8 dz__bloom2_has8(const uint64_t *words, __m512i w, __m512i h, __mmask8 live) {
  const __m512i one = _mm512_set1_epi64(1);
  __m512i got = _mm512_mask_i64gather_epi64(_mm512_setzero_si512(), live, w, (const void *)words, 8);
  __m512i bits = _mm512_or_si512(_mm512_rolv_epi64(one, h), _mm512_rolv_epi64(one, _mm512_srli_epi64(h, 6)));
  return _mm512_mask_cmpeq_epi64_mask(live, _mm512_and_si512(got, bits), bits);
}

/* dz__bloom2_has8 for the n hashes at h (n <= 16, two steps of eight, the last masked), each
** filed under word (hash >> shift) & wmask: bit i of the result for h[i]. The kernels that scan
** a text's k-grams (the stock-phrase filter, the seed filter) take sixteen a step. */
static inline DZ_AVX512 unsigned dz__bloom2_scan16(const uint64_t *words, const uint64_t *h, size_t n, unsigned shift,
                                                   __m512i wmask) {
  if (n >= 16) { /* the usual step: unmasked loads, gathers that need not wait for a mask */
    __m512i x0 = _mm512_loadu_si512((const void *)h), x1 = _mm512_loadu_si512((const void *)(h + 8));
    return dz__bloom2_has8(words, _mm512_and_si512(_mm512_srli_epi64(x0, shift), wmask), x0, 0xFF) |
           (unsigned)dz__bloom2_has8(words, _mm512_and_si512(_mm512_srli_epi64(x1, shift), wmask), x1, 0xFF) << 8;
  }
  unsigned hit = 0;
  for (size_t k = 0; k < n; k += 8) {
    __mmask8 live = n - k >= 8 ? 0xFF : (__mmask8)((1u << (n - k)) - 1);
    __m512i x = _mm512_maskz_loadu_epi64(live, h + k);
    hit |= (unsigned)dz__bloom2_has8(words, _mm512_and_si512(_mm512_srli_epi64(x, shift), wmask), x, live) << k;
  }
  return hit;
}
#endif
#endif
