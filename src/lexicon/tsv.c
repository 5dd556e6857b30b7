/* TSV reading for the curated lists: in-place splitting, so loading costs one copy. */
#include <string.h>

#include "lexicon/tsv.h"

void dz_tsv_init(dz_tsv *t, char *buf, size_t len) {
  t->buf = buf;
  t->len = len;
  t->pos = 0;
  t->line = 0;
}

int dz_tsv_next(dz_tsv *t, char **fields, int *nfields) {
  while (t->pos < t->len) {
    char *line = t->buf + t->pos;
    char *nl = memchr(line, '\n', t->len - t->pos);
    size_t n = nl ? (size_t)(nl - line) : t->len - t->pos;
    t->pos += n + (nl ? 1 : 0);
    t->line++;
    if (n && line[n - 1] == '\r') n--;
    line[n] = 0;
    if (n == 0 || line[0] == '#') continue;
    int k = 0;
    char *p = line;
    while (k < DZ_TSV_MAX_FIELDS) {
      fields[k++] = p;
      char *tab = strchr(p, '\t');
      if (!tab) break;
      *tab = 0;
      p = tab + 1;
    }
    *nfields = k;
    for (int j = k; j < DZ_TSV_MAX_FIELDS; j++) fields[j] = line + n;
    /* A line of only blanks is not an entry. */
    if (k == 1 && strspn(line, " \t") == strlen(line)) continue;
    return 1;
  }
  return 0;
}

size_t dz_split_inplace(char *s, char sep, char **out, size_t max) {
  size_t k = 0;
  while (s && *s && k < max) {
    char *e = strchr(s, sep);
    if (e) *e = 0;
    if (*s) out[k++] = s;
    if (!e) break;
    s = e + 1;
  }
  return k;
}
