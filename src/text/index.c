/*
** Line and column lookups on decoded text. Line starts are kept in a sorted array (binary
** search, O(log n)); columns count characters, using a checkpoint every 64 bytes that holds
** the number of characters before it, so a column costs at most one 64-byte scan.
*/
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "text/utf8.h"
#include "util/error.h"

int dz__text_index(dz_text *t, dz_error *err) {
  size_t n = 1;
  for (const char *p = t->buf; (p = memchr(p, '\n', t->len - (size_t)(p - t->buf))); p++) n++;
  t->line_starts = malloc(n * sizeof *t->line_starts);
  size_t nblocks = (t->len >> DZ_CKPT_SHIFT) + 1;
  t->ckpt = malloc(nblocks * sizeof *t->ckpt);
  if (!t->line_starts || !t->ckpt) return dz__error_nomem(err);
  size_t k = 0;
  t->line_starts[k++] = 0;
  for (const char *p = t->buf; (p = memchr(p, '\n', t->len - (size_t)(p - t->buf))); p++)
    t->line_starts[k++] = (size_t)(p - t->buf) + 1;
  _Static_assert(DZ_CKPT_SHIFT == 6, "dz__utf8_block_chars counts 64-byte blocks");
  dz__utf8_block_chars((const unsigned char *)t->buf, t->len, t->ckpt);
  t->nlines = k;
  return DZ_OK;
}

/* Characters in buf[0..off). */
static size_t chars_before(const dz_text *t, size_t off) {
  size_t block = off >> DZ_CKPT_SHIFT;
  size_t n = t->ckpt[block];
  for (size_t i = block << DZ_CKPT_SHIFT; i < off; i++)
    if (((unsigned char)t->buf[i] & 0xC0) != 0x80) n++;
  return n;
}

void dz_text_linecol(const dz_text *t, size_t off, size_t *line, size_t *col) {
  if (off > t->len) off = t->len;
  size_t lo = 0, hi = t->nlines; /* last line start <= off */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->line_starts[mid] <= off) lo = mid;
    else hi = mid;
  }
  if (line) *line = lo + 1;
  if (col) *col = chars_before(t, off) - chars_before(t, t->line_starts[lo]) + 1;
}

size_t dz_text_line_count(const dz_text *t) { return t->nlines; }

int dz_text_line_span(const dz_text *t, size_t line, size_t *start, size_t *end) {
  if (line < 1 || line > t->nlines) return DZ_ENOTFOUND;
  size_t s = t->line_starts[line - 1];
  size_t e = line < t->nlines ? t->line_starts[line] - 1 : t->len;
  *start = s;
  *end = e;
  return DZ_OK;
}

const char *dz_text_data(const dz_text *t, size_t *len) {
  if (len) *len = t->len;
  return t->buf;
}

const char *dz_text_name(const dz_text *t) { return t->name ? t->name : "-"; }
dz_encoding dz_text_encoding(const dz_text *t) { return t->enc; }
size_t dz_text_orig_size(const dz_text *t) { return t->orig_len; }

size_t dz_text_orig_offset(const dz_text *t, size_t off) {
  if (off > t->len) off = t->len;
  if (!t->map) return off + t->shift;
  return t->map[off];
}

size_t dz_text_decoded_offset(const dz_text *t, size_t orig) {
  if (!t->map) return orig < t->shift ? 0 : (orig - t->shift > t->len ? t->len : orig - t->shift);
  size_t lo = 0, hi = t->len; /* first decoded offset whose original offset >= orig */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->map[mid] < orig) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
