/*
** The document tree: allocation, navigation, the ENTER/EXIT iterator and the invariant check.
** Nodes belong to their dz_doc and are freed with it; every pointer handed out is borrowed.
*/
#include <stdlib.h>

#include "doc/node.h"
#include "text/text.h"

dz_node *dz__node_new(dz_doc *doc, dz_node *parent, dz_node_kind kind, size_t start, size_t end) {
  dz_node_chunk *c = doc->chunks;
  if (!c || c->used == DZ_NODE_CHUNK) {
    c = malloc(sizeof *c);
    if (!c) return NULL;
    c->used = 0;
    c->next = doc->chunks;
    doc->chunks = c;
  }
  dz_node *n = &c->nodes[c->used++];
  *n = (dz_node){.kind = kind, .dstart = start, .dend = end, .tstart = start, .tend = start,
                 .text = doc->text};
  if (parent) {
    n->parent = parent;
    n->prev = parent->last;
    if (parent->last) parent->last->next = n;
    else parent->first = n;
    parent->last = n;
  }
  return n;
}

void dz_doc_free(dz_doc *doc) {
  if (!doc) return;
  dz_node_chunk *c = doc->chunks;
  while (c) {
    dz_node_chunk *next = c->next;
    free(c);
    c = next;
  }
  dz_text_free(doc->text);
  free(doc);
}

const dz_text *dz_doc_text(const dz_doc *doc) { return doc->text; }
const dz_node *dz_doc_root(const dz_doc *doc) { return doc->root; }

const dz_node *dz_node_parent(const dz_node *n) { return n->parent; }
const dz_node *dz_node_first_child(const dz_node *n) { return n->first; }
const dz_node *dz_node_last_child(const dz_node *n) { return n->last; }
const dz_node *dz_node_next(const dz_node *n) { return n->next; }
const dz_node *dz_node_prev(const dz_node *n) { return n->prev; }
dz_node_kind dz_node_get_kind(const dz_node *n) { return n->kind; }
int dz_node_level(const dz_node *n) { return n->level; }
int dz_node_ordinal(const dz_node *n) { return n->ordinal; }
dz_numbering dz_node_numbering(const dz_node *n) { return n->numbering; }
size_t dz_node_dstart(const dz_node *n) { return n->dstart; }
size_t dz_node_dend(const dz_node *n) { return n->dend; }
size_t dz_node_start(const dz_node *n) { return dz_text_orig_offset(n->text, n->dstart); }
size_t dz_node_end(const dz_node *n) { return dz_text_orig_offset(n->text, n->dend); }

const char *dz_node_title(const dz_node *n, size_t *len) {
  if (n->tend <= n->tstart) {
    if (len) *len = 0;
    return NULL;
  }
  if (len) *len = n->tend - n->tstart;
  return n->text->buf + n->tstart;
}

const char *dz_node_kind_name(dz_node_kind kind) {
  static const char *const names[] = {"document", "title", "preamble", "heading", "point",
                                      "example", "paragraph", "sentence", "residue"};
  return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "unknown";
}

void dz_iter_init(dz_iter *it, const dz_node *root) {
  it->root = root;
  it->cur = NULL;
  it->ev = DZ_EVENT_NONE;
}

dz_event dz_iter_next(dz_iter *it) {
  const dz_node *n = it->cur;
  if (!n) {
    if (it->ev != DZ_EVENT_NONE || !it->root) return it->ev = DZ_EVENT_NONE;
    it->cur = it->root;
    return it->ev = DZ_EVENT_ENTER;
  }
  if (it->ev == DZ_EVENT_ENTER && n->first) {
    it->cur = n->first;
    return it->ev = DZ_EVENT_ENTER;
  }
  /* Leaving n: containers get an EXIT event of their own. */
  if (it->ev == DZ_EVENT_ENTER && n->first == NULL && n != it->root) {
    if (n->next) { it->cur = n->next; return it->ev = DZ_EVENT_ENTER; }
    it->cur = n->parent;
    return it->ev = DZ_EVENT_EXIT;
  }
  if (n == it->root) {
    if (it->ev == DZ_EVENT_ENTER) return it->ev = DZ_EVENT_EXIT; /* a root without children */
    it->cur = NULL;
    return it->ev = DZ_EVENT_NONE;
  }
  if (n->next) { it->cur = n->next; return it->ev = DZ_EVENT_ENTER; }
  it->cur = n->parent;
  return it->ev = DZ_EVENT_EXIT;
}

const dz_node *dz_iter_node(const dz_iter *it) { return it->cur; }

static int check_node(const dz_node *n, size_t len) {
  int bad = 0;
  if (n->dstart > n->dend || n->dend > len) bad++;
  if (n->tend > n->tstart && (n->tstart < n->dstart || n->tend > n->dend)) bad++;
  const dz_node *prev = NULL;
  for (const dz_node *c = n->first; c; c = c->next) {
    if (c->parent != n) bad++;
    if (c->prev != prev) bad++;
    if (c->dstart < n->dstart || c->dend > n->dend) bad++;
    if (prev && c->dstart < prev->dend) bad++;
    bad += check_node(c, len);
    prev = c;
  }
  if (n->last != prev) bad++;
  return bad;
}

int dz_doc_check(const dz_doc *doc) { return check_node(doc->root, doc->text->len); }
