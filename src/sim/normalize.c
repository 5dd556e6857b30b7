/*
** Normalisation for matching (see normalize.h). Two passes: the first folds width and case
** and drops everything that is not a letter or digit, remembering where each kept character
** came from; the second converts traditional characters to simplified.
**
** The conversion replays OpenCC t2s.json clause by clause (a clause = a run of kept characters
** with no dropped character between them), from tables generated at build time out of the
** installed OpenCC data (tools/t2s_table.c): at each position the longest TSPhrases key is
** converted as OpenCC converts it, any other character through TSCharacters. Calling OpenCC
** itself cost about 7,000 instructions a character plus the loading of its dictionaries in
** every process and thread; the tables cost a binary search. A clause is converted only when it
** holds a character that t2s changes on its own (dz_t2s_changed). A phrase made only of
** characters that each stay the same could in principle still convert; t2s has no such entry
** that matters for matching (it only protects phrases like 著作 from per-character conversion).
** tests/unit/test_sim.c checks the tables against OpenCC on traditional text.
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "sim/normalize.h"
#include "text/text.h"
#include "text/utf8.h"
#include "util/alnum.h"
#include "util/cpu.h"
#include "util/error.h"

#define HAN_LO 0x3400u
#define HAN_HI 0xA000u /* exclusive */
#define T2S_LAST_WORD ((HAN_HI - HAN_LO) / 32 - 1) /* the bitmap's last 32-bit word */

extern const unsigned char dz_t2s_changed[(HAN_HI - HAN_LO) / 8];
extern const uint32_t dz_t2s_chars[][2];
extern const size_t dz_t2s_nchars;
extern const uint32_t dz_t2s_phrases[];
extern const uint32_t dz_t2s_phrase_off[];
extern const size_t dz_t2s_nphrases;
extern const unsigned char dz_t2s_starts[(HAN_HI - HAN_LO) / 8];

/* Bit c of a bitmap over [HAN_LO, HAN_HI) (c in range). */
static int han_bit(const unsigned char *bits, uint32_t c) { return (bits[(c - HAN_LO) >> 3] >> ((c - HAN_LO) & 7)) & 1; }

struct dz_norm {
  uint32_t *conv; /* scratch for one converted clause */
  size_t cap;
  int simd;       /* highest vector path to use: 2 AVX-512, 1 AVX2, 0 none (dz__norm_set_simd) */
};

/* Does t2s change `c` (or might it, for compatibility ideographs)? */
static int is_trad(uint32_t c) {
  if (c >= HAN_LO && c < HAN_HI) return (dz_t2s_changed[(c - HAN_LO) >> 3] >> ((c - HAN_LO) & 7)) & 1;
  return c >= 0xF900 && c <= 0xFAFF;
}

/* See normalize.h. */
int dz__norm_open(dz_norm **out, dz_error *err) {
  dz_norm *nm = calloc(1, sizeof *nm);
  if (!nm) return dz__error_nomem(err);
  nm->simd = 2;
  *out = nm;
  return DZ_OK;
}

/* See normalize.h. */
void dz__norm_set_simd(dz_norm *nm, int level) { nm->simd = level; }

/* NULL-safe. */
void dz__norm_close(dz_norm *nm) {
  if (!nm) return;
  free(nm->conv);
  free(nm);
}

void dz__ntext_free(dz_ntext *nt) {
  if (!nt) return;
  free(nt->c);
  free(nt->ostart);
  free(nt->oend);
  memset(nt, 0, sizeof *nt);
}

/* Fold one code point; returns 0 when it is dropped (punctuation, symbol, space). */
static uint32_t fold(uint32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0; /* full width ASCII */
  if (c < 0x80) return isalnum((int)c) ? (uint32_t)tolower((int)c) : 0;
  if (dz_is_han(c)) return c;
  return dz_isalnum_cp(c) ? c : 0;
}

/* Room for `cap` characters in all three arrays. */
static int ntext_alloc(dz_ntext *nt, size_t cap) {
  nt->c = malloc((cap ? cap : 1) * sizeof *nt->c);
  nt->ostart = malloc((cap ? cap : 1) * sizeof *nt->ostart);
  nt->oend = malloc((cap ? cap : 1) * sizeof *nt->oend);
  nt->n = 0;
  return nt->c && nt->ostart && nt->oend ? DZ_OK : DZ_ENOMEM;
}

/* Give back the unused room of the arrays (sized for one character a byte; Chinese text fills
** a third): sources stay cached per thread, and the slack was most of their memory. */
static void ntext_shrink(dz_ntext *nt) {
  size_t n = nt->n ? nt->n : 1;
  uint32_t *c = realloc(nt->c, n * sizeof *c);
  if (c) nt->c = c;
  uint32_t *s = realloc(nt->ostart, n * sizeof *s);
  if (s) nt->ostart = s;
  uint32_t *e = realloc(nt->oend, n * sizeof *e);
  if (e) nt->oend = e;
}

/* The simplified form of one character (TSCharacters as OpenCC applies it alone). */
static uint32_t t2s_char(uint32_t c) {
  if (c >= HAN_LO && c < HAN_HI && !han_bit(dz_t2s_changed, c)) return c; /* most of a text */
  size_t lo = 0, hi = dz_t2s_nchars;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (dz_t2s_chars[mid][0] < c) lo = mid + 1; else hi = mid;
  }
  return lo < dz_t2s_nchars && dz_t2s_chars[lo][0] == c ? dz_t2s_chars[lo][1] : c;
}

/* The longest TSPhrases key that c[0..n) starts with: its record in dz_t2s_phrases, or NULL. */
static const uint32_t *t2s_phrase(const uint32_t *c, size_t n) {
  if (c[0] >= HAN_LO && c[0] < HAN_HI && !han_bit(dz_t2s_starts, c[0])) return NULL; /* no key starts so */
  size_t lo = 0, hi = dz_t2s_nphrases;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (dz_t2s_phrases[dz_t2s_phrase_off[mid] + 2] < c[0]) lo = mid + 1; else hi = mid;
  }
  const uint32_t *best = NULL;
  for (; lo < dz_t2s_nphrases; lo++) {
    const uint32_t *r = dz_t2s_phrases + dz_t2s_phrase_off[lo];
    if (r[2] != c[0]) break;
    if (r[0] <= n && (!best || r[0] > best[0]) && !memcmp(r + 2, c, r[0] * sizeof *c)) best = r;
  }
  return best;
}

/* Room for `need` converted characters in the scratch buffer. */
static int conv_room(dz_norm *nm, size_t need) {
  if (need <= nm->cap) return DZ_OK;
  size_t nc = need * 2 + 64;
  uint32_t *t = realloc(nm->conv, nc * sizeof *t);
  if (!t) return DZ_ENOMEM;
  nm->conv = t, nm->cap = nc;
  return DZ_OK;
}

/* Convert clause [a, b) of `src` as OpenCC t2s would (maximal match on TSPhrases, otherwise
** character by character) and append it to `dst`; when a phrase changes the length (rare),
** spans are spread proportionally over the new characters. */
static int convert_clause(dz_norm *nm, dz_ntext *src, size_t a, size_t b, dz_ntext *dst) {
  size_t n = b - a, m = 0;
  const uint32_t *c = src->c + a;
  for (size_t i = 0; i < n;) {
    const uint32_t *r = t2s_phrase(c + i, n - i);
    size_t nv = r ? r[1] : 1;
    if (conv_room(nm, m + nv)) return DZ_ENOMEM;
    if (r) memcpy(nm->conv + m, r + 2 + r[0], nv * sizeof *c), i += r[0];
    else nm->conv[m] = t2s_char(c[i]), i++;
    m += nv;
  }
  for (size_t o = 0; o < m && o < 2 * n; o++) { /* the caller reserved 2n per clause */
    uint32_t ch = fold(nm->conv[o]);
    size_t from = a + (m == n ? o : o * n / m), to = a + (m == n ? o : ((o + 1) * n - 1) / m);
    if (!ch) continue;
    dst->c[dst->n] = ch;
    dst->ostart[dst->n] = src->ostart[from];
    dst->oend[dst->n] = src->oend[to];
    dst->n++;
  }
  return DZ_OK;
}

/* Append a's characters [k, e) to b unchanged. */
static void copy_span(dz_ntext *b, const dz_ntext *a, size_t k, size_t e) {
  size_t n = e - k;
  memcpy(b->c + b->n, a->c + k, n * sizeof *b->c);
  memcpy(b->ostart + b->n, a->ostart + k, n * sizeof *b->c);
  memcpy(b->oend + b->n, a->oend + k, n * sizeof *b->c);
  b->n += n;
}

/* Pass 2, for a text holding a character that t2s changes: convert clause by clause the
** clauses that hold one. A clause boundary is where a dropped character sat, i.e. where one
** kept character does not end where the next begins. */
static int convert_text(dz_norm *nm, dz_ntext *a, dz_ntext *out) {
  dz_ntext b = {0};
  if (ntext_alloc(&b, a->n * 2)) { /* conversion may lengthen a clause (rarely); 2x covers t2s */
    dz__ntext_free(&b);
    return DZ_ENOMEM;
  }
  for (size_t k = 0; k < a->n;) {
    size_t e = k + 1;
    int trad = is_trad(a->c[k]);
    for (; e < a->n && a->oend[e - 1] == a->ostart[e]; e++) trad |= is_trad(a->c[e]);
    if (trad) {
      if (convert_clause(nm, a, k, e, &b)) {
        dz__ntext_free(&b);
        return DZ_ENOMEM;
      }
    } else {
      copy_span(&b, a, k, e);
    }
    k = e;
  }
  *out = b;
  return DZ_OK;
}

#if DZ_HAVE_AVX2_PATH
#include <immintrin.h>

/* Pass 1's run of common ideographs, eight at a time: 24 bytes are spread into eight 32-bit
** lanes (b0 << 16 | b1 << 8 | b2), decoded with shifts and masks, and kept while their lead
** bytes are E4-E9 and their code points U+4E00 or above (in valid UTF-8 such a lead carries
** two continuation bytes, so lane j starts at byte 3j as long as lanes before it qualified).
** Returns the new byte position; *an and *trad are updated as the scalar loop would. */
static DZ_AVX2 size_t han_run_avx2(const unsigned char *u, size_t len, size_t i, uint32_t *ac, uint32_t *as,
                                   uint32_t *ae, size_t *an_io, unsigned *trad) {
  const __m256i spread = _mm256_setr_epi8(2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1,
                                          2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1);
  const __m256i steps = _mm256_setr_epi32(0, 3, 6, 9, 12, 15, 18, 21);
  size_t an = *an_io;
  while (i + 28 <= len) {
    __m256i x = _mm256_loadu2_m128i((const __m128i *)(u + i + 12), (const __m128i *)(u + i));
    __m256i y = _mm256_shuffle_epi8(x, spread);
    __m256i lead = _mm256_srli_epi32(y, 16);
    __m256i c = _mm256_or_si256(
        _mm256_and_si256(y, _mm256_set1_epi32(0x3F)),
        _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi32(y, 2), _mm256_set1_epi32(0xFC0)),
                        _mm256_and_si256(_mm256_srli_epi32(y, 4), _mm256_set1_epi32(0xF000))));
    __m256i ok = _mm256_and_si256(
        _mm256_and_si256(_mm256_cmpgt_epi32(lead, _mm256_set1_epi32(0xE3)), _mm256_cmpgt_epi32(_mm256_set1_epi32(0xEA), lead)),
        _mm256_cmpgt_epi32(c, _mm256_set1_epi32(0x4DFF)));
    unsigned k = (unsigned)__builtin_ctz(~(unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(ok)) | 0x100u);
    __m256i st = _mm256_add_epi32(_mm256_set1_epi32((int)i), steps);
    _mm256_storeu_si256((__m256i *)(ac + an), c);
    _mm256_storeu_si256((__m256i *)(as + an), st);
    _mm256_storeu_si256((__m256i *)(ae + an), _mm256_add_epi32(st, _mm256_set1_epi32(3)));
    /* t2s bits of the k kept lanes, read as 32-bit words of the bitmap (its size is a multiple
    ** of 4 bytes; only kept lanes, whose code points lie in it, are loaded) */
    __m256i kept = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)k), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    __m256i off = _mm256_sub_epi32(c, _mm256_set1_epi32(HAN_LO));
    __m256i words = _mm256_mask_i32gather_epi32(_mm256_setzero_si256(), (const int *)dz_t2s_changed,
                                                _mm256_srli_epi32(off, 5), kept, 4);
    __m256i bit = _mm256_and_si256(_mm256_srlv_epi32(words, _mm256_and_si256(off, _mm256_set1_epi32(31))),
                                   _mm256_set1_epi32(1));
    *trad |= !_mm256_testz_si256(bit, kept);
    an += k;
    i += 3 * (size_t)k;
    if (k < 8) break;
  }
  *an_io = an;
  return i;
}
#endif

/* Punctuation of Chinese text that normalisation drops and that the AVX-512 path drops without
** leaving it: ，。、；：！？（）《》「」【 and “” (all 3 bytes in UTF-8; fold() gives 0 for each,
** tests/unit/test_sim.c checks it). Each is placed at its slot (c * PUNCT_MUL mod 2^32) >> 28,
** so that one permutation and one comparison test sixteen characters against all sixteen (a
** perfect hash, the multiplier found by a random search; the 16 compares it replaces were a
** fifth of normalising). A character at a wrong slot would only leave the fast path, as any
** other character does; the static assertion below keeps the table and the multiplier agreed. */
#define PUNCT_MUL 0xB042BAF3u
static const uint32_t punct_by_slot[16] = {0xFF1B, 0x300B, 0xFF01, 0x3001, 0x201D, 0xFF1A, 0x300A, 0x300D,
                                           0x3010, 0x201C, 0xFF09, 0xFF0C, 0x300C, 0xFF1F, 0x3002, 0xFF08};
#define PUNCT_AT(c, slot) (((uint32_t)(c) * PUNCT_MUL) >> 28 == (slot))
_Static_assert(PUNCT_AT(0xFF1B, 0) && PUNCT_AT(0x300B, 1) && PUNCT_AT(0xFF01, 2) && PUNCT_AT(0x3001, 3) &&
                   PUNCT_AT(0x201D, 4) && PUNCT_AT(0xFF1A, 5) && PUNCT_AT(0x300A, 6) && PUNCT_AT(0x300D, 7) &&
                   PUNCT_AT(0x3010, 8) && PUNCT_AT(0x201C, 9) && PUNCT_AT(0xFF09, 10) && PUNCT_AT(0xFF0C, 11) &&
                   PUNCT_AT(0x300C, 12) && PUNCT_AT(0xFF1F, 13) && PUNCT_AT(0x3002, 14) && PUNCT_AT(0xFF08, 15),
               "each punctuation mark sits at its perfect-hash slot");

/* Sixteen 3-byte characters at a time with AVX-512: 48 bytes spread into 32-bit lanes by one
** byte permutation (VBMI) and decoded; common ideographs are kept and the common punctuation
** above dropped in the same step (the kept lanes compressed into place), so a clause end no
** longer ends the fast path as it did for han_run_avx2 (every 16 characters or so). Stops
** before the first character of any other kind, which the scalar loop handles. */
static DZ_AVX512 size_t han_run_avx512(const unsigned char *u, size_t len, size_t i, uint32_t *ac, uint32_t *as,
                                       uint32_t *ae, size_t *an_io, unsigned *trad) {
  const __m512i spread = _mm512_set_epi8(
      0, 45, 46, 47, 0, 42, 43, 44, 0, 39, 40, 41, 0, 36, 37, 38, 0, 33, 34, 35, 0, 30, 31, 32, 0, 27, 28, 29, 0, 24,
      25, 26, 0, 21, 22, 23, 0, 18, 19, 20, 0, 15, 16, 17, 0, 12, 13, 14, 0, 9, 10, 11, 0, 6, 7, 8, 0, 3, 4, 5, 0, 0, 1, 2);
  const __m512i steps = _mm512_setr_epi32(0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45);
  const __mmask64 bytes48 = (1ull << 48) - 1, no_top = 0x7777777777777777ull; /* byte 3 of each lane: 0 */
  size_t an = *an_io;
  while (i + 48 <= len) {
    __m512i x = _mm512_maskz_loadu_epi8(bytes48, u + i);
    __m512i y = _mm512_maskz_permutexvar_epi8(no_top, spread, x);
    __m512i c = _mm512_or_si512(
        _mm512_and_si512(y, _mm512_set1_epi32(0x3F)),
        _mm512_or_si512(_mm512_and_si512(_mm512_srli_epi32(y, 2), _mm512_set1_epi32(0xFC0)),
                        _mm512_and_si512(_mm512_srli_epi32(y, 4), _mm512_set1_epi32(0xF000))));
    /* a lane is a 3-byte character when its lead is E0-EF (then, in valid UTF-8, two continuation
    ** bytes follow); lanes keep their places only up to the first that is not */
    __mmask16 three = _mm512_cmp_epu32_mask(_mm512_and_si512(_mm512_srli_epi32(y, 20), _mm512_set1_epi32(0xF)),
                                            _mm512_set1_epi32(0xE), _MM_CMPINT_EQ);
    __mmask16 han = _mm512_cmp_epu32_mask(c, _mm512_set1_epi32(0x4DFF), _MM_CMPINT_NLE) &
                    _mm512_cmp_epu32_mask(c, _mm512_set1_epi32(0xA000), _MM_CMPINT_LT);
    __m512i slot = _mm512_srli_epi32(_mm512_mullo_epi32(c, _mm512_set1_epi32((int)PUNCT_MUL)), 28);
    __mmask16 punct = _mm512_cmpeq_epu32_mask(c, _mm512_permutexvar_epi32(slot, _mm512_loadu_si512(punct_by_slot)));
    __mmask16 ok = three & (han | punct);
    unsigned k = (unsigned)__builtin_ctz(~(unsigned)ok | 0x10000u); /* lanes handled: [0, k) */
    __mmask16 keep = (__mmask16)(han & ((1u << k) - 1));
    __m512i st = _mm512_add_epi32(_mm512_set1_epi32((int)i), steps);
    /* compress in registers, then plain stores (a compressing store to memory is microcoded and
    ** slow on some CPUs); the arrays have room for the whole vector (an <= i, i + 48 <= len) */
    __m512i sk = _mm512_maskz_compress_epi32(keep, st);
    _mm512_storeu_si512((void *)(ac + an), _mm512_maskz_compress_epi32(keep, c));
    _mm512_storeu_si512((void *)(as + an), sk);
    _mm512_storeu_si512((void *)(ae + an), _mm512_add_epi32(sk, _mm512_set1_epi32(3)));
    __m512i off = _mm512_sub_epi32(c, _mm512_set1_epi32(HAN_LO));
    /* every lane gathered (others clamped into the bitmap, their bits ignored by the masked
    ** test): the gather masked to the kept lanes cost 0.3 ns a character more on this AMD EPYC */
    __m512i words = _mm512_i32gather_epi32(_mm512_min_epu32(_mm512_srli_epi32(off, 5), _mm512_set1_epi32(T2S_LAST_WORD)),
                                           (const void *)dz_t2s_changed, 4);
    __m512i bit = _mm512_srlv_epi32(words, _mm512_and_si512(off, _mm512_set1_epi32(31)));
    *trad |= _mm512_mask_test_epi32_mask(keep, bit, _mm512_set1_epi32(1)) != 0;
    an += (size_t)__builtin_popcount(keep);
    i += 3 * (size_t)k;
    if (k < 16) break;
  }
  *an_io = an;
  return i;
}

/* See normalize.h: fold and drop (pass 1), then convert the clauses holding a traditional
** character (pass 2, only for a text that has one). */
int dz__norm_utf8(dz_norm *nm, const char *s, size_t len, dz_ntext *out, dz_error *err) {
  dz_ntext a = {0};
  if (len > UINT32_MAX) return dz__error_set(err, DZ_ETOOBIG, "文本过大，无法计算相似度。");
  if (ntext_alloc(&a, len)) {
    dz__ntext_free(&a);
    return dz__error_nomem(err);
  }
  /* Locals rather than a.n and friends: stores through a.c could alias a struct field. */
  uint32_t *ac = a.c, *as = a.ostart, *ae = a.oend;
  size_t an = 0;
  unsigned trad = 0; /* bit 0: some kept character is one that t2s changes */
  const unsigned char *u = (const unsigned char *)s;
#if DZ_HAVE_AVX2_PATH
  int avx2 = nm->simd >= 1 && dz__cpu_avx2(), avx512 = nm->simd >= 2 && dz__cpu_avx512();
#endif
  for (size_t i = 0; i < len;) {
#if DZ_HAVE_AVX2_PATH
    if (avx512 && i + 48 <= len) i = han_run_avx512(u, len, i, ac, as, ae, &an, &trad);
    else if (avx2) i = han_run_avx2(u, len, i, ac, as, ae, &an, &trad);
#endif
    /* Fastest path: a run of common ideographs (U+4E00-9FFF, lead bytes E4-E9); they fold to
    ** themselves. In valid UTF-8 a lead byte E4-E9 is followed by two continuation bytes.
    ** U+3400 is a multiple of 8, so the t2s bit of c is bit c & 7. */
    while (i + 2 < len && (unsigned)(u[i] - 0xE4) <= 5u) {
      uint32_t c = (uint32_t)(u[i] & 0x0F) << 12 | (uint32_t)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F);
      if (c < 0x4E00) break;
      trad |= (unsigned)dz_t2s_changed[(c - HAN_LO) >> 3] >> (c & 7);
      ac[an] = c;
      as[an] = (uint32_t)i;
      ae[an] = (uint32_t)i + 3;
      an++;
      i += 3;
    }
    if (i >= len) break;
    size_t st = i;
    unsigned char b0 = u[i];
    uint32_t c;
    /* Fast path: a 3-byte sequence (the input is valid UTF-8); common ideographs fold to
    ** themselves. */
    if ((b0 & 0xF0) == 0xE0 && i + 2 < len && ((u[i + 1] & 0xC0) | (u[i + 2] & 0xC0) >> 2) == 0xA0) {
      c = (uint32_t)(b0 & 0x0F) << 12 | (uint32_t)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F);
      i += 3;
      if (c < 0x4E00 || c > 0x9FFF) c = fold(c);
    } else {
      c = fold(dz_utf8_next(s, len, &i));
    }
    if (!c) continue;
    trad |= (unsigned)is_trad(c);
    ac[an] = c;
    as[an] = (uint32_t)st;
    ae[an] = (uint32_t)i;
    an++;
  }
  a.n = an;
  if (!(trad & 1)) { /* nothing to convert: pass 1 is the result */
    ntext_shrink(&a);
    *out = a;
    return DZ_OK;
  }
  int rc = convert_text(nm, &a, out);
  dz__ntext_free(&a);
  if (rc == DZ_OK) ntext_shrink(out);
  return rc == DZ_ENOMEM ? dz__error_nomem(err) : rc;
}

/* See normalize.h: normalise the decoded text, then map offsets to the original. */
int dz__norm_text(dz_norm *nm, const dz_text *t, dz_ntext *out, dz_error *err) {
  size_t len;
  const char *s = dz_text_data(t, &len);
  int rc = dz__norm_utf8(nm, s, len, out, err);
  if (rc) return rc;
  if (!t->map) { /* original = decoded + shift (UTF-8 without CR) */
    uint32_t sh = (uint32_t)t->shift;
    for (size_t i = 0; sh && i < out->n; i++) out->ostart[i] += sh, out->oend[i] += sh;
    return DZ_OK;
  }
  for (size_t i = 0; i < out->n; i++) {
    out->ostart[i] = (uint32_t)dz_text_orig_offset(t, out->ostart[i]);
    out->oend[i] = (uint32_t)dz_text_orig_offset(t, out->oend[i]);
  }
  return DZ_OK;
}
