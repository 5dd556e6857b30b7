/* Bump allocation in 64 KiB blocks (larger requests get a block of their own). */
#include <stdlib.h>
#include <string.h>

#include "lexicon/pool.h"

struct dz_pool_block {
  dz_pool_block *next;
  size_t used, cap;
  max_align_t data[];
};

#define BLOCK_BYTES ((size_t)64 << 10)

void *dz_pool_alloc(dz_pool *p, size_t n) {
  n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
  if (!n) n = sizeof(max_align_t);
  dz_pool_block *b = p->head;
  if (!b || b->cap - b->used < n) {
    size_t cap = n > BLOCK_BYTES ? n : BLOCK_BYTES;
    b = malloc(sizeof *b + cap);
    if (!b) {
      p->oom = 1;
      return NULL;
    }
    b->used = 0;
    b->cap = cap;
    if (p->head && n > BLOCK_BYTES) { /* keep filling the current block afterwards */
      b->next = p->head->next;
      p->head->next = b;
    } else {
      b->next = p->head;
      p->head = b;
    }
  }
  void *r = (char *)b->data + b->used;
  b->used += n;
  memset(r, 0, n);
  return r;
}

char *dz_pool_memdup(dz_pool *p, const char *s, size_t n) {
  char *r = dz_pool_alloc(p, n + 1);
  if (!r) return NULL;
  memcpy(r, s, n);
  r[n] = 0;
  return r;
}

char *dz_pool_strdup(dz_pool *p, const char *s) { return dz_pool_memdup(p, s, strlen(s)); }

void dz_pool_free(dz_pool *p) {
  dz_pool_block *b = p->head;
  while (b) {
    dz_pool_block *n = b->next;
    free(b);
    b = n;
  }
  p->head = NULL;
}
