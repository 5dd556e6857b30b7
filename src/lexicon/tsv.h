/* Reading the curated TSV lists in data/lexicon/: one entry a line, fields separated by one
** TAB, `#` comment lines and blank lines skipped. The reader splits a private, mutable copy
** of the file in place, so fields are NUL-terminated strings that live as long as the copy. */
#ifndef DZ_LEXICON_TSV_H
#define DZ_LEXICON_TSV_H
#include <stddef.h>

#define DZ_TSV_MAX_FIELDS 8

typedef struct dz_tsv {
  char *buf;   /* the mutable copy (owned by whoever owns the lexicon) */
  size_t len, pos;
  size_t line; /* 1-based line of the record just returned */
} dz_tsv;

/* Start reading `buf` (len bytes, NUL-terminated, modified in place). */
void dz_tsv_init(dz_tsv *t, char *buf, size_t len);

/* Next record: fields[0..*nfields) point into the buffer (missing trailing fields are "").
** Returns 1 for a record, 0 at the end. */
int dz_tsv_next(dz_tsv *t, char **fields, int *nfields);

/* Split `s` at each `sep` byte in place; up to max pieces into out. Empty input gives 0
** pieces; empty pieces are dropped. Returns the count. */
size_t dz_split_inplace(char *s, char sep, char **out, size_t max);
#endif
