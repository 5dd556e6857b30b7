/* A multipart/form-data parser (RFC 7578) over a body already in memory. Parts point into the
** body; nothing is copied. Used for uploads of .txt/.docx files; fuzzed by
** tests/fuzz/fuzz_request.c. */
#ifndef DZ_SERVER_MULTIPART_H
#define DZ_SERVER_MULTIPART_H
#include <stddef.h>

#define SRV_MAX_PARTS 256 /* cap: a batch of more files is refused, not parsed */

typedef struct srv_part {
  char name[128];         /* form field name (truncated past 127 bytes) */
  char filename[256];     /* "" for plain fields; the base name, path stripped */
  int has_filename;
  char content_type[128];
  const char *data;       /* into the body */
  size_t len;
} srv_part;

/* Extract the boundary from a Content-Type value "multipart/form-data; boundary=...".
** Returns its length (1..70) and copies it into `out` (size >= 71), or 0 when absent/invalid. */
size_t srv_multipart_boundary(const char *content_type, char *out);

/* Parse `body` into at most `max` parts. Returns the number of parts, or -1 when the body is
** not well-formed multipart (no opening boundary, a part without headers' end, no closing
** boundary), or -2 when it has more than `max` parts. */
int srv_multipart_parse(const char *body, size_t len, const char *boundary, srv_part *parts, int max);
#endif
