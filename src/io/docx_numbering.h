/* Automatic numbering of a .docx (numbering.xml and paragraph styles): the visible labels. */
#ifndef DZ_IO_DOCX_NUMBERING_H
#define DZ_IO_DOCX_NUMBERING_H
#include "io/zipin.h"
#include "util/buf.h"

typedef struct dz__numdefs dz__numdefs;

/* Parse word/numbering.xml and word/styles.xml (both optional). *out may be NULL-free. */
int dz__numdefs_load(dz__numdefs **out, dz_zipin *z, dz_error *err);
void dz__numdefs_free(dz__numdefs *n);

/* The label a paragraph shows, appended to `out`, counters advanced. num_id/ilvl are the
** paragraph's own w:numPr values (-1 when absent); pstyle its w:pStyle (or NULL). */
void dz__numdefs_label(dz__numdefs *n, int num_id, int ilvl, const char *pstyle, dz_buf *out);

/* Format `v` in a Word number format (w:numFmt), e.g. chineseCounting 11 -> 十一. */
void dz__numfmt(dz_buf *out, const char *fmt, int v);
#endif
