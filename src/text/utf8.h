/* Small UTF-8 helpers used everywhere. Inputs are already validated decoded text. */
#ifndef DZ_TEXT_UTF8_H
#define DZ_TEXT_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Length of the sequence starting with lead byte b (1 for ASCII and for invalid bytes). */
static inline int dz_utf8_len(unsigned char b) {
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* Decode the code point at s[*i] (s valid UTF-8, *i < n) and advance *i. */
static inline uint32_t dz_utf8_next(const char *s, size_t n, size_t *i) {
  const unsigned char *p = (const unsigned char *)s + *i;
  uint32_t c = p[0];
  int l = dz_utf8_len(p[0]);
  if (*i + (size_t)l > n) l = 1;
  switch (l) {
  case 1: break;
  case 2: c = ((c & 0x1F) << 6) | (p[1] & 0x3F); break;
  case 3: c = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F); break;
  default: c = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  }
  *i += (size_t)l;
  return c;
}

/* Decode the code point that ends just before s[*i] and move *i back to its start. */
static inline uint32_t dz_utf8_prev(const char *s, size_t *i) {
  size_t j = *i;
  if (j == 0) return 0;
  do j--; while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80);
  size_t k = j;
  uint32_t c = dz_utf8_next(s, *i, &k);
  *i = j;
  return c;
}

/* Encode c into out (at least 4 bytes); returns the byte count. */
static inline int dz_utf8_put(char *out, uint32_t c) {
  if (c < 0x80) { out[0] = (char)c; return 1; }
  if (c < 0x800) { out[0] = (char)(0xC0 | (c >> 6)); out[1] = (char)(0x80 | (c & 0x3F)); return 2; }
  if (c < 0x10000) {
    out[0] = (char)(0xE0 | (c >> 12)); out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (char)(0x80 | (c & 0x3F)); return 3;
  }
  out[0] = (char)(0xF0 | (c >> 18)); out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((c >> 6) & 0x3F)); out[3] = (char)(0x80 | (c & 0x3F)); return 4;
}

/* Length of the longest valid UTF-8 prefix of s[0..n); *complete_seqs counts multibyte
** sequences in it. Rejects overlongs, surrogates and code points past U+10FFFF. */
size_t dz_utf8_valid_prefix(const unsigned char *s, size_t n, size_t *multibyte_seqs);

/* Is all of s[0..n) valid UTF-8 (dz_utf8_valid_prefix(s, n) == n, about seven times faster on
** Chinese text)? dz__utf8_plain_text also requires no binary control byte (below 0x20 other
** than \t \n \v \f \r, or 0x7F). Yes/no only: callers ask the scalar functions for the place of
** an error. */
int dz__utf8_all_valid(const unsigned char *s, size_t n);
int dz__utf8_plain_text(const unsigned char *s, size_t n);
/* Either check (no_binary 1: dz__utf8_plain_text) on a chosen path, for tests and benchmarks that
** compare the paths: simd 0 the scalar loop, 1 AVX2 at most, 2 the best the CPU has (AVX-512). */
int dz__utf8_check(const unsigned char *s, size_t n, int no_binary, int simd);

/* Characters (bytes that are not UTF-8 continuation bytes) in p[0..n). */
size_t dz__utf8_count_chars(const unsigned char *p, size_t n);

/* The same for each 64-byte block: before[b] = characters in p[0..64 * b) for b = 0 ..
** n / 64 (n / 64 + 1 entries); returns the characters of all of p[0..n). */
size_t dz__utf8_block_chars(const unsigned char *p, size_t n, uint32_t *before);

/* A byte that marks data as binary rather than text: a control character other than TAB, LF,
** VT, FF and CR, or DEL. */
static inline int dz_is_binary_byte(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') || c == 0x7F;
}

/* Han ideograph (CJK unified, extension A, compatibility)? */
static inline int dz_is_han(uint32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}
#endif
