/* Reading entries of a zip held in memory, with limits against zip bombs. */
#ifndef DZ_IO_ZIPIN_H
#define DZ_IO_ZIPIN_H
#include "io/zip_load.h"
#include "duizhao.h"

/* Caps (see docs/docx.md): no .docx we accept unpacks past 200 MiB in total, and no entry
** larger than 16 MiB may expand more than 100:1. Typical Word XML compresses 5-15:1, but a
** long document that repeats itself can pass 100:1 at a few MiB, so smaller entries are
** bounded by the total alone. */
#define DZ_ZIP_MAX_TOTAL ((uint64_t)200 << 20)
#define DZ_ZIP_MAX_RATIO 100
#define DZ_ZIP_RATIO_FLOOR ((uint64_t)16 << 20)

typedef struct dz_zipin {
  zip_t *za;
  const char *name;  /* file name for messages */
  uint64_t total;    /* bytes unpacked so far */
} dz_zipin;

/* Open (loading libzip on first use); a corrupt or non-zip buffer gets the Chinese "damaged"
** message. */
int dz__zip_open(dz_zipin *z, const void *bytes, size_t len, const char *name, dz_error *err);
void dz__zip_close(dz_zipin *z);

/* The number of entries, and the name of entry i (NULL for a bad index). */
zip_int64_t dz__zip_count(dz_zipin *z);
const char *dz__zip_name(dz_zipin *z, zip_int64_t i);

/* Whether the entry exists. */
int dz__zip_has(dz_zipin *z, const char *entry);

/* Feed an entry to `sink` in chunks (streaming); DZ_ENOTFOUND (no message) when absent.
** A sink returning non-zero stops with that code. */
typedef int (*dz_zip_sink)(void *ud, const char *chunk, size_t n, int last);
int dz__zip_stream(dz_zipin *z, const char *entry, dz_zip_sink sink, void *ud, dz_error *err);

/* Read a whole entry (malloc'd, NUL-terminated). */
int dz__zip_read(dz_zipin *z, const char *entry, char **out, size_t *len, dz_error *err);

/* Chinese messages shared by the readers. */
int dz__zip_error_corrupt(dz_error *err, const char *name);
#endif
