/* duizhao document tree: title, preamble, headings (GB/T 9704 levels 1-4), points,
** examples, paragraphs, sentences and trailing residue, each with its span. */
#ifndef DUIZHAO_DOC_H
#define DUIZHAO_DOC_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct dz_doc dz_doc;
typedef struct dz_node dz_node;

typedef enum dz_node_kind {
  DZ_NODE_DOCUMENT = 0,
  DZ_NODE_TITLE,
  DZ_NODE_PREAMBLE,
  DZ_NODE_HEADING,
  DZ_NODE_POINT,
  DZ_NODE_EXAMPLE,
  DZ_NODE_PARAGRAPH,
  DZ_NODE_SENTENCE,
  DZ_NODE_RESIDUE
} dz_node_kind;

/* How a heading or point is numbered. Headings: the four GB/T 9704 levels and their
** variants. Points: 一是 / 首先 / 第一. */
typedef enum dz_numbering {
  DZ_NUM_NONE = 0,
  DZ_NUM_CN_DUN,        /* 一、 (level 1) */
  DZ_NUM_CN_DOT,        /* 一. 一． (level 1 variant) */
  DZ_NUM_CN_COMMA,      /* 一， (level 1 variant) */
  DZ_NUM_CN_PAREN,      /* （一） (level 2) */
  DZ_NUM_CN_HALFPAREN,  /* (一) or mixed-width brackets (level 2 variant) */
  DZ_NUM_ARABIC_DOT,    /* 1. 1． １． (level 3) */
  DZ_NUM_ARABIC_DUN,    /* 1、 (level 3 variant) */
  DZ_NUM_ARABIC_PAREN,  /* （1） (level 4) */
  DZ_NUM_ARABIC_HALFPAREN, /* (1) (level 4 variant) */
  DZ_NUM_CIRCLED,       /* ① (level 4 variant) */
  DZ_NUM_POINT_SHI,     /* 一是 二是 */
  DZ_NUM_POINT_SEQ,     /* 首先 其次 再次 最后 */
  DZ_NUM_POINT_DI       /* 第一 第二 */
} dz_numbering;

typedef struct dz_parse_options {
  int version; /* DZ_PARSE_OPTIONS_VERSION */
  int reserved;
} dz_parse_options;
#define DZ_PARSE_OPTIONS_VERSION 1
#define DZ_PARSE_OPTIONS_INIT {DZ_PARSE_OPTIONS_VERSION, 0}

/* Parse decoded text into a tree. The document takes ownership of `text` whether or not
** the call succeeds. `opts` may be NULL. */
int dz_doc_parse(dz_doc **out, dz_text *text, const dz_parse_options *opts, dz_error *err);

void dz_doc_free(dz_doc *doc);

/* Borrowed: live as long as the document. */
const dz_text *dz_doc_text(const dz_doc *doc);
const dz_node *dz_doc_root(const dz_doc *doc);

/* Walk the tree and verify its invariants (children inside parents, siblings ordered and
** disjoint). Returns the number of violations; 0 for every tree the parser builds. */
int dz_doc_check(const dz_doc *doc);

/* Navigation (borrowed pointers, NULL at the ends). */
const dz_node *dz_node_parent(const dz_node *n);
const dz_node *dz_node_first_child(const dz_node *n);
const dz_node *dz_node_last_child(const dz_node *n);
const dz_node *dz_node_next(const dz_node *n);
const dz_node *dz_node_prev(const dz_node *n);

dz_node_kind dz_node_get_kind(const dz_node *n);
const char *dz_node_kind_name(dz_node_kind kind); /* "heading", "point", ... */
int dz_node_level(const dz_node *n);       /* headings: 1-4; otherwise 0 */
int dz_node_ordinal(const dz_node *n);     /* 三是 -> 3; 0 when unnumbered (or 最后) */
dz_numbering dz_node_numbering(const dz_node *n);

/* Span in ORIGINAL input bytes. */
size_t dz_node_start(const dz_node *n);
size_t dz_node_end(const dz_node *n);
/* Span in the decoded text (what dz_text_data returns). */
size_t dz_node_dstart(const dz_node *n);
size_t dz_node_dend(const dz_node *n);

/* The node's title: headings without their number and trailing 方面/punctuation, points
** without their marker, up to the first sentence end. Borrowed, NOT NUL-terminated;
** *len receives the length. Returns NULL (and *len = 0) when the node has no title. */
const char *dz_node_title(const dz_node *n, size_t *len);

/* Iterator: containers are visited twice (ENTER then EXIT), leaves once (ENTER). */
typedef enum { DZ_EVENT_NONE = 0, DZ_EVENT_ENTER, DZ_EVENT_EXIT } dz_event;
typedef struct dz_iter {
  const dz_node *root, *cur;
  dz_event ev;
} dz_iter;
void dz_iter_init(dz_iter *it, const dz_node *root);
/* Advance; returns DZ_EVENT_NONE when done. dz_iter_node gives the current node. */
dz_event dz_iter_next(dz_iter *it);
const dz_node *dz_iter_node(const dz_iter *it);

/* The outline as JSON (schema 1, docs/parse.md): {"schema":1,"file","encoding","root":NODE}.
** *out is NUL-terminated and belongs to the caller (free()). */
int dz_doc_outline_json(char **out, size_t *len, const dz_doc *doc, dz_error *err);

/* The outline as indented text, one structural node a line with its line number, for people.
** Sentences are not listed. *out belongs to the caller (free()). */
int dz_doc_outline_text(char **out, size_t *len, const dz_doc *doc, dz_error *err);

#ifdef __cplusplus
}
#endif
#endif
