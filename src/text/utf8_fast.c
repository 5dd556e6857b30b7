/*
** Whole-buffer checks with AVX2 or AVX-512: "is all of s valid UTF-8?" and "is it valid UTF-8 without
** binary control bytes?". Every file read and every JSON string written asks one of them; the
** byte-at-a-time validator cost about seven instructions a byte on Chinese text, this about
** one. They answer yes or no only: on "no" the callers run the scalar functions, which say
** where and why (the exact error messages come from there).
**
** The UTF-8 test is the lookup algorithm of Keiser and Lemire ("Validating UTF-8 in less than
** one instruction per byte", Software: Practice and Experience 51(5), 2021): three 16-entry
** tables indexed by the high nibble of the previous byte, its low nibble and the high nibble of
** the current byte flag every invalid pair; a saturating subtraction finds where a third or
** fourth byte of a sequence must be a continuation. The AVX2 blocks (32 bytes) cover the
** buffer up to a multiple of 32 bytes; the last sequence they start and the tail are checked by
** the scalar validator, so a sequence cut by the block end is never judged half-seen. The
** AVX-512 blocks (64 bytes) end with a masked block padded with zeros instead.
*/
#include <string.h>

#include "text/utf8.h"
#include "util/cpu.h"

/* The scalar answer for s[0..n). */
static int scalar_ok(const unsigned char *s, size_t n, int no_binary) {
  if (no_binary)
    for (size_t i = 0; i < n; i++)
      if (dz_is_binary_byte(s[i])) return 0;
  return dz_utf8_valid_prefix(s, n, NULL) == n;
}

/* Characters (bytes that are not continuation bytes) in p[0..n), a byte at a time. */
static size_t count_scalar(const unsigned char *p, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++) c += (p[i] & 0xC0) != 0x80;
  return c;
}

#if DZ_HAVE_AVX2_PATH
#include <immintrin.h>

#define AVX2 DZ_AVX2

/* Error classes of a (previous byte, byte) pair; see the paper's table 7. */
enum {
  TOO_SHORT = 1 << 0, TOO_LONG = 1 << 1, OVERLONG_3 = 1 << 2, TOO_LARGE = 1 << 3,
  SURROGATE = 1 << 4, OVERLONG_2 = 1 << 5, TOO_LARGE_1000 = 1 << 6, OVERLONG_4 = 1 << 6,
  TWO_CONTS = 1 << 7, CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS
};

/* The three tables, 16 flags each (the flags reach 0x80: cast, as the intrinsic takes char). */
#define C8(x) ((char)(unsigned char)(x))
#define X16(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15)                         \
  _mm_setr_epi8(C8(a0), C8(a1), C8(a2), C8(a3), C8(a4), C8(a5), C8(a6), C8(a7), C8(a8), C8(a9), C8(a10), \
                C8(a11), C8(a12), C8(a13), C8(a14), C8(a15))
#define TABLE(...) X16(__VA_ARGS__)
#define B1H                                                                                                    \
  TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TWO_CONTS, TWO_CONTS,          \
      TWO_CONTS, TWO_CONTS, TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,               \
      TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4
#define B1L                                                                                                    \
  CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY, CARRY | TOO_LARGE,            \
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, \
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, \
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,                                    \
      CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, CARRY | TOO_LARGE | TOO_LARGE_1000,                        \
      CARRY | TOO_LARGE | TOO_LARGE_1000
#define B2H                                                                                                    \
  TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,                        \
      TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,                              \
      TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE, TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, \
      TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT

/* The 32 bytes before `cur` shifted in by n (1..3): bytes of `prev` fill the first n places. */
#define PREV(cur, prev, n) _mm256_alignr_epi8(cur, _mm256_permute2x128_si256(prev, cur, 0x21), 16 - (n))

/* Flags of invalid UTF-8 in block `in`, whose preceding block was `prev`. */
static AVX2 __m256i block_errors(__m256i in, __m256i prev) {
  const __m256i nib = _mm256_set1_epi8(0x0F);
  const __m256i b1h = _mm256_broadcastsi128_si256(TABLE(B1H)), b1l = _mm256_broadcastsi128_si256(TABLE(B1L)),
                b2h = _mm256_broadcastsi128_si256(TABLE(B2H));
  __m256i p1 = PREV(in, prev, 1), p2 = PREV(in, prev, 2), p3 = PREV(in, prev, 3);
  __m256i sc = _mm256_and_si256(
      _mm256_and_si256(_mm256_shuffle_epi8(b1h, _mm256_and_si256(_mm256_srli_epi16(p1, 4), nib)),
                       _mm256_shuffle_epi8(b1l, _mm256_and_si256(p1, nib))),
      _mm256_shuffle_epi8(b2h, _mm256_and_si256(_mm256_srli_epi16(in, 4), nib)));
  /* a third byte after a lead E0-EF, or a fourth after F0-FF, must be a continuation */
  __m256i third = _mm256_subs_epu8(p2, _mm256_set1_epi8((char)(0xE0 - 0x80)));
  __m256i fourth = _mm256_subs_epu8(p3, _mm256_set1_epi8((char)(0xF0 - 0x80)));
  __m256i must23 = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
  return _mm256_xor_si256(must23, sc);
}

/* Bytes of `in` that are binary control bytes (see dz_is_binary_byte), as 0xFF. */
static AVX2 __m256i block_binary(__m256i in) {
  /* bit i of lo[c & 15] for c < 0x10, of hi[c & 15] for 0x10 <= c < 0x20 */
  const __m256i lo = _mm256_broadcastsi128_si256(TABLE(1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1));
  const __m256i nib = _mm256_set1_epi8(0x0F);
  __m256i low = _mm256_shuffle_epi8(lo, _mm256_and_si256(in, nib));
  __m256i hinib = _mm256_and_si256(_mm256_srli_epi16(in, 4), nib);
  __m256i below10 = _mm256_cmpeq_epi8(hinib, _mm256_setzero_si256());
  __m256i in10 = _mm256_cmpeq_epi8(hinib, _mm256_set1_epi8(1));
  __m256i bad = _mm256_or_si256(_mm256_and_si256(below10, _mm256_cmpgt_epi8(low, _mm256_setzero_si256())), in10);
  return _mm256_or_si256(bad, _mm256_cmpeq_epi8(in, _mm256_set1_epi8(0x7F)));
}

/* The blocks of s up to m (a multiple of 32): 1 when they hold no error. */
static AVX2 int blocks_ok(const unsigned char *s, size_t m, int no_binary) {
  __m256i prev = _mm256_setzero_si256(), err = _mm256_setzero_si256();
  for (size_t i = 0; i < m; i += 32) {
    __m256i in = _mm256_loadu_si256((const __m256i *)(s + i));
    if (_mm256_movemask_epi8(_mm256_or_si256(in, prev))) /* not all ASCII in this or the last block */
      err = _mm256_or_si256(err, block_errors(in, prev));
    if (no_binary) err = _mm256_or_si256(err, block_binary(in));
    prev = in;
  }
  return _mm256_testz_si256(err, err);
}

/* The 64 bytes before each byte of `in` shifted in by n (1..3), `prev` the block before: valignd
** puts the last 16 bytes of prev before the first 48 of in, then each 16-byte lane's alignr takes
** its last n bytes from there. */
#define PREV512(cur, shifted, n) _mm512_alignr_epi8(cur, shifted, 16 - (n))

/* block_errors on 64 bytes. */
static DZ_AVX512 __m512i block_errors512(__m512i in, __m512i prev) {
  const __m512i nib = _mm512_set1_epi8(0x0F);
  const __m512i b1h = _mm512_broadcast_i32x4(TABLE(B1H)), b1l = _mm512_broadcast_i32x4(TABLE(B1L)),
                b2h = _mm512_broadcast_i32x4(TABLE(B2H));
  __m512i shifted = _mm512_alignr_epi32(in, prev, 12);
  __m512i p1 = PREV512(in, shifted, 1), p2 = PREV512(in, shifted, 2), p3 = PREV512(in, shifted, 3);
  __m512i sc = _mm512_and_si512(
      _mm512_and_si512(_mm512_shuffle_epi8(b1h, _mm512_and_si512(_mm512_srli_epi16(p1, 4), nib)),
                       _mm512_shuffle_epi8(b1l, _mm512_and_si512(p1, nib))),
      _mm512_shuffle_epi8(b2h, _mm512_and_si512(_mm512_srli_epi16(in, 4), nib)));
  __m512i third = _mm512_subs_epu8(p2, _mm512_set1_epi8((char)(0xE0 - 0x80)));
  __m512i fourth = _mm512_subs_epu8(p3, _mm512_set1_epi8((char)(0xF0 - 0x80)));
  __m512i must23 = _mm512_and_si512(_mm512_or_si512(third, fourth), _mm512_set1_epi8((char)0x80));
  return _mm512_xor_si512(must23, sc);
}

/* Binary control bytes among the `live` bytes of `in`, as a mask: below 0x20 but not 9-13
** (their difference from 9, unsigned, is 5 or more), or 0x7F. */
static DZ_AVX512 __mmask64 block_binary512(__m512i in, __mmask64 live) {
  __mmask64 ctl = _mm512_mask_cmplt_epu8_mask(live, in, _mm512_set1_epi8(0x20));
  __mmask64 bad = _mm512_mask_cmpge_epu8_mask(ctl, _mm512_sub_epi8(in, _mm512_set1_epi8(9)), _mm512_set1_epi8(5));
  return bad | _mm512_mask_cmpeq_epi8_mask(live, in, _mm512_set1_epi8(0x7F));
}

/* The whole check with AVX-512, 64 bytes a step. The last block (possibly empty) is loaded with
** zeros past the end: a sequence cut by the end of s meets a non-continuation byte there and is
** flagged as too short, just as the scalar validator rejects it, so there is no scalar tail. */
static DZ_AVX512 int all_ok_avx512(const unsigned char *s, size_t n, int no_binary) {
  __m512i prev = _mm512_setzero_si512(), err = _mm512_setzero_si512();
  __mmask64 bin = 0;
  size_t i = 0;
  for (; i + 64 <= n; i += 64) {
    __m512i in = _mm512_loadu_si512((const void *)(s + i));
    if (_mm512_movepi8_mask(_mm512_or_si512(in, prev))) /* not all ASCII in this or the last block */
      err = _mm512_or_si512(err, block_errors512(in, prev));
    if (no_binary) bin |= block_binary512(in, ~(__mmask64)0);
    prev = in;
  }
  __mmask64 live = ((__mmask64)1 << (n - i)) - 1; /* n - i < 64 */
  __m512i in = _mm512_maskz_loadu_epi8(live, s + i);
  if (_mm512_movepi8_mask(_mm512_or_si512(in, prev))) err = _mm512_or_si512(err, block_errors512(in, prev));
  if (no_binary) bin |= block_binary512(in, live);
  return !bin && !_mm512_test_epi8_mask(err, err);
}

/* Non-continuation bytes in blocks of 32 up to m, then the rest byte by byte. */
static AVX2 size_t count_chars_avx2(const unsigned char *p, size_t n) {
  size_t c = 0, i = 0;
  const __m256i top2 = _mm256_set1_epi8((char)0xC0), cont = _mm256_set1_epi8((char)0x80);
  for (; i + 32 <= n; i += 32) {
    __m256i x = _mm256_and_si256(_mm256_loadu_si256((const __m256i *)(p + i)), top2);
    c += 32 - (size_t)__builtin_popcount((unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, cont)));
  }
  return c + count_scalar(p + i, n - i);
}

/* The AVX2 path (n >= 32): blocks, then the scalar validator from the start of the last
** sequence that begins inside them (it may reach past the blocks) to the end. */
static int avx2_ok(const unsigned char *s, size_t n, int no_binary) {
  size_t m = n & ~(size_t)31;
  if (!blocks_ok(s, m, no_binary)) return 0;
  size_t b = m - 1; /* the blocks are valid: at most three continuation bytes precede a lead */
  while (b > 0 && m - b < 4 && (s[b] & 0xC0) == 0x80) b--;
  if (no_binary)
    for (size_t i = m; i < n; i++)
      if (dz_is_binary_byte(s[i])) return 0;
  return dz_utf8_valid_prefix(s + b, n - b, NULL) == n - b;
}

/* dz__utf8_block_chars for whole 64-byte blocks: one 64-bit mask of continuation bytes each. */
static AVX2 size_t block_chars_avx2(const unsigned char *p, size_t nblocks, uint32_t *before, uint32_t c) {
  const __m256i top2 = _mm256_set1_epi8((char)0xC0), cont = _mm256_set1_epi8((char)0x80);
  for (size_t b = 0; b < nblocks; b++, p += 64) {
    __m256i x = _mm256_and_si256(_mm256_loadu_si256((const __m256i *)p), top2);
    __m256i y = _mm256_and_si256(_mm256_loadu_si256((const __m256i *)(p + 32)), top2);
    uint64_t m = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, cont)) |
                 (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(y, cont)) << 32;
    before[b] = c;
    c += 64 - (uint32_t)__builtin_popcountll(m);
  }
  return c;
}

#endif

/* See utf8.h. */
size_t dz__utf8_count_chars(const unsigned char *p, size_t n) {
#if DZ_HAVE_AVX2_PATH
  if (dz__cpu_avx2()) return count_chars_avx2(p, n);
#endif
  return count_scalar(p, n);
}

/* See utf8.h. */
size_t dz__utf8_block_chars(const unsigned char *p, size_t n, uint32_t *before) {
  size_t full = n / 64, b = 0;
  uint32_t c = 0;
#if DZ_HAVE_AVX2_PATH
  if (dz__cpu_avx2()) c = (uint32_t)block_chars_avx2(p, full, before, 0), b = full;
#endif
  for (; b < full; b++) before[b] = c, c += (uint32_t)count_scalar(p + 64 * b, 64);
  before[full] = c;
  return c + dz__utf8_count_chars(p + 64 * full, n - 64 * full);
}

/* See utf8.h. The AVX2 path needs a whole block (32 bytes); the AVX-512 one, whose masked block
** makes short buffers cheap too, beat the scalar loop from 10 bytes on (30-byte paths: 3.3x). */
int dz__utf8_check(const unsigned char *s, size_t n, int no_binary, int simd) {
#if DZ_HAVE_AVX2_PATH
  if (n >= 8 && simd >= 2 && dz__cpu_avx512()) return all_ok_avx512(s, n, no_binary);
  if (n >= 32 && simd >= 1 && dz__cpu_avx2()) return avx2_ok(s, n, no_binary);
#else
  (void)simd;
#endif
  return scalar_ok(s, n, no_binary);
}

/* See utf8.h. */
int dz__utf8_all_valid(const unsigned char *s, size_t n) { return dz__utf8_check(s, n, 0, 2); }

/* See utf8.h. */
int dz__utf8_plain_text(const unsigned char *s, size_t n) { return dz__utf8_check(s, n, 1, 2); }
