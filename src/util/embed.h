/* Files compiled into the binary by tools/embed.c (see cmake/embed.cmake). */
#ifndef DZ_UTIL_EMBED_H
#define DZ_UTIL_EMBED_H
#include <stddef.h>

typedef struct dz_embedded_file {
  const char *name;            /* path relative to the embedded root, e.g. "profiles/x.json" */
  const unsigned char *data;   /* NUL-terminated */
  size_t len;
} dz_embedded_file;

/* Find `name` in a {NULL}-terminated table; NULL when absent. */
const dz_embedded_file *dz_embed_find(const dz_embedded_file *table, const char *name);
#endif
