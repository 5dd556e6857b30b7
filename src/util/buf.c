/* Growable buffer. Errors are sticky (oom flag) so that writers stay linear and check once. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duizhao.h"
#include "util/buf.h"

static int grow(dz_buf *b, size_t extra) {
  if (b->oom) return -1;
  if (b->len + extra + 1 <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : 1024;
  while (cap < b->len + extra + 1) cap *= 2;
  char *d = realloc(b->data, cap);
  if (!d) { b->oom = 1; return -1; }
  b->data = d;
  b->cap = cap;
  return 0;
}

/* See buf.h: the case that needs room first. */
void dz__buf_put_grow(dz_buf *b, const char *s, size_t n) {
  if (grow(b, n)) return;
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
}

void dz_buf_puts(dz_buf *b, const char *s) { dz_buf_put(b, s, strlen(s)); }

void dz_buf_printf(dz_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0 || grow(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void dz_buf_json_str(dz_buf *b, const char *s, size_t n) {
  dz_buf_put(b, "\"", 1);
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) continue;
    dz_buf_put(b, s + run, i - run);
    run = i + 1;
    switch (c) {
    case '"': dz_buf_put(b, "\\\"", 2); break;
    case '\\': dz_buf_put(b, "\\\\", 2); break;
    case '\n': dz_buf_put(b, "\\n", 2); break;
    case '\t': dz_buf_put(b, "\\t", 2); break;
    case '\r': dz_buf_put(b, "\\r", 2); break;
    default: dz_buf_printf(b, "\\u%04x", c);
    }
  }
  dz_buf_put(b, s + run, n - run);
  dz_buf_put(b, "\"", 1);
}

void dz_buf_html(dz_buf *b, const char *s, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    const char *rep;
    switch (s[i]) {
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '&': rep = "&amp;"; break;
    case '"': rep = "&quot;"; break;
    case '\'': rep = "&#39;"; break;
    default: continue;
    }
    dz_buf_put(b, s + run, i - run);
    dz_buf_puts(b, rep);
    run = i + 1;
  }
  dz_buf_put(b, s + run, n - run);
}

void dz_buf_xml(dz_buf *b, const char *s, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *rep;
    if (c == '&') rep = "&amp;";
    else if (c == '<') rep = "&lt;";
    else if (c == '>') rep = "&gt;";
    else if (c == '"') rep = "&quot;";
    else if (c < 0x20 && c != '\t' && c != '\n') rep = "";
    else continue;
    dz_buf_put(b, s + run, i - run);
    dz_buf_puts(b, rep);
    run = i + 1;
  }
  dz_buf_put(b, s + run, n - run);
}

int dz_buf_take(dz_buf *b, char **out, size_t *len) {
  if (b->oom || grow(b, 0)) {
    dz_buf_free(b);
    return DZ_ENOMEM;
  }
  b->data[b->len] = 0; /* an untouched buffer was just allocated: terminate it */
  *out = b->data;
  if (len) *len = b->len;
  *b = (dz_buf){0};
  return DZ_OK;
}

void dz_buf_free(dz_buf *b) {
  free(b->data);
  *b = (dz_buf){0};
}
