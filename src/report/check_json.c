/*
** The JSON report of a check (schema 1, documented in docs/check.md). Formatting is fixed
** so that golden files can compare whole outputs: two-space indent, stable key order, one
** finding per line, no trailing spaces, a final newline.
*/
#include <stdlib.h>
#include <string.h>

#include "duizhao.h"
#include "util/buf.h"
#include "util/error.h"

static void str(dz_buf *b, const char *s) {
  if (s) dz_buf_json_str(b, s, strlen(s));
  else dz_buf_puts(b, "null");
}

int dz_report_json(char **out, size_t *len, const dz_doc *doc, const dz_result *r, dz_error *err) {
  dz_buf b = {0};
  const dz_text *t = dz_doc_text(doc);
  dz_buf_puts(&b, "{\n  \"schema\": 1,\n  \"file\": ");
  str(&b, dz_text_name(t));
  dz_buf_puts(&b, ",\n  \"profile\": {\"id\": ");
  str(&b, dz_result_profile_id(r));
  dz_buf_puts(&b, ", \"reason\": ");
  str(&b, dz_result_profile_reason(r));
  dz_buf_puts(&b, "},\n  \"findings\": [");
  size_t n = dz_result_count(r);
  for (size_t i = 0; i < n; i++) {
    const dz_finding *f = dz_result_get(r, i);
    dz_buf_puts(&b, i ? ",\n    " : "\n    ");
    dz_buf_puts(&b, "{\"rule\": ");
    str(&b, dz_finding_rule(f));
    dz_buf_printf(&b, ", \"severity\": \"%s\", \"start\": %zu, \"end\": %zu, \"line\": %zu, \"column\": %zu, \"text\": ",
                  dz_severity_name(dz_finding_severity(f)), dz_finding_start(f), dz_finding_end(f), dz_finding_line(f),
                  dz_finding_column(f));
    str(&b, dz_finding_text(f));
    dz_buf_puts(&b, ", \"message\": ");
    str(&b, dz_finding_message(f));
    dz_buf_puts(&b, ", \"suggestion\": ");
    str(&b, dz_finding_suggestion(f));
    /* Statistical rules (spell.*) carry their confidence; list rules are certain (1.0) and
    ** omit the key, so their output is unchanged. */
    if (dz_finding_confidence(f) < 1.0) dz_buf_printf(&b, ", \"confidence\": %.2f", dz_finding_confidence(f));
    dz_buf_puts(&b, "}");
  }
  dz_buf_puts(&b, n ? "\n  ],\n" : "],\n");
  size_t e = dz_result_count_severity(r, DZ_SEV_ERROR), w = dz_result_count_severity(r, DZ_SEV_WARNING),
         in = dz_result_count_severity(r, DZ_SEV_INFO);
  dz_buf_printf(&b, "  \"summary\": {\"error\": %zu, \"warning\": %zu, \"info\": %zu, \"total\": %zu}\n}\n", e, w, in, n);
  int rc = dz_buf_take(&b, out, len);
  if (rc) return dz__error_nomem(err);
  return 0;
}
