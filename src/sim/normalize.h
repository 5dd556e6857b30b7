/*
** Normalisation for matching: what two copies of a passage still share after a writer has
** converted it to traditional characters, changed punctuation width or spacing.
**
** Each kept character becomes one code point: traditional -> simplified (OpenCC t2s),
** full width -> half width, ASCII lower case; punctuation, symbols and whitespace are dropped.
** Every normalised character remembers the span of the ORIGINAL bytes it came from, so that
** passages found in normalised text are reported in original coordinates.
*/
#ifndef DZ_SIM_NORMALIZE_H
#define DZ_SIM_NORMALIZE_H
#include <stddef.h>
#include <stdint.h>
#include "duizhao.h"

typedef struct dz_norm dz_norm;

/* Normalised text: n code points c[i], each from original bytes [ostart[i], oend[i]). */
typedef struct dz_ntext {
  uint32_t *c;
  uint32_t *ostart;
  uint32_t *oend;
  size_t n;
} dz_ntext;

/* Open a normaliser (cheap: the t2s tables are generated at build time). Not
** thread-safe: one per thread. */
int dz__norm_open(dz_norm **out, dz_error *err);
void dz__norm_close(dz_norm *nm);

/* Limit the vector paths (2 AVX-512, 1 AVX2, 0 none; the CPU must have them too), so that
** tests can compare the paths on one machine. */
void dz__norm_set_simd(dz_norm *nm, int level);

/* Normalise a decoded text; offsets are mapped through dz_text_orig_offset. */
int dz__norm_text(dz_norm *nm, const dz_text *t, dz_ntext *out, dz_error *err);

/* Normalise raw UTF-8 (already valid); offsets are byte offsets into `s`. */
int dz__norm_utf8(dz_norm *nm, const char *s, size_t len, dz_ntext *out, dz_error *err);

void dz__ntext_free(dz_ntext *nt);
#endif
