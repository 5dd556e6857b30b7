/*
** The look-alike test on packed Cangjie codes (dictfmt.h), shared by the build-time generator
** and the library. Cangjie spells a character by its graphic parts, so two codes one edit apart
** (休 od / 体 odm, 呆 rd / 保 ord) name characters that look alike. Codes of one or two
** letters differ by too much of the glyph for one edit to mean "looks alike", so at least one
** of the two codes must have three letters or more. Two edits (很 hoav / 银 cav) were tried and
** dropped: they made lists of 20 "look-alikes" a character, most of them not (很 / 宴).
*/
#ifndef DZ_LEXICON_SHAPE_H
#define DZ_LEXICON_SHAPE_H
#include <stdint.h>

/* Pack a code of 1..5 letters a-z (5 bits a letter, length in the top 3 bits); 0 when it is
** not one. */
static inline uint32_t dz_shape_pack(const char *code) {
  uint32_t n = 0, v = 0;
  for (; code[n]; n++) {
    if (n == 5 || code[n] < 'a' || code[n] > 'z') return 0;
    v |= (uint32_t)(code[n] - 'a' + 1) << (5 * n);
  }
  return n ? v | n << 29 : 0;
}

/* Edit distance of two packed codes, or -1 when either is 0; only 1 means "alike" (shorter
** codes one edit apart are reported as 2, and distances are capped at 3). */
static inline int dz_shape_code_distance(uint32_t va, uint32_t vb) {
  if (!va || !vb) return -1;
  unsigned char x[8], y[8];
  int n = (int)(va >> 29), m = (int)(vb >> 29);
  if (n > 7 || m > 7) return 3;
  for (int i = 0; i < n; i++) x[i] = (unsigned char)((va >> (5 * i)) & 31);
  for (int i = 0; i < m; i++) y[i] = (unsigned char)((vb >> (5 * i)) & 31);
  int dp[8][8];
  for (int i = 0; i <= n; i++) dp[i][0] = i;
  for (int j = 0; j <= m; j++) dp[0][j] = j;
  for (int i = 1; i <= n; i++)
    for (int j = 1; j <= m; j++) {
      int v = dp[i - 1][j - 1] + (x[i - 1] != y[j - 1]);
      if (dp[i - 1][j] + 1 < v) v = dp[i - 1][j] + 1;
      if (dp[i][j - 1] + 1 < v) v = dp[i][j - 1] + 1;
      dp[i][j] = v;
    }
  int dist = dp[n][m];
  if (dist > 1 || (n < 3 && m < 3)) return dist > 3 ? 3 : dist < 2 ? 2 : dist;
  return dist;
}
/* The look-alike test itself, in linear time (the generator compares millions of pairs):
** codes exactly one edit apart, at least one of them of three letters or more. */
static inline int dz_shape_code_alike(uint32_t va, uint32_t vb) {
  if (!va || !vb) return 0;
  int n = (int)(va >> 29), m = (int)(vb >> 29);
  if (n > 7 || m > 7 || (n < 3 && m < 3) || n - m > 1 || m - n > 1) return 0;
  if (n < m) {
    uint32_t t = va; va = vb; vb = t;
    int u = n; n = m; m = u;
  }
  int i = 0, j = 0, edits = 0;
  while (i < n && j < m) {
    unsigned x = (va >> (5 * i)) & 31, y = (vb >> (5 * j)) & 31;
    if (x == y) { i++, j++; continue; }
    if (++edits > 1) return 0;
    if (n == m) i++, j++; /* substitution */
    else i++;             /* deletion from the longer code */
  }
  edits += (n - i) + (m - j);
  return edits == 1;
}
/* Does the full Wubi code `big` spell the code `small` after one leading component (列 gqjh in
** 例 wgqj, 军 plj in 挥 rplh, 谷 wwkf in 俗 wwwk)? A character and its phonetic component with
** a radical added look alike to a reader of a printed page, though their glyphs differ in size
** and place. small's code without its last letter (often Wubi's identification key) must reappear
** after big's first letter, at least two letters of it; key-name characters (大 dddd) are left
** out. Only a proposal: tools/glyphsim.c keeps a pair when the glyphs confirm it (电 jnv is
** spelled in 意 ujnu, but 电 does not fit the lower part of 意). */
static inline int dz_shape_wubi_contains(uint32_t big, uint32_t small) {
  uint32_t n = big >> 29, m = small >> 29;
  if (!big || !small || n < 3 || m < 3 || big == small) return 0;
  uint32_t first = small & 31, same = 1;
  for (uint32_t i = 1; i < m; i++) same &= ((small >> (5 * i)) & 31) == first;
  if (same) return 0;
  uint32_t k = m - 1 > 3 ? 3 : m - 1;
  if (k < 2 || 1 + k > n) return 0;
  for (uint32_t i = 0; i < k; i++)
    if (((big >> (5 * (i + 1))) & 31) != ((small >> (5 * i)) & 31)) return 0;
  return 1;
}

#endif
