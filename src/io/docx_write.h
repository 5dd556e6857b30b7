/* Internal pieces of the .docx writers: GB/T 9704 layout, packages, and writing edits back. */
#ifndef DZ_IO_DOCX_WRITE_H
#define DZ_IO_DOCX_WRITE_H
#include "io/docx_map.h"
#include "util/buf.h"

/* What a line of the formatted document is. */
typedef enum { DZ_BLK_TITLE = 0, DZ_BLK_H1, DZ_BLK_H2, DZ_BLK_H3, DZ_BLK_H4, DZ_BLK_BODY } dz__blk_role;

typedef struct dz__blk {
  dz__blk_role role;
  size_t start, end; /* the line's text in the source string (trimmed) */
} dz__blk;

/* A laid-out body: word/document.xml and the map of its runs (one run per block). */
typedef struct dz__body {
  char *xml;
  size_t len;
  dz_docx_run *runs;
  size_t nruns;
  dz_docx_para *paras;
  size_t nparas;
} dz__body;
void dz__body_free(dz__body *b);

/* Lay out `blocks` over `src` as a GB/T 9704-2012 document body. */
int dz__docx_layout(dz__body *out, const char *src, const dz__blk *blocks, size_t n, dz_error *err);

/* One part of a package to write. */
typedef struct dz__part {
  const char *name;
  const char *data;
  size_t len;
} dz__part;

/* The fixed parts of a formatted document (styles, settings with optional protection,
** footers, content types, relationships); `with_comments` adds the comments part to the
** content types and relationships. Returns a NULL-name-terminated array in *out whose
** strings live in `store` (free both with dz__layout_parts_free). */
int dz__layout_parts(dz__part **out, dz_buf *store, const char *protect_password, int with_comments,
                     dz_error *err);

/* Zip `parts` (n of them) into a package in memory. */
int dz__zip_write(dz_docx_bytes *out, const dz__part *parts, size_t n, dz_error *err);

/* Write edits into a document body. `xml`/`len` is word/document.xml, runs/paras its map,
** `text` the decoded text the edits point into. Appends the new document.xml to `doc_out`
** and <w:comment> elements to `comments_out`; ids start after `max_id`. */
typedef struct dz__patch_opts {
  const char *author, *date;
  int tracked;
  long max_id;
} dz__patch_opts;
int dz__docx_patch(dz_buf *doc_out, dz_buf *comments_out, size_t *applied, const char *xml, size_t len,
                   const dz_docx_run *runs, size_t nruns, const dz_docx_para *paras, size_t nparas,
                   const char *text, size_t text_len, const dz_docx_edit *edits, size_t n,
                   const dz__patch_opts *o, dz_error *err);

/* The root element around comments (namespace declarations included). */
#define DZ_COMMENTS_OPEN                                                                       \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments "              \
  "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
#define DZ_COMMENTS_CLOSE "</w:comments>"
#endif
