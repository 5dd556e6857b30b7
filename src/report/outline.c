/*
** Renderers of the document outline: JSON (the whole tree, stable formatting so that golden
** files can compare it byte for byte) and indented text for people.
*/
#include <stdlib.h>
#include <string.h>

#include "doc/node.h"
#include "text/text.h"
#include "text/utf8.h"
#include "util/buf.h"
#include "util/error.h"

static const char *style_name(dz_numbering s) {
  static const char *const names[] = {
      NULL, "cn-dun", "cn-dot", "cn-comma", "cn-paren", "cn-halfparen", "arabic-dot", "arabic-dun",
      "arabic-paren", "arabic-halfparen", "circled", "shi", "seq", "di"};
  return (unsigned)s < sizeof names / sizeof names[0] ? names[s] : NULL;
}

static void json_node(dz_buf *b, const dz_node *n, int depth) {
  size_t line, col;
  dz_text_linecol(n->text, n->dstart, &line, &col);
  for (int i = 0; i < depth; i++) dz_buf_puts(b, "  ");
  dz_buf_printf(b, "{\"kind\":\"%s\",\"level\":", dz_node_kind_name(n->kind));
  if (n->kind == DZ_NODE_HEADING) dz_buf_printf(b, "%d", n->level);
  else dz_buf_puts(b, "null");
  dz_buf_puts(b, ",\"ordinal\":");
  if (n->numbering != DZ_NUM_NONE && n->ordinal > 0) dz_buf_printf(b, "%d", n->ordinal);
  else dz_buf_puts(b, "null");
  dz_buf_puts(b, ",\"style\":");
  const char *st = style_name(n->numbering);
  if (st) dz_buf_json_str(b, st, strlen(st));
  else dz_buf_puts(b, "null");
  dz_buf_puts(b, ",\"title\":");
  if (n->tend > n->tstart) dz_buf_json_str(b, n->text->buf + n->tstart, n->tend - n->tstart);
  else dz_buf_puts(b, "null");
  dz_buf_printf(b, ",\"start\":%zu,\"end\":%zu,\"line\":%zu,\"column\":%zu,\"children\":[",
                dz_node_start(n), dz_node_end(n), line, col);
  if (!n->first) {
    dz_buf_puts(b, "]}");
    return;
  }
  dz_buf_puts(b, "\n");
  for (const dz_node *c = n->first; c; c = c->next) {
    json_node(b, c, depth + 1);
    dz_buf_puts(b, c->next ? ",\n" : "\n");
  }
  for (int i = 0; i < depth; i++) dz_buf_puts(b, "  ");
  dz_buf_puts(b, "]}");
}

int dz_doc_outline_json(char **out, size_t *len, const dz_doc *doc, dz_error *err) {
  dz_buf b = {0};
  const char *name = dz_text_name(doc->text);
  const char *enc = dz_encoding_name(doc->text->enc);
  dz_buf_puts(&b, "{\"schema\":1,\"file\":");
  dz_buf_json_str(&b, name, strlen(name));
  dz_buf_puts(&b, ",\"encoding\":");
  dz_buf_json_str(&b, enc, strlen(enc));
  dz_buf_printf(&b, ",\"size\":%zu,\"root\":\n", doc->text->orig_len);
  json_node(&b, doc->root, 0);
  dz_buf_puts(&b, "}\n");
  if (dz_buf_take(&b, out, len)) return dz__error_nomem(err);
  return DZ_OK;
}

/* Up to `max` characters of [a, b), with … when cut. */
static void excerpt(dz_buf *b, const char *s, size_t a, size_t e, int max) {
  size_t i = a;
  int k = 0;
  while (i < e && k < max) {
    dz_utf8_next(s, e, &i);
    k++;
  }
  dz_buf_put(b, s + a, i - a);
  if (i < e) dz_buf_puts(b, "…");
}

static int has_child(const dz_node *n, dz_node_kind kind) {
  for (const dz_node *c = n->first; c; c = c->next)
    if (c->kind == kind) return 1;
  return 0;
}

static void text_node(dz_buf *b, const dz_node *n, int depth) {
  const char *s = n->text->buf;
  size_t line, col;
  dz_text_linecol(n->text, n->dstart, &line, &col);
  int show = 1;
  switch (n->kind) {
  case DZ_NODE_DOCUMENT: case DZ_NODE_SENTENCE: case DZ_NODE_EXAMPLE: show = 0; break;
  default: break;
  }
  if (show) {
    dz_buf_printf(b, "%5zu  ", line);
    for (int i = 0; i < depth; i++) dz_buf_puts(b, "  ");
    switch (n->kind) {
    case DZ_NODE_TITLE: dz_buf_puts(b, "[标题] "); excerpt(b, s, n->tstart, n->tend, 60); break;
    case DZ_NODE_PREAMBLE: dz_buf_puts(b, "[前言] "); excerpt(b, s, n->dstart, n->dend, 24); break;
    case DZ_NODE_PARAGRAPH: dz_buf_puts(b, "[段落] "); excerpt(b, s, n->dstart, n->dend, 24); break;
    case DZ_NODE_RESIDUE: dz_buf_puts(b, "[残留] "); excerpt(b, s, n->dstart, n->dend, 24); break;
    case DZ_NODE_HEADING:
    case DZ_NODE_POINT:
      dz_buf_put(b, s + n->dstart, (n->tstart > n->dstart ? n->tstart : n->dstart) - n->dstart);
      if (n->kind == DZ_NODE_POINT) dz_buf_puts(b, " ");
      excerpt(b, s, n->tstart, n->tend, 40);
      if (has_child(n, DZ_NODE_EXAMPLE)) dz_buf_puts(b, " 〔有举例〕");
      break;
    default: break;
    }
    dz_buf_puts(b, "\n");
  }
  int next_depth = n->kind == DZ_NODE_DOCUMENT ? 0 : depth + 1;
  for (const dz_node *c = n->first; c; c = c->next)
    if (n->kind == DZ_NODE_DOCUMENT || n->kind == DZ_NODE_HEADING || n->kind == DZ_NODE_PARAGRAPH ||
        n->kind == DZ_NODE_PREAMBLE)
      text_node(b, c, next_depth);
}

int dz_doc_outline_text(char **out, size_t *len, const dz_doc *doc, dz_error *err) {
  dz_buf b = {0};
  dz_buf_printf(&b, "文件：%s（%s，%zu 字节）\n 行号  结构\n", dz_text_name(doc->text),
                dz_encoding_name(doc->text->enc), doc->text->orig_len);
  text_node(&b, doc->root, 0);
  if (dz_buf_take(&b, out, len)) return dz__error_nomem(err);
  return DZ_OK;
}
