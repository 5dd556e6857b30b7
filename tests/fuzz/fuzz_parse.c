/*
** Fuzz target: decode arbitrary bytes (any encoding path), parse, check the tree's invariants
** and render both outlines. Any crash, leak, sanitizer report or invariant failure is a bug.
*/
#include <stdint.h>
#include <stdlib.h>

#include "duizhao.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dz_text *t = NULL;
  dz_doc *d = NULL;
  dz_error e;
  if (dz_read_bytes(&t, data, size, NULL, &e) != DZ_OK) return 0;
  if (dz_doc_parse(&d, t, NULL, &e) != DZ_OK) return 0;
  if (dz_doc_check(d) != 0) abort();
  char *out = NULL;
  size_t len;
  if (dz_doc_outline_json(&out, &len, d, &e) == DZ_OK) free(out);
  if (dz_doc_outline_text(&out, &len, d, &e) == DZ_OK) free(out);
  /* Every line/column lookup must stay in range. */
  size_t n;
  dz_text_data(dz_doc_text(d), &n);
  size_t line, col;
  dz_text_linecol(dz_doc_text(d), n, &line, &col);
  if (line < 1 || col < 1) abort();
  dz_doc_free(d);
  return 0;
}
