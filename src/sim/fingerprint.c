/*
** k-gram hashing (XXH3) and winnowing with a monotone deque, O(n) per text. See
** fingerprint.h for the guarantee t = k + w - 1.
*/
#include <stdlib.h>
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

void dz__fp_sort(dz_fp *fp, size_t n) { qsort(fp, n, sizeof *fp, fp_cmp); }
