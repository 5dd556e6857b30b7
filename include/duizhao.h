/*
** duizhao (对照): hold Chinese official documents against the standards they must meet.
**
** This is the only header a user includes. It is split into one section per module
** (include/duizhao/<module>.h), in the order data flows: text -> doc -> check -> sim ...
**
** Conventions (see docs/api.md):
**  - Functions that can fail return 0 (DZ_OK) or a negative DZ_E* code; results come back
**    through the first parameter, `out`, which is set only on success.
**  - Whatever comes back through `**out` belongs to the caller and is released with the
**    matching NULL-safe dz_*_free. Pointers returned directly are borrowed from their parent.
**  - A dz_error, when the caller passes one, receives a one-line message in Chinese.
**    There is no global or thread-local error state and no init call.
**  - Spans are [start, end) byte offsets. Public accessors return offsets into the ORIGINAL
**    input bytes; line and column (1-based, in characters) are derived from them.
*/
#ifndef DUIZHAO_H
#define DUIZHAO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DZ_VERSION_STRING "0.1.0"

/* Error codes. Keep this list short; propagate lower codes instead of overwriting them. */
enum {
  DZ_OK = 0,
  DZ_ENOMEM = -1,    /* out of memory */
  DZ_EIO = -2,       /* a file could not be read or written */
  DZ_EINVALID = -3,  /* the input is malformed: binary, bad encoding, corrupt file */
  DZ_ENOTFOUND = -4, /* a named thing (file, profile, rule) does not exist */
  DZ_EUSER = -5,     /* a callback asked to stop */
  DZ_ETOOBIG = -6,   /* the input is past a configured size limit */
  DZ_EFORMAT = -7    /* a file type we do not read (.doc, .wps, pdf ...) */
};

/* Caller-allocated error record. Every failing call that receives one fills it. */
typedef struct dz_error {
  int code;
  char message[512]; /* UTF-8, Simplified Chinese, one line */
} dz_error;

/* The library version, e.g. "0.1.0". */
const char *dz_version(void);

/* A short Chinese description of an error code (static string). */
const char *dz_strerror(int code);

#ifdef __cplusplus
}
#endif

#include "duizhao/text.h"
#include "duizhao/io.h"
#include "duizhao/doc.h"
#include "duizhao/check.h"
#include "duizhao/spell.h"
#include "duizhao/docx.h"
#include "duizhao/sim.h"
#include "duizhao/server.h"

#endif /* DUIZHAO_H */
