/*
** Normalisation for matching (see normalize.h). Two passes: the first folds width and case
** and drops everything that is not a letter or digit, remembering where each kept character
** came from; the second converts traditional characters to simplified with OpenCC.
**
** OpenCC converts phrase by phrase, so it is given whole clauses (runs of kept characters
** with no dropped character between them). It costs about 100 ns a character, which would
** dominate a large corpus import, so a clause is sent to OpenCC only when it holds a character
** that t2s changes on its own: dz_t2s_changed, generated at build time (tools/t2s_table.c).
** OpenCC itself is opened on the first such clause, so simplified-only work never loads it.
** A phrase made only of characters that each stay the same could in principle still
** convert; t2s has no such entry that matters for matching (it only protects phrases like
** 著作 from per-character conversion).
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <opencc/opencc.h>
#include <unicode/uchar.h>

#include "sim/normalize.h"
#include "text/utf8.h"
#include "util/error.h"

#define HAN_LO 0x3400u
#define HAN_HI 0xA000u /* exclusive */
#define OPENCC_CONFIG "t2s.json"

extern const unsigned char dz_t2s_changed[(HAN_HI - HAN_LO) / 8];

struct dz_norm {
  opencc_t cc; /* NULL until the first clause that needs it */
};

/* Does t2s change `c` (or might it, for compatibility ideographs)? */
static int is_trad(uint32_t c) {
  if (c >= HAN_LO && c < HAN_HI) return (dz_t2s_changed[(c - HAN_LO) >> 3] >> ((c - HAN_LO) & 7)) & 1;
  return c >= 0xF900 && c <= 0xFAFF;
}

/* See normalize.h. Cheap: OpenCC loads on first use. */
int dz__norm_open(dz_norm **out, dz_error *err) {
  dz_norm *nm = calloc(1, sizeof *nm);
  if (!nm) return dz__error_nomem(err);
  *out = nm;
  return DZ_OK;
}

/* NULL-safe. */
void dz__norm_close(dz_norm *nm) {
  if (!nm) return;
  if (nm->cc) opencc_close(nm->cc);
  free(nm);
}

/* Open OpenCC t2s the first time a clause needs it. */
static int need_cc(dz_norm *nm) {
  if (nm->cc) return DZ_OK;
  opencc_t cc = opencc_open(OPENCC_CONFIG);
  if (cc == (opencc_t)-1) return DZ_ENOTFOUND;
  nm->cc = cc;
  return DZ_OK;
}

void dz__ntext_free(dz_ntext *nt) {
  if (!nt) return;
  free(nt->c);
  free(nt->ostart);
  free(nt->oend);
  memset(nt, 0, sizeof *nt);
}

/* Fold one code point; returns 0 when it is dropped (punctuation, symbol, space). */
static uint32_t fold(uint32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0; /* full width ASCII */
  if (c < 0x80) return isalnum((int)c) ? (uint32_t)tolower((int)c) : 0;
  if (dz_is_han(c)) return c;
  return u_isalnum((UChar32)c) ? c : 0;
}

/* Room for `cap` characters in all three arrays. */
static int ntext_alloc(dz_ntext *nt, size_t cap) {
  nt->c = malloc((cap ? cap : 1) * sizeof *nt->c);
  nt->ostart = malloc((cap ? cap : 1) * sizeof *nt->ostart);
  nt->oend = malloc((cap ? cap : 1) * sizeof *nt->oend);
  nt->n = 0;
  return nt->c && nt->ostart && nt->oend ? DZ_OK : DZ_ENOMEM;
}

/* Convert clause [a, b) of `nt` with OpenCC in place, or append its converted form to `dst`
** when the length changes (spans are spread proportionally over the new characters). */
static int convert_clause(dz_norm *nm, dz_ntext *src, size_t a, size_t b, dz_ntext *dst) {
  size_t n = b - a;
  if (need_cc(nm)) return DZ_ENOTFOUND;
  char *buf = malloc(n * 4 + 1);
  if (!buf) return DZ_ENOMEM;
  size_t len = 0;
  for (size_t i = a; i < b; i++) len += (size_t)dz_utf8_put(buf + len, src->c[i]);
  buf[len] = 0;
  char *conv = opencc_convert_utf8(nm->cc, buf, len);
  free(buf);
  if (!conv) return DZ_EINVALID;
  size_t clen = strlen(conv), m = 0, j = 0;
  while (j < clen) dz_utf8_next(conv, clen, &j), m++;
  j = 0;
  for (size_t o = 0; o < m && o < 2 * n; o++) { /* the caller reserved 2n per clause */
    uint32_t c = fold(dz_utf8_next(conv, clen, &j));
    size_t from = a + (m == n ? o : o * n / m), to = a + (m == n ? o : ((o + 1) * n - 1) / m);
    if (!c) continue;
    dst->c[dst->n] = c;
    dst->ostart[dst->n] = src->ostart[from];
    dst->oend[dst->n] = src->oend[to];
    dst->n++;
  }
  opencc_convert_utf8_free(conv);
  return DZ_OK;
}

/* See normalize.h: fold and drop (pass 1), then convert flagged clauses (pass 2). */
int dz__norm_utf8(dz_norm *nm, const char *s, size_t len, dz_ntext *out, dz_error *err) {
  dz_ntext a = {0}, b = {0};
  size_t nclauses = 0, *cl = NULL; /* clause starts in `a`, plus a sentinel */
  uint8_t *conv = NULL;
  int rc = DZ_ENOMEM;
  if (len > UINT32_MAX) return dz__error_set(err, DZ_ETOOBIG, "文本过大，无法计算相似度。");
  if (ntext_alloc(&a, len)) goto cleanup;
  cl = malloc((len + 2) * sizeof *cl);
  conv = calloc(len + 2, 1);
  if (!cl || !conv) goto cleanup;
  int gap = 1;
  for (size_t i = 0; i < len;) {
    size_t st = i;
    uint32_t c = fold(dz_utf8_next(s, len, &i));
    if (!c) { gap = 1; continue; }
    if (gap) cl[nclauses++] = a.n, gap = 0;
    if (is_trad(c)) conv[nclauses - 1] = 1;
    a.c[a.n] = c;
    a.ostart[a.n] = (uint32_t)st;
    a.oend[a.n] = (uint32_t)i;
    a.n++;
  }
  cl[nclauses] = a.n;
  /* Conversion may lengthen a clause (rarely); 2x covers every t2s entry. */
  if (ntext_alloc(&b, a.n * 2)) goto cleanup;
  for (size_t k = 0; k < nclauses; k++) {
    if (conv[k]) {
      rc = convert_clause(nm, &a, cl[k], cl[k + 1], &b);
      if (rc) goto cleanup;
      continue;
    }
    size_t n = cl[k + 1] - cl[k];
    memcpy(b.c + b.n, a.c + cl[k], n * sizeof *b.c);
    memcpy(b.ostart + b.n, a.ostart + cl[k], n * sizeof *b.c);
    memcpy(b.oend + b.n, a.oend + cl[k], n * sizeof *b.c);
    b.n += n;
  }
  *out = b;
  memset(&b, 0, sizeof b);
  rc = DZ_OK;
cleanup:
  dz__ntext_free(&a);
  dz__ntext_free(&b);
  free(cl);
  free(conv);
  if (rc == DZ_ENOMEM) return dz__error_nomem(err);
  if (rc == DZ_ENOTFOUND)
    return dz__error_set(err, rc, "无法加载繁简转换配置 %s（OpenCC）。请运行 scripts/install-deps 安装 libopencc-data。",
                         OPENCC_CONFIG);
  if (rc) return dz__error_set(err, rc, "繁简转换（OpenCC）失败。");
  return rc;
}

/* See normalize.h: normalise the decoded text, then map offsets to the original. */
int dz__norm_text(dz_norm *nm, const dz_text *t, dz_ntext *out, dz_error *err) {
  size_t len;
  const char *s = dz_text_data(t, &len);
  int rc = dz__norm_utf8(nm, s, len, out, err);
  if (rc) return rc;
  for (size_t i = 0; i < out->n; i++) {
    out->ostart[i] = (uint32_t)dz_text_orig_offset(t, out->ostart[i]);
    out->oend[i] = (uint32_t)dz_text_orig_offset(t, out->oend[i]);
  }
  return DZ_OK;
}
