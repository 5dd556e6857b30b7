/*
** k-gram hashing (XXH3) and winnowing with a monotone deque, O(n) per text. See
** fingerprint.h for the guarantee t = k + w - 1.
*/
#include <stdlib.h>
#include <string.h>
/* Inlined: the 32-byte k-gram hash is specialised at compile time (same values as the library). */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "sim/fingerprint.h"

/* See fingerprint.h; DZ_FP_SKIP is never a real hash (it is nudged down by one). */
size_t dz__kgram_hashes(const uint32_t *c, size_t n, int k, uint64_t *h) {
  if (k <= 0 || n < (size_t)k) return 0;
  size_t m = n - (size_t)k + 1;
  for (size_t i = 0; i < m; i++) {
    uint64_t v = XXH3_64bits(c + i, (size_t)k * sizeof *c);
    h[i] = v == DZ_FP_SKIP ? v - 1 : v; /* keep the mask value reserved */
  }
  return m;
}

/* Winnowing keeps, for each window, the minimum; a deque of candidate positions whose hashes
** increase from front to back gives each window's minimum in amortised O(1). */
size_t dz__winnow(const uint64_t *h, size_t nh, int w, dz_fp *out) {
  if (nh == 0) return 0;
  if (w < 1) w = 1;
  size_t *dq = malloc(nh * sizeof *dq);
  if (!dq) return 0;
  size_t head = 0, tail = 0, n = 0, last = (size_t)-1;
  for (size_t i = 0; i < nh; i++) {
    /* Rightmost minimum on ties: drop candidates that are >= the new hash. */
    while (tail > head && h[dq[tail - 1]] >= h[i]) tail--;
    dq[tail++] = i;
    if (i + 1 < (size_t)w && i + 1 < nh) continue; /* first window not full yet */
    while (dq[head] + (size_t)w <= i) head++;
    size_t m = dq[head];
    if (m != last) {
      last = m;
      if (h[m] != DZ_FP_SKIP) out[n++] = (dz_fp){h[m], (uint32_t)m};
    }
  }
  free(dq);
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
