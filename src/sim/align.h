/*
** Alignment of two normalised texts: seeds from shared k-gram hashes, exact extension to
** maximal runs, then runs chained into passages across small gaps, so that a passage copied
** with a character changed here and there comes back as one passage, not as fragments.
*/
#ifndef DZ_SIM_ALIGN_H
#define DZ_SIM_ALIGN_H
#include <stddef.h>
#include <stdint.h>
#include "sim/normalize.h"

/* A passage in normalised coordinates: A[a0, a1) corresponds to B[b0, b1); `matched` counts
** the characters that are exactly equal (the rest are small edits bridged by merging). */
typedef struct dz_npassage {
  uint32_t a0, a1, b0, b1;
  uint32_t matched;
} dz_npassage;

typedef struct dz_align_params {
  int k;        /* k-gram length (characters) */
  int max_gap;  /* largest gap, in characters of either text, bridged when merging runs */
  int max_occ;  /* a k-gram occurring more often than this in B gives no seeds */
} dz_align_params;

/* Align A (with its k-gram hashes ha, n.a.-masked entries DZ_FP_SKIP give no seeds) against
** B (hashes hb). *out receives a malloc'd array of passages sorted by a0; *n its length. */
int dz__align(dz_npassage **out, size_t *n, const dz_ntext *A, const uint64_t *ha, size_t nha,
              const dz_ntext *B, const uint64_t *hb, size_t nhb, const dz_align_params *p);
#endif
