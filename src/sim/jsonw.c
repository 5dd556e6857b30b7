/* The jansson-compatible JSON writer of the originality reports (see jsonw.h). */
#include <inttypes.h>
#include <stdio.h>
#include <math.h>
#include <string.h>

#include "sim/jsonw.h"
#include "text/utf8.h"
#include "util/cpu.h"

static const char SPACES[] = "                                                                ";

/* Newline and indentation for the current depth. */
static void newline(dz_jsonw *w) {
  size_t n = (size_t)w->depth * 2;
  dz_buf_put(w->b, "\n", 1);
  dz_buf_put(w->b, SPACES, n < sizeof SPACES - 1 ? n : sizeof SPACES - 1);
}

/* Separator before a member or element. */
void dz__jw_elem(dz_jsonw *w) {
  if (!w->first[w->depth]) dz_buf_put(w->b, ",", 1);
  w->first[w->depth] = 0;
  newline(w);
}

void dz__jw_open(dz_jsonw *w, char c) {
  dz_buf_put(w->b, &c, 1);
  if (w->depth + 1 < DZ_JSONW_DEPTH) w->depth++;
  w->first[w->depth] = 1;
}

/* An empty container closes on the same line ("[]"), as jansson writes it. */
void dz__jw_close(dz_jsonw *w, char c) {
  int empty = w->first[w->depth];
  if (w->depth) w->depth--;
  if (!empty) newline(w);
  dz_buf_put(w->b, &c, 1);
}

void dz__jw_key(dz_jsonw *w, const char *key) {
  dz__jw_elem(w);
  dz_buf_put(w->b, "\"", 1);
  dz_buf_puts(w->b, key);
  dz_buf_put(w->b, "\": ", 3);
}

/* Decimal digits by hand: snprintf's format parsing cost more than the rest of a passage. */
void dz__jw_int(dz_jsonw *w, int64_t v) {
  char t[24];
  size_t i = sizeof t;
  uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  do t[--i] = (char)('0' + u % 10), u /= 10;
  while (u);
  if (v < 0) t[--i] = '-';
  dz_buf_put(w->b, t + i, sizeof t - i);
}

/* jansson's jsonp_dtostr: %.6g, ".0" when neither '.' nor 'e', exponent without '+' and
** leading zeros. */
void dz__jw_real(dz_jsonw *w, double v) {
  /* Ratios are k / 10000 (rounded to four decimals): their %.6g is 0.dddd without trailing
  ** zeros, written here by hand (snprintf's %g was most of a result's rendering). */
  if (v >= 0 && v <= 1) {
    long k = lround(v * 10000.0);
    if ((double)k / 10000.0 == v) {
      if (k == 0 || k == 10000) {
        dz_buf_put(w->b, k ? "1.0" : "0.0", 3);
        return;
      }
      char t[6] = {'0', '.', (char)('0' + k / 1000), (char)('0' + k / 100 % 10), (char)('0' + k / 10 % 10),
                   (char)('0' + k % 10)};
      size_t n = 6;
      while (t[n - 1] == '0') n--;
      dz_buf_put(w->b, t, n);
      return;
    }
  }
  char t[64];
  int n = snprintf(t, sizeof t, "%.6g", v);
  if (n < 0 || (size_t)n >= sizeof t - 3) return;
  if (!strchr(t, '.') && !strchr(t, 'e')) t[n++] = '.', t[n++] = '0', t[n] = 0;
  char *e = strchr(t, 'e');
  if (e) {
    char *s = e + 1, *d = s + 1;
    if (*s == '-') s++;
    while (*d == '0') d++;
    if (d != s) memmove(s, d, strlen(d) + 1), n = (int)strlen(t);
  }
  dz_buf_put(w->b, t, (size_t)n);
}

void dz__jw_null(dz_jsonw *w) { dz_buf_put(w->b, "null", 4); }

/* Does the 8-byte word hold a byte that needs escaping (below 0x20, '"' or '\\')? The
** classic "has a byte below n" test on x, x ^ '"' and x ^ '\\' (never a false "no"; a false
** "yes" only sends the word through the byte loop). The xors keep each byte's top bit, so one
** ~x serves all three. */
static int word_needs_escape(uint64_t x) {
  const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
  return (((x - ones * 0x20) | (q - ones) | (b - ones)) & ~x & highs) != 0;
}

#if DZ_HAVE_AVX2_PATH
#include <immintrin.h>

/* The place of the first byte at or after i that needs escaping, 32 bytes at a time (an
** unsigned x >= 0x20 is max(x, 0x20) == x); stops at the last whole block. */
static DZ_AVX2 size_t clean_avx2(const char *s, size_t i, size_t n) {
  const __m256i sp = _mm256_set1_epi8(0x20), q = _mm256_set1_epi8('"'), bs = _mm256_set1_epi8('\\');
  for (; i + 32 <= n; i += 32) {
    __m256i x = _mm256_loadu_si256((const __m256i *)(s + i));
    unsigned ok = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_max_epu8(x, sp), x));
    unsigned sc = (unsigned)_mm256_movemask_epi8(_mm256_or_si256(_mm256_cmpeq_epi8(x, q), _mm256_cmpeq_epi8(x, bs)));
    unsigned bad = ~ok | sc;
    if (bad) return i + (size_t)__builtin_ctz(bad);
  }
  return i;
}
#endif

/* The place of the first byte at or after i that may need escaping (n when none): whole
** blocks with AVX2, then words; a word's false "yes" only leaves the rest to the byte loop. */
static size_t skip_clean(const char *s, size_t i, size_t n) {
#if DZ_HAVE_AVX2_PATH
  if (n - i >= 32 && dz__cpu_avx2()) {
    i = clean_avx2(s, i, n);
    if (i + 32 <= n) return i; /* a block found one */
  }
#endif
  while (i + 8 <= n) {
    uint64_t x;
    memcpy(&x, s + i, 8);
    if (word_needs_escape(x)) return i;
    i += 8;
  }
  return i;
}

/* jansson's dump_string without flags: \" \\ \b \f \n \r \t, other controls as \u00XX.
** Passage texts are long and rarely need escaping: whole blocks are skipped until one does. */
static void str(dz_buf *b, const char *s, size_t n) {
  dz_buf_put(b, "\"", 1);
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    i = skip_clean(s, i, n);
    if (i >= n) break;
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    dz_buf_put(b, s + run, i - run);
    run = i + 1;
    char u[8];
    switch (c) {
    case '"': dz_buf_put(b, "\\\"", 2); break;
    case '\\': dz_buf_put(b, "\\\\", 2); break;
    case '\b': dz_buf_put(b, "\\b", 2); break;
    case '\f': dz_buf_put(b, "\\f", 2); break;
    case '\n': dz_buf_put(b, "\\n", 2); break;
    case '\r': dz_buf_put(b, "\\r", 2); break;
    case '\t': dz_buf_put(b, "\\t", 2); break;
    default: snprintf(u, sizeof u, "\\u%04X", c), dz_buf_put(b, u, 6);
    }
  }
  dz_buf_put(b, s + run, n - run);
  dz_buf_put(b, "\"", 1);
}

void dz__jw_str_member(dz_jsonw *w, const char *key, const char *s) {
  if (!s) return;
  size_t n = strlen(s);
  if (!dz__utf8_all_valid((const unsigned char *)s, n)) return;
  dz__jw_key(w, key);
  str(w->b, s, n);
}

void dz__jw_str_elem(dz_jsonw *w, const char *s) {
  if (!s) return;
  size_t n = strlen(s);
  if (!dz__utf8_all_valid((const unsigned char *)s, n)) return;
  dz__jw_elem(w);
  str(w->b, s, n);
}

void dz__jw_int_member(dz_jsonw *w, const char *key, int64_t v) {
  dz__jw_key(w, key);
  dz__jw_int(w, v);
}

void dz__jw_real_member(dz_jsonw *w, const char *key, double v) {
  dz__jw_key(w, key);
  dz__jw_real(w, v);
}
