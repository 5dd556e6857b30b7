/* duizhao Word documents: what a .docx reader keeps beside the body text, and the .docx
** writers (GB/T 9704-2012 formatting, profile skeletons, findings written back as tracked
** changes and comments). */
#ifndef DUIZHAO_DOCX_H
#define DUIZHAO_DOCX_H
#ifdef __cplusplus
extern "C" {
#endif

/* Text that a .docx holds outside its body. */
typedef enum dz_docx_part { DZ_DOCX_HEADERS = 0, DZ_DOCX_FOOTERS, DZ_DOCX_NOTES } dz_docx_part;

/* Headers, footers or foot/endnotes of a text read from a .docx (LF-separated, borrowed,
** NUL-terminated); NULL when the text did not come from a .docx. `len` may be NULL. */
const char *dz_docx_part_text(const dz_text *text, dz_docx_part part, size_t *len);

/* The w:edit value ("readOnly", "comments", "trackedChanges", "forms") of the enforced edit
** protection of a text read from a .docx, or NULL (none, or not a .docx). Borrowed. */
const char *dz_docx_protection(const dz_text *text);

typedef struct dz_docx_options {
  int version;                  /* DZ_DOCX_OPTIONS_VERSION */
  const char *protect_password; /* non-NULL: Word read-only edit protection with this password */
  const char *author;           /* author of revisions and comments; NULL means "duizhao" */
  const char *date;             /* w:date of revisions and comments (ISO 8601); NULL: now */
  int tracked;                  /* fix: 1 suggestions as revisions, 0 applied directly */
} dz_docx_options;
#define DZ_DOCX_OPTIONS_VERSION 1
#define DZ_DOCX_OPTIONS_INIT {DZ_DOCX_OPTIONS_VERSION, NULL, NULL, NULL, 1}

/* A .docx package in memory; the caller owns `data` and frees it with dz_docx_bytes_free. */
typedef struct dz_docx_bytes {
  unsigned char *data;
  size_t len;
} dz_docx_bytes;
void dz_docx_bytes_free(dz_docx_bytes *b);

/* Write the parsed document as a GB/T 9704-2012 .docx (A4, 37/35/28/26 mm margins, 22 lines
** x 28 characters, title 2号 方正小标宋简体, body 3号 仿宋_GB2312, headings 黑体 / 楷体_GB2312 /
** 仿宋_GB2312, page numbers 4号 宋体 "— 1 —" outside on odd and even pages). */
int dz_docx_fmt(dz_docx_bytes *out, const dz_doc *doc, const dz_docx_options *opts, dz_error *err);

/* One suggestion to write back: a span of the DECODED text (what dz_text_data returns). */
typedef struct dz_docx_edit {
  size_t start, end;      /* decoded [start, end) */
  const char *rule;       /* rule id, shown in the comment; may be NULL */
  const char *message;    /* the comment text (UTF-8) */
  const char *suggestion; /* replacement text; NULL: comment only */
} dz_docx_edit;

/* Write `edits` back: into the original package when the document was read from a .docx
** (every part but word/document.xml, comments and their relationships copied through),
** otherwise into a GB/T 9704 formatting of it. Each edit becomes a comment on its span and,
** with a suggestion, a revision (opts->tracked) or a direct change. Edits that overlap an
** earlier one, or whose span Word cannot revise (numbering labels, fields, text inside
** earlier revisions) keep their comment only. *applied (may be NULL) receives how many
** suggestions were written. */
int dz_docx_fix(dz_docx_bytes *out, const dz_doc *doc, const dz_docx_edit *edits, size_t n,
                const dz_docx_options *opts, size_t *applied, dz_error *err);

/* A profile's empty skeleton in GB/T 9704 layout: the title line, the parts as level-1
** headings, the profile's aspects as level-2 headings under the first part, and one empty
** body line under each heading. Nothing is invented. `profile_json` is the profile file
** (schema in docs/docx.md); `name` names it in messages. */
int dz_docx_skeleton(dz_docx_bytes *out, const char *profile_json, size_t len, const char *name,
                     const dz_docx_options *opts, dz_error *err);

/* The same for a profile named by id (an embedded data/profiles/<id>.json) or by the path
** of a profile file (anything containing '/' or ending in .json). DZ_ENOTFOUND when absent. */
int dz_docx_new(dz_docx_bytes *out, const char *profile, const dz_docx_options *opts, dz_error *err);

#ifdef __cplusplus
}
#endif
#endif
