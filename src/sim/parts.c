/*
** Level-1 parts (一、存在问题 / 二、原因剖析 / 三、整改措施) of a parsed document, for per-part
** copy ratios. The query takes parts as input, so callers with their own sectioning (a .docx
** outline, a profile) can pass theirs; this is the default from the document tree.
*/
#include <stdlib.h>
#include <string.h>

#include "duizhao.h"
#include "sim/result.h"
#include "text/utf8.h"
#include "util/error.h"

/* The heading's own line: from its start to the first line feed inside it. */
static char *heading_line(const dz_doc *doc, const dz_node *n) {
  size_t len, s = dz_node_dstart(n), e = dz_node_dend(n);
  const char *d = dz_text_data(dz_doc_text(doc), &len);
  const char *lf = memchr(d + s, '\n', e - s);
  if (lf) e = (size_t)(lf - d);
  char *t = malloc(e - s + 1);
  if (!t) return NULL;
  memcpy(t, d + s, e - s);
  t[e - s] = 0;
  return t;
}

/* See sim.h: every level-1 heading node, in document order. */
int dz_sim_doc_parts(dz_sim_part **out, size_t *n, const dz_doc *doc, dz_error *err) {
  size_t cap = 8, np = 0;
  dz_sim_part *p = calloc(cap, sizeof *p);
  if (!p) return dz__error_nomem(err);
  dz_iter it;
  dz_iter_init(&it, dz_doc_root(doc));
  for (dz_event ev; (ev = dz_iter_next(&it)) != DZ_EVENT_NONE;) {
    const dz_node *nd = dz_iter_node(&it);
    if (ev != DZ_EVENT_ENTER || dz_node_get_kind(nd) != DZ_NODE_HEADING || dz_node_level(nd) != 1) continue;
    if (np == cap) {
      dz_sim_part *t = realloc(p, (cap *= 2) * sizeof *p);
      if (!t) goto nomem;
      p = t;
    }
    p[np].start = dz_node_start(nd);
    p[np].end = dz_node_end(nd);
    p[np].ratio = 0;
    if (!(p[np].title = heading_line(doc, nd))) goto nomem;
    np++;
  }
  *out = p;
  *n = np;
  return DZ_OK;
nomem:
  dz_sim_parts_free(p, np);
  return dz__error_nomem(err);
}

/* Characters the parser trims or skips before a line's marker (src/doc/parse.c: trim and
** skip_md), taken wide: any ASCII character that is not a letter or digit, and the Unicode
** spaces. */
static int lead_cp(uint32_t c) {
  if (c < 0x80) return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  return c == 0x3000 || c == 0xA0 || c == 0xFEFF || (c >= 0x2000 && c <= 0x200F);
}

/* Characters of a Chinese numeral (src/doc/marker.c: dz_cn_numeral), taken wide. */
static int cn_numeral_cp(uint32_t c) {
  return c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB || c == 0x4E94 || c == 0x516D || c == 0x4E03 ||
         c == 0x516B || c == 0x4E5D || c == 0x5341 || c == 0x3007 || c == 0x96F6;
}

/* See result.h: a level-1 heading is a line whose marker starts with a Chinese numeral
** followed by 、 . ． ， or , (一、 十一． 二，, src/doc/marker.c) or a Markdown heading (#); a text with
** no line that could start either way has no level-1 part, whatever the rest of the parse finds. */
int dz__sim_may_have_parts(const dz_text *t) {
  size_t n;
  const char *s = dz_text_data(t, &n);
  for (size_t i = 0; i < n;) {
    uint32_t c;
    do {
      c = dz_utf8_next(s, n, &i);
      if (c == '#') return 1;
    } while (i < n && c != '\n' && lead_cp(c));
    /* a numeral (一 … 九十九) followed by 、 . ． ， , as dz_match_heading requires */
    int digits = 0;
    while (cn_numeral_cp(c) && i < n) c = dz_utf8_next(s, n, &i), digits++;
    if (digits && (c == 0x3001 || c == '.' || c == 0xFF0E || c == 0xFF0C || c == ','))
      return 1;
    if (c == '\n') continue;
    const char *lf = memchr(s + i, '\n', n - i);
    if (!lf) break;
    i = (size_t)(lf - s) + 1;
  }
  return 0;
}

/* NULL-safe; frees the titles too. */
void dz_sim_parts_free(dz_sim_part *parts, size_t n) {
  for (size_t i = 0; parts && i < n; i++) free((char *)parts[i].title);
  free(parts);
}
