/* A bump allocator for data that lives exactly as long as its owner (a compiled checker):
** strings and small arrays of lexicons and profiles are freed in one call. */
#ifndef DZ_LEXICON_POOL_H
#define DZ_LEXICON_POOL_H
#include <stddef.h>

typedef struct dz_pool_block dz_pool_block;
typedef struct dz_pool {
  dz_pool_block *head;
  int oom; /* set once an allocation failed */
} dz_pool;

/* Zeroed memory aligned for any type; NULL (and oom set) on failure. */
void *dz_pool_alloc(dz_pool *p, size_t n);
/* A NUL-terminated copy of s[0..n). */
char *dz_pool_memdup(dz_pool *p, const char *s, size_t n);
char *dz_pool_strdup(dz_pool *p, const char *s);
void dz_pool_free(dz_pool *p);
#endif
