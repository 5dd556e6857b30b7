/*
** Alignment of two normalised texts: seeds from shared k-gram hashes, exact extension to
** maximal runs, then runs chained into passages across small gaps, so that a passage copied
** with a character changed here and there comes back as one passage, not as fragments.
*/
#ifndef DZ_SIM_ALIGN_H
#define DZ_SIM_ALIGN_H
#include <stddef.h>
#include <stdint.h>
#include "sim/fingerprint.h"
#include "sim/normalize.h"

/* A passage in normalised coordinates: A[a0, a1) corresponds to B[b0, b1); `matched` counts
** the characters that are exactly equal (the rest are small edits bridged by merging). */
typedef struct dz_npassage {
  uint32_t a0, a1, b0, b1;
  uint32_t matched;
} dz_npassage;

/* B's side of an alignment, built once per text: its unmasked k-gram hashes with positions,
** sorted by hash (equal hashes adjacent), and an open-addressing table from each distinct hash
** to its first entry. A lookup of one of A's k-grams costs about one probe, where a binary
** search over the sorted array mispredicted at every step. */
typedef struct dz_align_index {
  dz_fp *bi;      /* nb entries */
  size_t nb;
  uint32_t *slot; /* 1 + index into bi of a hash's first entry, 0 empty; mask + 1 slots */
  uint64_t mask;
  uint64_t *bits; /* a blocked Bloom filter in front of the table, two bits of each hash in word */
  uint64_t bmask; /* (h >> 40) & bmask: most of A is not in B, and a miss here costs no probe of
                  ** the table (whose cache misses were the seeding's cost) */
  const uint64_t *hb; /* B's hashes by position (borrowed) and whether each occurs only once: */
  uint8_t *once;      /* a k-gram of A that continues a seed's diagonal is recognised without */
  size_t nhb;         /* a lookup */
} dz_align_index;

/* Build the index of nhb k-gram hashes (DZ_FP_SKIP entries are left out). hb is borrowed: it
** must stay unchanged while the index is used. Returns 0, or -1 when out of memory (nothing to
** free then). */
int dz__align_index_build(dz_align_index *ix, const uint64_t *hb, size_t nhb);
/* NULL-safe. */
void dz__align_index_free(dz_align_index *ix);

typedef struct dz_align_params {
  int k;        /* k-gram length (characters) */
  int max_gap;  /* largest gap, in characters of either text, bridged when merging runs */
  int max_occ;  /* a k-gram occurring more often than this in B gives no seeds */
} dz_align_params;

/* Align A (with its k-gram hashes ha; masked entries DZ_FP_SKIP give no seeds) against B and
** its index. *out receives a malloc'd array of passages sorted by a0; *n its length. */
int dz__align(dz_npassage **out, size_t *n, const dz_ntext *A, const uint64_t *ha, size_t nha,
              const dz_ntext *B, const dz_align_index *ix, const dz_align_params *p);

/* A seed: k-gram a of A has the hash of k-gram b of B. */
typedef struct dz_seed { uint32_t a, b; } dz_seed;
/* The seeds dz__align starts from, in the order it collects them (by a), on a chosen path, for
** tests and benchmarks that compare the paths: simd 0 the portable loop, 1 AVX2 at most, 2 the
** best the CPU has (dz__align's choice). *out is malloc'd. Returns 0, or -1 out of memory. */
int dz__align_seeds(dz_seed **out, size_t *n, const dz_ntext *A, const uint64_t *ha, size_t nha, const dz_ntext *B,
                    const dz_align_index *ix, int k, int max_occ, int simd);
#endif
