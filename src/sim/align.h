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

/* A bit filter over a seed index: most k-grams of A are absent from B and are rejected with
** one memory access instead of a binary search. */
typedef struct dz_align_filter {
  uint64_t *bits;
  uint64_t mask; /* number of bits - 1 (a power of two) */
} dz_align_filter;

/* Build the filter for nb hashes (bits malloc'd; NULL bits on failure means "no filter"). */
void dz__align_filter_build(dz_align_filter *f, const dz_fp *bi, size_t nb);

typedef struct dz_align_params {
  int k;        /* k-gram length (characters) */
  int max_gap;  /* largest gap, in characters of either text, bridged when merging runs */
  int max_occ;  /* a k-gram occurring more often than this in B gives no seeds */
  const dz_align_filter *filter; /* optional */
} dz_align_params;

/* Align A (with its k-gram hashes ha; masked entries DZ_FP_SKIP give no seeds) against B,
** given as `bi`, its nb unmasked k-gram hashes with positions sorted by hash
** (dz__align_index). *out receives a malloc'd array of passages sorted by a0; *n its length. */
int dz__align(dz_npassage **out, size_t *n, const dz_ntext *A, const uint64_t *ha, size_t nha,
              const dz_ntext *B, const dz_fp *bi, size_t nb, const dz_align_params *p);

/* The sorted seed index of a text's k-gram hashes, skipping masked ones (malloc'd, nhb
** entries of capacity; the count of unmasked entries is the number of non-SKIP hashes). */
dz_fp *dz__align_index(const uint64_t *hb, size_t nhb);
#endif
