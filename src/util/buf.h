/* A growable byte buffer with sticky out-of-memory state: append freely, check `oom` once. */
#ifndef DZ_UTIL_BUF_H
#define DZ_UTIL_BUF_H
#include <stddef.h>

typedef struct dz_buf {
  char *p;    /* NUL-terminated when non-NULL */
  size_t len, cap;
  int oom;    /* set once an allocation failed; later appends do nothing */
} dz_buf;

int dz__buf_reserve(dz_buf *b, size_t extra);
void dz__buf_put(dz_buf *b, const void *s, size_t n);
void dz__buf_puts(dz_buf *b, const char *s);
void dz__buf_printf(dz_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append s[0..n) escaped for XML text and attribute values (& < > " and control characters). */
void dz__buf_xml(dz_buf *b, const char *s, size_t n);
/* Hand the buffer to the caller (NUL-terminated, never NULL unless oom) and reset b. */
char *dz__buf_take(dz_buf *b, size_t *len);
void dz__buf_free(dz_buf *b);
#endif
