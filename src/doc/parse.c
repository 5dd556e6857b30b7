/*
** The document parser: decoded text -> tree of title, preamble, headings, points, examples,
** paragraphs, sentences and trailing residue.
**
** It works line by line (one line = one paragraph, as in every real draft). Each non-blank
** line is classified by its leading marker: a heading number (levels 1-4), a point marker
** (一是 / 首先 / 第一), or plain text. Headings nest by level through a stack; points and
** paragraphs attach to the innermost open heading. Inside a line, later point markers after a
** clause mark (…；二是…) start sibling points, and example markers (如：/比如/例如) open an
** example that runs to the end of its point. Sentences are the leaves.
**
** Trailing lines that are template-site leftovers (编辑密码, 下载, 会员 …) become residue, so
** that structure checks do not see them as content.
*/
#include <stdlib.h>
#include <string.h>

#include "doc/marker.h"
#include "doc/node.h"
#include "text/sentence.h"
#include "text/text.h"
#include "text/utf8.h"
#include "util/embed.h"
#include "util/error.h"

/* A heading title longer than this many bytes is a paragraph with a number, not a title. */
#define DZ_MAX_TITLE_LINE_BYTES 240

typedef struct {
  dz_doc *doc;
  const char *s;
  dz_node *stack[5]; /* open headings by level 1-4; stack[0] is the root */
  int err;
} parser;

static int is_space_cp(uint32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\v' || c == '\f'; }

/* Trim whitespace (ASCII, ideographic space, NBSP) from both ends of [*a, *b). */
static void trim(const char *s, size_t *a, size_t *b) {
  while (*a < *b) {
    size_t j = *a;
    if (!is_space_cp(dz_utf8_next(s, *b, &j))) break;
    *a = j;
  }
  while (*b > *a) {
    size_t j = *b;
    if (!is_space_cp(dz_utf8_prev(s, &j))) break;
    *b = j;
  }
}

static int is_clause_delim(uint32_t c) {
  return dz_is_sentence_end(c) || c == 0xFF0C || c == ',' || c == 0xFF1A || c == ':' || c == 0x3001;
}

/* Strip a trailing run of marks and the word 方面 from a title: （二）政治素养方面。 -> 政治素养. */
static void tidy_title(const char *s, size_t a, size_t *b) {
  for (;;) {
    size_t e = *b;
    trim(s, &a, &e);
    size_t j = e;
    uint32_t c = j > a ? dz_utf8_prev(s, &j) : 0;
    if (c && (dz_is_sentence_end(c) || c == 0xFF1A || c == ':' || c == 0xFF0C || c == ',' || c == 0x3001)) {
      *b = j;
      continue;
    }
    static const char fm[] = "方面";
    size_t l = sizeof fm - 1;
    if (e - a > l && !memcmp(s + e - l, fm, l)) {
      *b = e - l;
      continue;
    }
    *b = e;
    return;
  }
}

/* End of a title that starts at `a`: the first 。！？：; or example marker, or the line's end. */
static size_t title_end(const char *s, size_t a, size_t b) {
  size_t i = a;
  int after_delim = 0;
  while (i < b) {
    size_t at = i;
    if (i > a && dz_match_example(s + i, b - i, after_delim)) return at;
    uint32_t c = dz_utf8_next(s, b, &i);
    if (dz_is_sentence_end(c) || c == 0xFF1A || c == ':') return at;
    after_delim = is_clause_delim(c);
  }
  return b;
}

static dz_node *add(parser *p, dz_node *parent, dz_node_kind kind, size_t a, size_t b) {
  dz_node *n = dz__node_new(p->doc, parent, kind, a, b);
  if (!n) p->err = DZ_ENOMEM;
  return n;
}

/* Sentences of [a, b) as children of `parent`. */
static void add_sentences(parser *p, dz_node *parent, size_t a, size_t b) {
  size_t i = a;
  while (i < b && !p->err) {
    size_t e = dz_sentence_end(p->s, i, b);
    if (e <= i) e = b;
    size_t sa = i, sb = e;
    trim(p->s, &sa, &sb);
    if (sb > sa) add(p, parent, DZ_NODE_SENTENCE, sa, sb);
    i = e;
  }
}

/* Content of one point or paragraph [a, b): sentences, then an example from its marker on. */
static void add_body(parser *p, dz_node *parent, size_t a, size_t b) {
  int after_delim = 1;
  size_t i = a;
  while (i < b) {
    size_t ex = dz_match_example(p->s + i, b - i, after_delim);
    if (ex) {
      add_sentences(p, parent, a, i);
      dz_node *e = add(p, parent, DZ_NODE_EXAMPLE, i, b);
      if (!e) return;
      e->tstart = i, e->tend = i + ex;
      add_sentences(p, e, i, b);
      return;
    }
    uint32_t c = dz_utf8_next(p->s, b, &i);
    after_delim = is_clause_delim(c);
  }
  add_sentences(p, parent, a, b);
}

/* Where does the next inline point marker start in [from, b)? Only after a clause mark, so
** that 统一是 or 第一位 inside a sentence never counts. Returns b when there is none. */
static size_t next_point(const char *s, size_t from, size_t b, const dz_marker *first, dz_marker *m) {
  size_t i = from;
  while (i < b) {
    uint32_t c = dz_utf8_next(s, b, &i);
    if (!(dz_is_sentence_end(c) || c == 0xFF1A || c == ':')) continue;
    size_t j = i;
    while (j < b) { /* closing quotes and spaces after the mark */
      size_t k = j;
      uint32_t d = dz_utf8_next(s, b, &k);
      if (!dz_is_closing_mark(d) && !is_space_cp(d)) break;
      j = k;
    }
    /* Same style as the first point, next in sequence (or any 一是 when starting afresh). */
    if (j < b && dz_match_point(s + j, b - j, m) &&
        (first ? m->style == first->style : m->style == DZ_NUM_POINT_SHI && m->ordinal == 1))
      return j;
  }
  return b;
}

/* A run of points starting at `a` (a point marker there), each to the next marker. */
static void add_points(parser *p, dz_node *parent, size_t a, size_t b, dz_marker m) {
  dz_marker first = m;
  while (a < b && !p->err) {
    dz_marker nm;
    size_t e = next_point(p->s, a + m.len, b, &first, &nm);
    size_t pa = a, pb = e;
    trim(p->s, &pa, &pb);
    dz_node *pt = add(p, parent, DZ_NODE_POINT, pa, pb);
    if (!pt) return;
    pt->numbering = m.style;
    pt->ordinal = m.ordinal;
    size_t ta = pa + m.len, tb = title_end(p->s, ta, pb);
    tidy_title(p->s, ta, &tb);
    trim(p->s, &ta, &tb);
    pt->tstart = ta, pt->tend = tb > ta ? tb : ta;
    add_body(p, pt, pa, pb);
    a = e;
    m = nm;
  }
}

/* A plain line: a paragraph, whose inline points (…：一是…；二是…) become point children. */
static void add_paragraph(parser *p, dz_node *parent, dz_node_kind kind, size_t a, size_t b) {
  dz_node *para = add(p, parent, kind, a, b);
  if (!para) return;
  dz_marker m;
  size_t first = next_point(p->s, a, b, NULL, &m);
  if (first >= b) {
    add_body(p, para, a, b);
    return;
  }
  add_body(p, para, a, first);
  add_points(p, para, first, b, m);
}

/* Close headings at `level` and deeper; their spans end where their last child ends. */
static void close_to(parser *p, int level) {
  for (int l = 4; l >= level; l--) {
    dz_node *h = p->stack[l];
    if (!h) continue;
    if (h->last && h->last->dend > h->dend) h->dend = h->last->dend;
    if (l > 1) {
      /* propagate the end to the enclosing open heading */
      for (int u = l - 1; u >= 1; u--)
        if (p->stack[u]) {
          if (h->dend > p->stack[u]->dend) p->stack[u]->dend = h->dend;
          break;
        }
    }
    p->stack[l] = NULL;
  }
}

static dz_node *innermost(parser *p) {
  for (int l = 4; l >= 1; l--)
    if (p->stack[l]) return p->stack[l];
  return p->doc->root;
}

static void extend(parser *p, size_t end) {
  for (int l = 1; l <= 4; l++)
    if (p->stack[l] && end > p->stack[l]->dend) p->stack[l]->dend = end;
}

static void add_heading(parser *p, size_t a, size_t b, dz_marker m) {
  close_to(p, m.level);
  dz_node *parent = innermost(p);
  size_t ta = a + m.len, te = title_end(p->s, ta, b), tb = te;
  tidy_title(p->s, ta, &tb);
  trim(p->s, &ta, &tb);
  dz_node *h = add(p, parent, DZ_NODE_HEADING, a, b);
  if (!h) return;
  h->level = m.level, h->ordinal = m.ordinal, h->numbering = m.style;
  h->tstart = ta, h->tend = tb > ta ? tb : ta;
  p->stack[m.level] = h;
  /* Text after the title on the same line (1.加强学习。深入…) is the heading's first content. */
  size_t ra = te, rb = b;
  if (ra < rb) {
    size_t j = ra;
    dz_utf8_next(p->s, rb, &j); /* skip the mark that ended the title */
    ra = j;
    trim(p->s, &ra, &rb);
    if (rb > ra) {
      dz_marker pm;
      if (dz_match_point(p->s + ra, rb - ra, &pm)) add_points(p, h, ra, rb, pm);
      else add_paragraph(p, h, DZ_NODE_PARAGRAPH, ra, rb);
    }
  }
}

/* A trailing line is residue when it carries one of the line-scope template-site marks of the
** list data/lexicon/residue.tsv (embedded; the text.residue rule reads the same file). The
** TSV is scanned in place: it is small and only trailing lines are tested. */
extern const dz_embedded_file dz_embedded_data[];

static int is_residue_line(const char *s, size_t a, size_t b) {
  if (b - a > 300) return 0;
  const dz_embedded_file *f = dz_embed_find(dz_embedded_data, "lexicon/residue.tsv");
  if (!f) return 0;
  const char *p = (const char *)f->data, *end = p + f->len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    const char *tab = memchr(p, '\t', (size_t)(le - p));
    /* Only `line`-scope marks make a whole line residue; `sentence` ones mark a sentence. */
    if (*p != '#' && tab && tab > p && le - tab > 5 && !memcmp(tab + 1, "line", 4) &&
        (tab[5] == '\t' || tab + 5 == le) && memmem(s + a, b - a, p, (size_t)(tab - p)))
      return 1;
    p = le + 1;
  }
  return 0;
}

/* 附件：1. … opens the attachment note of GB/T 9704-2012 (7.3.6): its further numbered lines
** (2. …, aligned under the first name) are attachment names, not level-3 headings. */
static int is_attachment_note(const char *s, size_t a, size_t b) {
  static const char *const heads[] = {"附件：", "附件:", NULL};
  for (int i = 0; heads[i]; i++) {
    size_t n = strlen(heads[i]);
    if (b - a > n && !memcmp(s + a, heads[i], n)) return 1;
  }
  return 0;
}

/* Markdown heading prefix (# .. ######) and list bullets are layout, not text. */
static size_t skip_md(const char *s, size_t a, size_t b, int *hashes) {
  size_t i = a;
  *hashes = 0;
  if (b - a > 2 && (s[a] == '-' || s[a] == '*' || s[a] == '+') && s[a + 1] == ' ') return a + 2;
  while (i < b && s[i] == '#' && *hashes < 6) i++, (*hashes)++;
  if (*hashes && i < b && s[i] == ' ') {
    while (i < b && s[i] == ' ') i++;
    return i;
  }
  *hashes = 0;
  return a;
}

static int parse_lines(parser *p) {
  dz_text *t = p->doc->text;
  size_t nl = dz_text_line_count(t);
  /* Lines [0, tail) are content; [tail, nl) trailing residue. */
  size_t tail = nl;
  for (size_t k = nl; k > 0; k--) {
    size_t a, b;
    dz_text_line_span(t, k, &a, &b);
    trim(p->s, &a, &b);
    if (a == b) continue;
    if (!is_residue_line(p->s, a, b)) break;
    tail = k - 1;
  }
  int seen_title = 0, seen_heading = 0; /* seen_heading: a heading or a point */
  int title_hashes = 0;
  int in_attach = 0; /* inside the attachment note (附件：1. …) */
  for (size_t k = 1; k <= nl && !p->err; k++) {
    size_t a, b;
    dz_text_line_span(t, k, &a, &b);
    trim(p->s, &a, &b);
    if (a == b) continue;
    if (k > tail) {
      close_to(p, 1);
      add(p, p->doc->root, DZ_NODE_RESIDUE, a, b);
      continue;
    }
    int hashes;
    size_t c = skip_md(p->s, a, b, &hashes);
    dz_marker m;
    int numbered = dz_match_heading(p->s + c, b - c, &m);
    if (is_attachment_note(p->s, c, b)) {
      in_attach = 1;
    } else if (in_attach && numbered && (m.style == DZ_NUM_ARABIC_DOT || m.style == DZ_NUM_ARABIC_DUN)) {
      add_paragraph(p, innermost(p), DZ_NODE_PARAGRAPH, a, b);
      extend(p, b);
      continue;
    } else {
      in_attach = 0;
    }
    if (numbered &&
        (title_end(p->s, c, b) - c <= DZ_MAX_TITLE_LINE_BYTES)) {
      m.len += c - a;
      add_heading(p, a, b, m);
      seen_heading = seen_title = 1;
      continue;
    }
    if (dz_match_point(p->s + c, b - c, &m)) {
      seen_title = seen_heading = 1;
      m.len += c - a;
      add_points(p, innermost(p), a, b, m);
      extend(p, b);
      continue;
    }
    if (!seen_title) {
      seen_title = 1;
      size_t j = b;
      uint32_t last = dz_utf8_prev(p->s, &j);
      /* A title is a short first line that does not end like a sentence. */
      if (b - c <= 200 && !dz_is_sentence_end(last) && last != 0xFF1A && last != ':' && last != 0xFF0C) {
        dz_node *n = add(p, p->doc->root, DZ_NODE_TITLE, a, b);
        if (n) n->tstart = c, n->tend = b;
        title_hashes = hashes;
        continue;
      }
    }
    if (hashes) { /* an unnumbered Markdown heading: ## 存在问题 (one level up when # was the title) */
      int lv = hashes - (title_hashes == 1 && hashes > 1);
      dz_marker hm = {DZ_NUM_NONE, lv > 4 ? 4 : lv, 0, c - a};
      add_heading(p, a, b, hm);
      seen_heading = 1;
      continue;
    }
    dz_node *parent = innermost(p);
    int preamble = parent == p->doc->root && !seen_heading;
    add_paragraph(p, parent, preamble ? DZ_NODE_PREAMBLE : DZ_NODE_PARAGRAPH, a, b);
    extend(p, b);
  }
  close_to(p, 1);
  return p->err;
}

/* Documents without any heading have no "preamble": their paragraphs are the body. */
static void demote_preamble(dz_node *root) {
  int has_heading = 0;
  for (dz_node *c = root->first; c; c = c->next)
    if (c->kind == DZ_NODE_HEADING || c->kind == DZ_NODE_POINT) has_heading = 1;
  if (has_heading) return;
  for (dz_node *c = root->first; c; c = c->next)
    if (c->kind == DZ_NODE_PREAMBLE) c->kind = DZ_NODE_PARAGRAPH;
}

int dz_doc_parse(dz_doc **out, dz_text *text, const dz_parse_options *opts, dz_error *err) {
  (void)opts;
  dz_doc *doc = calloc(1, sizeof *doc);
  if (!doc) {
    dz_text_free(text);
    return dz__error_nomem(err);
  }
  doc->text = text;
  parser p = {.doc = doc, .s = text->buf};
  doc->root = dz__node_new(doc, NULL, DZ_NODE_DOCUMENT, 0, text->len);
  if (!doc->root || parse_lines(&p)) {
    dz_doc_free(doc);
    return dz__error_nomem(err);
  }
  demote_preamble(doc->root);
  p.stack[0] = doc->root;
  *out = doc;
  return DZ_OK;
}
