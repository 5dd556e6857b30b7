/* A growable byte buffer with helpers for writing JSON and HTML safely. */
#ifndef DZ_UTIL_BUF_H
#define DZ_UTIL_BUF_H
#include <stddef.h>
#include <string.h>

typedef struct dz_buf {
  char *data; /* NUL-terminated while no error */
  size_t len, cap;
  int oom;    /* set once an allocation failed; later appends are ignored */
} dz_buf;

/* Append n bytes. Inline when they fit: reports append thousands of short pieces (keys,
** punctuation, numbers), and the call was most of their cost. */
void dz__buf_put_grow(dz_buf *b, const char *s, size_t n);
static inline void dz_buf_put(dz_buf *b, const char *s, size_t n) {
  if (b->len + n < b->cap && !b->oom) {
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
  } else {
    dz__buf_put_grow(b, s, n);
  }
}
void dz_buf_puts(dz_buf *b, const char *s);
void dz_buf_printf(dz_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A JSON string literal with quotes; invalid UTF-8 is not expected (texts are validated). */
void dz_buf_json_str(dz_buf *b, const char *s, size_t n);
/* Text escaped for HTML element content and attribute values. */
void dz_buf_html(dz_buf *b, const char *s, size_t n);
/* Text escaped for XML element content and attribute values (& < > "); control characters
** that XML 1.0 forbids are dropped. */
void dz_buf_xml(dz_buf *b, const char *s, size_t n);
/* Hand the data to the caller (who frees it) and reset the buffer; DZ_ENOMEM after an oom. */
int dz_buf_take(dz_buf *b, char **out, size_t *len);
void dz_buf_free(dz_buf *b);
#endif
