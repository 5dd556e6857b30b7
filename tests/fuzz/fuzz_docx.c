/*
** Fuzz target: the .docx reader on arbitrary bytes. Input that is not a zip is wrapped as the
** word/document.xml of a package first, so that the XML handlers get fuzzed past the zip CRC. A package that reads must map every
** extracted offset to a paragraph without leaving the text, and writing two edits back into it
** (dz_docx_fix) must give a package that reads again. Crashes, leaks, sanitizer reports and
** failed invariants are bugs.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "duizhao.h"
#include "io/docx_map.h"
#include "io/docx_write.h"

static void one(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
    one(data, size);
    return 0;
  }
  dz__part part = {"word/document.xml", (const char *)data, size};
  dz_docx_bytes z = {0};
  if (dz__zip_write(&z, &part, 1, NULL) == DZ_OK) one(z.data, z.len);
  dz_docx_bytes_free(&z);
  return 0;
}

static void one(const uint8_t *data, size_t size) {
  dz_text *t = NULL;
  dz_error e;
  if (dz_read_bytes(&t, data, size, NULL, &e) != DZ_OK) return;
  size_t n;
  const char *s = dz_text_data(t, &n);
  const dz_docx_map *m = dz__docx_map(t);
  if (!m) { /* not sniffed as a zip ("PK" + other bytes): read as text, not ours */
    dz_text_free(t);
    return;
  }
  for (size_t off = 0; off < n; off += 1 + off / 8) {
    uint32_t para;
    long run;
    size_t ro;
    if (dz__docx_locate(m, off, &para, &run, &ro) == DZ_OK) {
      if (para >= m->nparas) abort();
      if (run >= 0 && (m->runs[run].dstart + ro != off || m->runs[run].dend > n)) abort();
    }
  }
  dz_doc *d = NULL;
  if (dz_doc_parse(&d, t, NULL, &e) != DZ_OK) return;
  size_t a = n / 3, b = n / 2;
  while (a > 0 && ((unsigned char)s[a] & 0xC0) == 0x80) a--;
  while (b > a && ((unsigned char)s[b] & 0xC0) == 0x80) b--;
  dz_docx_edit ed[2] = {{a, b, "fuzz", "改", "替换"}, {0, 0, NULL, "点", NULL}};
  dz_docx_options o = DZ_DOCX_OPTIONS_INIT;
  o.date = "2024-01-01T00:00:00Z";
  dz_docx_bytes out = {0};
  if (dz_docx_fix(&out, d, ed, 2, &o, NULL, &e) == DZ_OK) {
    dz_text *t2 = NULL;
    int rc = dz_read_bytes(&t2, out.data, out.len, NULL, &e);
    if (rc != DZ_OK && rc != DZ_ETOOBIG) { fprintf(stderr, "reread: %d %s\n", rc, e.message); abort(); }
    dz_text_free(t2);
    dz_docx_bytes_free(&out);
  }
  dz_doc_free(d);
}
