/* Internal layout of the document tree. */
#ifndef DZ_DOC_NODE_H
#define DZ_DOC_NODE_H
#include "duizhao.h"

struct dz_node {
  dz_node_kind kind;
  dz_numbering numbering;
  int level, ordinal;
  size_t dstart, dend;   /* decoded span */
  size_t tstart, tend;   /* decoded span of the title; tstart == tend when none */
  const dz_text *text;
  dz_node *parent, *first, *last, *next, *prev;
};

/* Nodes come from fixed-size chunks so that pointers stay valid while the tree grows. */
#define DZ_NODE_CHUNK 256
typedef struct dz_node_chunk {
  struct dz_node_chunk *next;
  size_t used;
  dz_node nodes[DZ_NODE_CHUNK];
} dz_node_chunk;

struct dz_doc {
  dz_text *text;
  dz_node *root;
  dz_node_chunk *chunks;
};

/* A new node of `kind` spanning [start, end), appended as the last child of `parent`
** (or detached when parent is NULL). NULL when out of memory. */
dz_node *dz__node_new(dz_doc *doc, dz_node *parent, dz_node_kind kind, size_t start, size_t end);
#endif
