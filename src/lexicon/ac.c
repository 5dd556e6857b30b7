/*
** Aho-Corasick over bytes. Building uses a plain trie with child lists; compiling turns it
** into packed arrays: the root and its children get full 256-entry goto tables (the lead byte
** of almost every Chinese character has a root edge, so these two levels carry most steps),
** deeper states keep their edges sorted in one shared array. Each state records the first
** pattern ending there and a "dictionary link" to the next shorter state with output, so a
** scan reports every match without walking failure chains that have none.
*/
#include <stdlib.h>
#include <string.h>

#include "duizhao.h"
#include "lexicon/ac.h"

typedef struct {
  uint32_t first_edge; /* index into edges (build: linked list head, UINT32_MAX none) */
  uint32_t nedges;
  uint32_t fail;
  uint32_t dict;       /* next state on the failure chain with output, or 0 */
  uint32_t out;        /* first output index into outs, or UINT32_MAX */
  uint32_t depth;
  int32_t table;       /* index of a full goto table, or -1 */
} state;

typedef struct {
  unsigned char byte;
  uint32_t to;
  uint32_t next; /* build-time sibling link */
} edge;

typedef struct {
  uint32_t value;
  uint32_t len;
  uint32_t next; /* next output of the same state, or UINT32_MAX */
} output;

struct dz_ac {
  state *st;
  size_t nst, capst;
  edge *ed;
  size_t ned, caped;
  output *outs;
  size_t nout, capout;
  uint32_t *tables; /* 256 entries per full table */
  size_t ntables;
  int compiled;
};

#define NONE UINT32_MAX

static int grow(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return 0;
  size_t c = *cap ? *cap * 2 : 64;
  while (c < need) c *= 2;
  void *q = realloc(*p, c * size);
  if (!q) return DZ_ENOMEM;
  *p = q;
  *cap = c;
  return 0;
}

/* Append a fresh state; returns its index or NONE when out of memory. */
static uint32_t new_state(dz_ac *ac, uint32_t depth) {
  if (grow((void **)&ac->st, &ac->capst, ac->nst + 1, sizeof(state))) return NONE;
  state *s = &ac->st[ac->nst];
  memset(s, 0, sizeof *s);
  s->first_edge = NONE;
  s->out = NONE;
  s->depth = depth;
  s->table = -1;
  return (uint32_t)ac->nst++;
}

dz_ac *dz_ac_new(void) {
  dz_ac *ac = calloc(1, sizeof *ac);
  if (!ac) return NULL;
  if (new_state(ac, 0) == NONE) {
    free(ac);
    return NULL;
  }
  return ac;
}

void dz_ac_free(dz_ac *ac) {
  if (!ac) return;
  free(ac->st);
  free(ac->ed);
  free(ac->outs);
  free(ac->tables);
  free(ac);
}

size_t dz_ac_size(const dz_ac *ac) { return ac ? ac->nout : 0; }

/* Build-time child lookup through the linked edge list. */
static uint32_t child_build(const dz_ac *ac, uint32_t s, unsigned char b) {
  for (uint32_t e = ac->st[s].first_edge; e != NONE; e = ac->ed[e].next)
    if (ac->ed[e].byte == b) return ac->ed[e].to;
  return NONE;
}

int dz_ac_add(dz_ac *ac, const char *s, size_t n, uint32_t value) {
  if (ac->compiled) return DZ_EINVALID;
  if (n == 0) return 0;
  uint32_t cur = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char b = (unsigned char)s[i];
    uint32_t nx = child_build(ac, cur, b);
    if (nx == NONE) {
      nx = new_state(ac, (uint32_t)i + 1);
      if (nx == NONE) return DZ_ENOMEM;
      if (grow((void **)&ac->ed, &ac->caped, ac->ned + 1, sizeof(edge))) return DZ_ENOMEM;
      ac->ed[ac->ned] = (edge){b, nx, ac->st[cur].first_edge};
      ac->st[cur].first_edge = (uint32_t)ac->ned++;
      ac->st[cur].nedges++;
    }
    cur = nx;
  }
  if (grow((void **)&ac->outs, &ac->capout, ac->nout + 1, sizeof(output))) return DZ_ENOMEM;
  ac->outs[ac->nout] = (output){value, (uint32_t)n, ac->st[cur].out};
  ac->st[cur].out = (uint32_t)ac->nout++;
  return 0;
}

static int cmp_edge(const void *a, const void *b) {
  const edge *x = a, *y = b;
  return (int)x->byte - (int)y->byte;
}

/* Goto after compile: full table, else binary search in the sorted edge run. */
static inline uint32_t child(const dz_ac *ac, const state *s, unsigned char b) {
  if (s->table >= 0) return ac->tables[(size_t)s->table * 256 + b];
  const edge *e = ac->ed + s->first_edge;
  uint32_t lo = 0, hi = s->nedges;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (e[mid].byte < b) lo = mid + 1;
    else hi = mid;
  }
  return (lo < s->nedges && e[lo].byte == b) ? e[lo].to : NONE;
}

int dz_ac_compile(dz_ac *ac) {
  if (ac->compiled) return 0;
  /* Pack edges: each state's edges become one sorted contiguous run. */
  edge *packed = malloc((ac->ned ? ac->ned : 1) * sizeof(edge));
  if (!packed) return DZ_ENOMEM;
  size_t k = 0;
  for (size_t s = 0; s < ac->nst; s++) {
    uint32_t startk = (uint32_t)k;
    for (uint32_t e = ac->st[s].first_edge; e != NONE; e = ac->ed[e].next) packed[k++] = ac->ed[e];
    ac->st[s].first_edge = startk;
    qsort(packed + startk, k - startk, sizeof(edge), cmp_edge);
  }
  free(ac->ed);
  ac->ed = packed;
  /* Full tables for the root and depth-1 states. */
  size_t want = 0;
  for (size_t s = 0; s < ac->nst; s++)
    if (ac->st[s].depth <= 1) want++;
  ac->tables = malloc(want * 256 * sizeof(uint32_t));
  if (!ac->tables) return DZ_ENOMEM;
  for (size_t s = 0; s < ac->nst; s++) {
    if (ac->st[s].depth > 1) continue;
    uint32_t *t = ac->tables + ac->ntables * 256;
    for (int b = 0; b < 256; b++) t[b] = NONE;
    const edge *e = ac->ed + ac->st[s].first_edge;
    for (uint32_t i = 0; i < ac->st[s].nedges; i++) t[e[i].byte] = e[i].to;
    ac->st[s].table = (int32_t)ac->ntables++;
  }
  /* Breadth-first failure and dictionary links. */
  uint32_t *queue = malloc(ac->nst * sizeof(uint32_t));
  if (!queue) return DZ_ENOMEM;
  size_t qh = 0, qt = 0;
  state *root = &ac->st[0];
  for (uint32_t i = 0; i < root->nedges; i++) {
    uint32_t c = ac->ed[root->first_edge + i].to;
    ac->st[c].fail = 0;
    ac->st[c].dict = 0;
    queue[qt++] = c;
  }
  while (qh < qt) {
    uint32_t s = queue[qh++];
    for (uint32_t i = 0; i < ac->st[s].nedges; i++) {
      edge e = ac->ed[ac->st[s].first_edge + i];
      uint32_t f = ac->st[s].fail;
      uint32_t t;
      while ((t = child(ac, &ac->st[f], e.byte)) == NONE && f != 0) f = ac->st[f].fail;
      if (t == NONE || t == e.to) t = 0;
      ac->st[e.to].fail = t;
      ac->st[e.to].dict = ac->st[t].out != NONE ? t : ac->st[t].dict;
      queue[qt++] = e.to;
    }
  }
  free(queue);
  ac->compiled = 1;
  return 0;
}

/* Report every output of state s and of its dictionary chain, ending at byte `end`. */
static int emit(const dz_ac *ac, uint32_t s, size_t end, dz_ac_cb cb, void *ud) {
  while (s) {
    for (uint32_t o = ac->st[s].out; o != NONE; o = ac->outs[o].next) {
      int rc = cb(end - ac->outs[o].len, end, ac->outs[o].value, ud);
      if (rc) return rc;
    }
    s = ac->st[s].dict;
  }
  return 0;
}

int dz_ac_scan(const dz_ac *ac, const char *s, size_t n, dz_ac_cb cb, void *ud) {
  if (!ac || !ac->compiled || ac->nout == 0) return 0;
  uint32_t cur = 0;
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < n; i++) {
    uint32_t nx;
    while ((nx = child(ac, &ac->st[cur], p[i])) == NONE && cur != 0) cur = ac->st[cur].fail;
    cur = nx == NONE ? 0 : nx;
    if (cur && (ac->st[cur].out != NONE || ac->st[cur].dict)) {
      int rc = emit(ac, cur, i + 1, cb, ud);
      if (rc) return rc;
    }
  }
  return 0;
}
