/*
** The shared machinery of corpus checks and batch checks: a context holding the normaliser,
** the parameters and the stock-phrase k-grams, and a prepared document (normalised text,
** masked k-gram hashes, stock coverage) that can be winnowed or aligned.
*/
#ifndef DZ_SIM_CORE_H
#define DZ_SIM_CORE_H
#include "duizhao.h"
#include "sim/align.h"
#include "sim/fingerprint.h"
#include "sim/normalize.h"

#define DZ_STOCK_BLOOM_WORDS (1u << 12)

typedef struct dz_simctx {
  dz_norm *nm;
  int k, w, max_gap, min_chars;
  uint64_t *stock;  /* sorted hashes of every k-gram inside a stock phrase */
  size_t nstock;
  uint64_t *bloom;  /* a blocked Bloom filter in front of the stock binary search: two bits in one
                    ** of 2^12 words (32 KiB, so that it stays in the L1 cache; the 128 KiB
                    ** one-bit filter it replaced missed the cache on most k-grams), about 1%
                    ** false positives for the ~12,000 stock k-grams; malloc'd */
} dz_simctx;

/* A document ready for matching. h[i] is the hash of k-gram i, or DZ_FP_SKIP when it lies
** inside a stock phrase; stock[i] is 1 when character i is covered by a stock phrase. */
typedef struct dz_sdoc {
  dz_ntext nt;
  uint64_t *h;
  size_t nh;
  uint8_t *stock;
  dz_align_index ix; /* seed index when this document is the B side (built on demand) */
  int has_ix;
} dz_sdoc;

/* k, w, max_gap, min_chars of 0 take the defaults below. Loads every embedded
** lexicon/stock_phrases*.tsv. */
int dz__simctx_init(dz_simctx *ctx, int k, int w, int max_gap, int min_chars, dz_error *err);
void dz__simctx_free(dz_simctx *ctx);

#define DZ_SIM_DEFAULT_K 8
#define DZ_SIM_DEFAULT_W 16
#define DZ_SIM_DEFAULT_MIN_CHARS 24

int dz__sdoc_prepare(dz_simctx *ctx, const dz_text *t, dz_sdoc *out, dz_error *err);
void dz__sdoc_free(dz_sdoc *d);
/* The stock-phrase masking of dz__sdoc_prepare on a chosen path, for tests and benchmarks that
** compare the paths: simd 0 portable, 1 AVX2 at most, 2 the best the CPU has (prepare's choice). */
void dz__sdoc_mask_stock(const dz_simctx *ctx, dz_sdoc *d, int simd);

/* Winnowed fingerprints of d (out has capacity d->nh). */
size_t dz__sdoc_winnow(const dz_simctx *ctx, const dz_sdoc *d, dz_fp *out);

/* Build d's seed index for when it is the B side of an alignment (once; DZ_ENOMEM). A source
** shared by threads has it built before it is shared. */
int dz__sdoc_index(dz_sdoc *d);

/* Passages of A found in B (whose seed index is built first if need be), without those that are
** stock phrases plus fewer than min_chars other characters. Returns 0 or DZ_ENOMEM. */
int dz__sdoc_align(const dz_simctx *ctx, const dz_sdoc *A, dz_sdoc *B, dz_npassage **out, size_t *n);

/* Characters of `d` covered by the union of passages' [a0, a1) (or [b0,b1) when use_b). */
size_t dz__coverage(const dz_npassage *p, size_t n, int use_b, size_t len);
#endif
