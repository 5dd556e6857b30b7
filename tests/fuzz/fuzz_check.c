/*
** Fuzz target: decode arbitrary bytes, parse, and check them with every built-in rule under
** an automatically chosen profile, then render all three reports. The checker is built once
** (as every user of the library does). Findings must lie inside the text, in order, with
** original offsets inside the input; any crash, leak or sanitizer report is a bug.
*/
#include <stdint.h>
#include <stdlib.h>

#include "duizhao.h"

static dz_checker *ck;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dz_error e;
  if (!ck && dz_checker_new(&ck, NULL, &e)) abort();
  dz_text *t = NULL;
  dz_doc *d = NULL;
  if (dz_read_bytes(&t, data, size, NULL, &e) != DZ_OK) return 0;
  if (dz_doc_parse(&d, t, NULL, &e) != DZ_OK) return 0;
  dz_result *r = NULL;
  if (dz_check(&r, ck, d, NULL, &e) != DZ_OK) abort();
  size_t n;
  dz_text_data(dz_doc_text(d), &n);
  size_t prev = 0;
  for (size_t i = 0; i < dz_result_count(r); i++) {
    const dz_finding *f = dz_result_get(r, i);
    if (dz_finding_dstart(f) > dz_finding_dend(f) || dz_finding_dend(f) > n) abort();
    if (dz_finding_start(f) > dz_finding_end(f) || dz_finding_end(f) > size) abort();
    if (dz_finding_dstart(f) < prev || !dz_finding_message(f) || dz_finding_line(f) < 1) abort();
    prev = dz_finding_dstart(f);
  }
  char *out = NULL;
  size_t len;
  if (dz_report_json(&out, &len, d, r, &e) == DZ_OK) free(out);
  if (dz_report_html(&out, &len, d, r, &e) == DZ_OK) free(out);
  FILE *null = fopen("/dev/null", "w");
  if (null) {
    dz_report_text(null, d, r, 1);
    fclose(null);
  }
  dz_result_free(r);
  dz_doc_free(d);
  return 0;
}
