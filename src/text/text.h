/* Internal layout of dz_text, shared by the text layer and the readers that build texts. */
#ifndef DZ_TEXT_TEXT_H
#define DZ_TEXT_TEXT_H
#include <stdint.h>
#include "duizhao.h"

/* Characters counted per checkpoint for O(1) byte->character column lookups. */
#define DZ_CKPT_SHIFT 6

struct dz_text {
  char *buf;          /* decoded UTF-8, LF line ends, NUL-terminated */
  size_t len;
  uint32_t *map;      /* len+1 original offsets, or NULL when original = decoded + shift */
  size_t shift;       /* bytes skipped before the decoded text (a BOM) when map is NULL */
  size_t orig_len;
  dz_encoding enc;
  char *name;
  size_t *line_starts; /* decoded offset of each line start; nlines entries */
  size_t nlines;
  uint32_t *ckpt;      /* characters before each (1 << DZ_CKPT_SHIFT)-byte block */
  /* A reader may attach its own source map (a .docx keeps paragraph/run positions here). */
  void *attach;
  void (*attach_free)(void *);
};

/* Build a text from valid UTF-8 that the caller has already produced (e.g. a .docx reader):
** CR/CRLF become LF, the map points into `utf8` itself. Takes a copy. */
int dz__text_from_utf8(dz_text **out, const char *utf8, size_t len, const char *name,
                       dz_error *err);

/* Given the GB18030 reading (gb, ngb code points; NULL when the bytes are not GB18030) and
** the Big5 reading of the same bytes, whether Big5 is the more plausible Chinese text
** (src/text/big5.c). */
int dz__prefer_big5(const uint32_t *gb, size_t ngb, const uint32_t *b5, size_t nb5);

/* Finish a text whose buf/len/map are set: builds line and column indexes. */
int dz__text_index(dz_text *t, dz_error *err);
#endif
