/*
** Fuzz target for the originality pipeline: arbitrary bytes are split in two documents at the
** first 0xFF byte (or in the middle), decoded, normalised, fingerprinted, winnowed and aligned
** both ways. Passages must lie inside both texts and map to ordered original offsets.
*/
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "duizhao.h"
#include "sim/core.h"

static void one_way(dz_simctx *ctx, const dz_sdoc *a, dz_sdoc *b) {
  dz_npassage *p;
  size_t n;
  if (dz__sdoc_align(ctx, a, b, &p, &n)) return;
  for (size_t i = 0; i < n; i++) {
    assert(p[i].a0 < p[i].a1 && p[i].a1 <= a->nt.n);
    assert(p[i].b0 < p[i].b1 && p[i].b1 <= b->nt.n);
    assert(a->nt.ostart[p[i].a0] <= a->nt.oend[p[i].a1 - 1]);
  }
  dz_fp *fp = malloc((a->nh ? a->nh : 1) * sizeof *fp);
  if (fp) {
    size_t m = dz__sdoc_winnow(ctx, a, fp);
    for (size_t i = 0; i < m; i++) assert(fp[i].pos < a->nh);
  }
  free(fp);
  free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static dz_simctx ctx;
  static int ready;
  dz_error e;
  if (!ready) {
    if (dz__simctx_init(&ctx, 0, 0, 0, 0, &e)) return 0;
    ready = 1;
  }
  const uint8_t *cut = memchr(data, 0xFF, size);
  size_t na = cut ? (size_t)(cut - data) : size / 2, nb = size - na - (cut ? 1 : 0);
  dz_text *ta = NULL, *tb = NULL;
  dz_sdoc a = {0}, b = {0};
  if (dz_text_decode(&ta, data, na, NULL, &e) || dz_text_decode(&tb, data + size - nb, nb, NULL, &e)) goto done;
  if (dz__sdoc_prepare(&ctx, ta, &a, &e) || dz__sdoc_prepare(&ctx, tb, &b, &e)) goto done;
  one_way(&ctx, &a, &b);
  one_way(&ctx, &b, &a);
done:
  dz__sdoc_free(&a);
  dz__sdoc_free(&b);
  dz_text_free(ta);
  dz_text_free(tb);
  return 0;
}
