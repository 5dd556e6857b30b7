/*
** Fuzz target: the spelling check on arbitrary bytes (not necessarily UTF-8). Every hit must
** lie inside the input, in order, with the changed characters inside the flagged word and a
** confidence in [0.2, 1]. Any crash, leak or sanitizer report is a bug.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "duizhao.h"

static dz_speller *sp;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dz_error e;
  if (!sp && dz_spell_new(&sp, NULL, &e)) abort();
  dz_spell_hit *h = NULL;
  size_t n = 0;
  if (dz_spell_check(&h, &n, sp, (const char *)data, size, &e) != DZ_OK) abort();
  for (size_t i = 0; i < n; i++) {
    if (h[i].start > h[i].cstart || h[i].cstart >= h[i].cend || h[i].cend > h[i].end) abort();
    if (h[i].end > size || (i && h[i].cstart <= h[i - 1].cstart)) abort();
    if (!(h[i].confidence >= 0.2 && h[i].confidence <= 1.0)) abort(); /* the sentence policy reports down to 0.2 */
    if (strlen(h[i].original) >= sizeof h[i].original || strlen(h[i].suggestion) >= sizeof h[i].suggestion) abort();
  }
  dz_spell_hits_free(h);
  return 0;
}
