/*
** Level-1 parts (一、存在问题 / 二、原因剖析 / 三、整改措施) for per-part copy ratios.
** Interim: a line scan for a Chinese numeral followed by 、 at the start of a line, until the
** document tree (dz_doc_parse) is available here; the query takes parts as input either way.
*/
#include <stdlib.h>
#include <string.h>

#include "duizhao.h"
#include "text/utf8.h"
#include "util/error.h"

static int is_cn_numeral(uint32_t c) {
  static const char *digits = "一二三四五六七八九十";
  char buf[4];
  int n = dz_utf8_put(buf, c);
  for (const char *p = digits; *p; p += 3)
    if (n == 3 && !memcmp(p, buf, 3)) return 1;
  return 0;
}

/* Does the line at s[0..n) start with 一、 二、 ... 十二、? Returns the title start or 0. */
static size_t heading_len(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
  size_t st = i, k = 0;
  while (i < n) {
    size_t j = i;
    uint32_t c = dz_utf8_next(s, n, &j);
    if (!is_cn_numeral(c)) break;
    i = j, k++;
  }
  if (k == 0 || k > 3 || n - i < 3 || memcmp(s + i, "、", 3)) return 0;
  (void)st;
  return i + 3;
}

int dz_sim_level1_parts(dz_sim_part **out, size_t *n, const dz_text *text, dz_error *err) {
  size_t len, lines = dz_text_line_count(text), np = 0;
  const char *d = dz_text_data(text, &len);
  dz_sim_part *p = calloc(lines + 1, sizeof *p);
  if (!p) return dz__error_nomem(err);
  for (size_t l = 1; l <= lines; l++) {
    size_t s, e;
    if (dz_text_line_span(text, l, &s, &e)) break;
    if (!heading_len(d + s, e - s)) continue;
    size_t tl = e - s;
    char *t = malloc(tl + 1);
    if (!t) {
      for (size_t i = 0; i < np; i++) free((char *)p[i].title);
      free(p);
      return dz__error_nomem(err);
    }
    memcpy(t, d + s, tl);
    t[tl] = 0;
    if (np) p[np - 1].end = dz_text_orig_offset(text, s);
    p[np].start = dz_text_orig_offset(text, s);
    p[np].end = dz_text_orig_offset(text, len);
    p[np].title = t;
    np++;
  }
  *out = p;
  *n = np;
  return DZ_OK;
}
