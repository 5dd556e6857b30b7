/*
** The source map a .docx reader attaches to its dz_text: every extracted character maps to
** (paragraph, run, offset in the run's text), and every run to its bytes in
** word/document.xml, so that findings can be written back into the same file.
*/
#ifndef DZ_IO_DOCX_MAP_H
#define DZ_IO_DOCX_MAP_H
#include <stddef.h>
#include <stdint.h>
#include "duizhao.h"

enum {
  DZ_RUN_COMPLEX = 1,  /* has children other than text, tabs and breaks (drawings, fields...) */
  DZ_RUN_REVISION = 2, /* inside a tracked insertion or move: not ours to rewrite */
  DZ_RUN_FIELD = 4     /* the result of a field (page numbers, references) */
};

typedef struct dz_docx_run {
  uint32_t para;       /* paragraph index (body paragraphs, in reading order, tables included) */
  uint32_t index;      /* run index inside its paragraph */
  size_t dstart, dend; /* its text in the extracted UTF-8 (= decoded text offsets) */
  size_t xstart, xend; /* the <w:r>...</w:r> element in word/document.xml */
  size_t pstart, pend; /* its <w:rPr>...</w:rPr> inside that (pstart == pend: none) */
  unsigned flags;      /* DZ_RUN_* */
} dz_docx_run;

typedef struct dz_docx_para {
  size_t dstart, dend; /* its line in the extracted text, without the LF */
  size_t xstart, xend; /* the <w:p> element */
  uint32_t first_run, nruns;
} dz_docx_para;

typedef struct dz_docx_map {
  dz_docx_run *runs;
  size_t nruns;
  dz_docx_para *paras;
  size_t nparas;
  unsigned char *zip; /* a copy of the package, to write findings back into */
  size_t zip_len;
  char *headers, *footers, *notes; /* text kept apart from the body, LF-separated */
  long max_id;                     /* the largest w:id seen in word/document.xml */
  char protection[16];             /* w:edit of an enforced w:documentProtection, or "" */
} dz_docx_map;

/* The map of a text read from a .docx, or NULL for any other text. */
const dz_docx_map *dz__docx_map(const dz_text *t);

/* Locate decoded offset `off`: its paragraph, its run (-1 for text that no run holds, such
** as a numbering label) and the byte offset inside the run's text. Returns 0, or
** DZ_ENOTFOUND when `off` is not in any paragraph (an LF between paragraphs). */
int dz__docx_locate(const dz_docx_map *m, size_t off, uint32_t *para, long *run, size_t *run_off);
#endif
