/* duizhao text layer: decoding with an offset map back to the original bytes. */
#ifndef DUIZHAO_TEXT_H
#define DUIZHAO_TEXT_H
#ifdef __cplusplus
extern "C" {
#endif

/* Decoded text: UTF-8, NUL-terminated, line endings normalised to LF, with a map from
** every decoded byte back to the original input. Immutable once built, so it may be read
** from several threads at once. */
typedef struct dz_text dz_text;

typedef enum dz_encoding {
  DZ_ENC_UTF8 = 0,
  DZ_ENC_UTF8_BOM,
  DZ_ENC_GB18030,
  DZ_ENC_UTF16LE,
  DZ_ENC_UTF16BE,
  DZ_ENC_BIG5        /* Big5 as Windows writes it (CP950) */
} dz_encoding;

#define DZ_DEFAULT_MAX_BYTES ((size_t)64 << 20) /* 64 MiB */

typedef struct dz_decode_options {
  int version;       /* DZ_DECODE_OPTIONS_VERSION */
  size_t max_bytes;  /* input size limit; 0 means DZ_DEFAULT_MAX_BYTES */
  const char *name;  /* file name used in messages and reports; may be NULL */
} dz_decode_options;

#define DZ_DECODE_OPTIONS_VERSION 1
#define DZ_DECODE_OPTIONS_INIT {DZ_DECODE_OPTIONS_VERSION, 0, NULL}

/* Detect the encoding of `bytes` and decode them. Rejects NUL bytes, binary data,
** undecodable or partly decodable input (DZ_EINVALID) and input past max_bytes
** (DZ_ETOOBIG). `opts` may be NULL. */
int dz_text_decode(dz_text **out, const void *bytes, size_t len,
                   const dz_decode_options *opts, dz_error *err);

/* Read a plain-text file (or stdin when path is "-") and decode it. */
int dz_text_read_file(dz_text **out, const char *path,
                      const dz_decode_options *opts, dz_error *err);

void dz_text_free(dz_text *text);

/* The decoded UTF-8 (borrowed, NUL-terminated). `len` may be NULL. */
const char *dz_text_data(const dz_text *text, size_t *len);

/* The name given at decode time, or "-" (borrowed). */
const char *dz_text_name(const dz_text *text);

dz_encoding dz_text_encoding(const dz_text *text);
const char *dz_encoding_name(dz_encoding enc);

/* Size of the original input in bytes. */
size_t dz_text_orig_size(const dz_text *text);

/* Map a byte offset in the decoded text (0..len) to an offset in the original input. */
size_t dz_text_orig_offset(const dz_text *text, size_t decoded_off);

/* Map an original offset back to the decoded text (the first decoded byte at or after it). */
size_t dz_text_decoded_offset(const dz_text *text, size_t orig_off);

/* 1-based line and column (in characters) of a decoded offset, in O(log n). */
void dz_text_linecol(const dz_text *text, size_t decoded_off, size_t *line, size_t *col);

/* Number of lines (a final line without LF counts; an empty text has 1 line). */
size_t dz_text_line_count(const dz_text *text);

/* Decoded [start, end) of 1-based line `line` without its LF. Returns DZ_ENOTFOUND past the end. */
int dz_text_line_span(const dz_text *text, size_t line, size_t *start, size_t *end);

#ifdef __cplusplus
}
#endif
#endif
