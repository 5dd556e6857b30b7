/*
** Fingerprints: k-gram hashes of normalised text and their winnowed selection.
**
** Winnowing (Schleimer, Wilkerson, Aiken 2003): of every window of w consecutive k-gram
** hashes, the minimum is selected (the rightmost one on ties). Two texts that share a run of
** at least t = k + w - 1 normalised characters share a full window of k-grams, hence at least
** one selected fingerprint: any shared run of t characters is found. Runs shorter than k are
** never found. The expected density is 2 / (w + 1) fingerprints per character.
*/
#ifndef DZ_SIM_FINGERPRINT_H
#define DZ_SIM_FINGERPRINT_H
#include <stddef.h>
#include <stdint.h>

/* A selected fingerprint: hash and position of its k-gram in normalised characters. */
typedef struct dz_fp {
  uint64_t h;
  uint32_t pos;
} dz_fp;

/* Hash every k-gram of c[0..n): h[i] covers c[i..i+k). Writes n-k+1 hashes (none if n<k)
** and returns that count. A polynomial rolling hash of the code points, mixed by a bijection
** (fingerprint.c). Stored fingerprints depend on it: changing it needs a new store schema
** version (the store then re-fingerprints every document from its body on open). */
size_t dz__kgram_hashes(const uint32_t *c, size_t n, int k, uint64_t *h);
/* The same with the portable code only (the AVX2 path is tested against it). */
size_t dz__kgram_hashes_scalar(const uint32_t *c, size_t n, int k, uint64_t *h);

/* Winnow nh hashes with window w into out (capacity nh). Hashes equal to DZ_FP_SKIP (masked
** stock-phrase or over-frequent k-grams) take part in windows but are never selected.
** Returns the number of fingerprints written. */
size_t dz__winnow(const uint64_t *h, size_t nh, int w, dz_fp *out);

#define DZ_FP_SKIP UINT64_MAX

/* Sort 64-bit values ascending (radix sort: qsort's comparisons cost more than the rest of a
** query's fingerprinting). Returns 0, or -1 when out of memory (v unchanged). */
int dz__u64_sort(uint64_t *v, size_t n);

/* Sort fingerprints by hash (then position). */
void dz__fp_sort(dz_fp *fp, size_t n);
#endif
