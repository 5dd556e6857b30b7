/* Growable byte buffers used by the .docx reader and writers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

int dz__buf_reserve(dz_buf *b, size_t extra) {
  if (b->oom) return -1;
  if (b->len + extra + 1 <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->len + extra + 1) cap *= 2;
  char *p = realloc(b->p, cap);
  if (!p) {
    b->oom = 1;
    return -1;
  }
  b->p = p;
  b->cap = cap;
  return 0;
}

void dz__buf_put(dz_buf *b, const void *s, size_t n) {
  if (dz__buf_reserve(b, n)) return;
  if (n) memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = 0;
}

void dz__buf_puts(dz_buf *b, const char *s) { dz__buf_put(b, s, strlen(s)); }

void dz__buf_printf(dz_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char tmp[256];
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof tmp) {
    dz__buf_put(b, tmp, (size_t)n);
    return;
  }
  if (dz__buf_reserve(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void dz__buf_xml(dz_buf *b, const char *s, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *rep = NULL;
    if (c == '&') rep = "&amp;";
    else if (c == '<') rep = "&lt;";
    else if (c == '>') rep = "&gt;";
    else if (c == '"') rep = "&quot;";
    else if (c < 0x20 && c != '\t' && c != '\n') rep = ""; /* not allowed in XML 1.0 */
    if (!rep) continue;
    dz__buf_put(b, s + run, i - run);
    dz__buf_puts(b, rep);
    run = i + 1;
  }
  dz__buf_put(b, s + run, n - run);
}

char *dz__buf_take(dz_buf *b, size_t *len) {
  if (!b->p && !b->oom) dz__buf_reserve(b, 0), b->p ? b->p[0] = 0 : 0;
  char *p = b->oom ? NULL : b->p;
  if (len) *len = b->oom ? 0 : b->len;
  if (b->oom) free(b->p);
  b->p = NULL, b->len = b->cap = 0, b->oom = 0;
  return p;
}

void dz__buf_free(dz_buf *b) {
  free(b->p);
  b->p = NULL, b->len = b->cap = 0;
}
