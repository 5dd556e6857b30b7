/*
** A streaming JSON writer into a dz_buf that reproduces, byte for byte, what jansson's
** json_dumpf(JSON_INDENT(2) | JSON_REAL_PRECISION(6)) printed for the originality reports
** (schema 1 outputs must not change): two-space indentation, ": " after keys, reals as %.6g
** with ".0" added to whole numbers, strings escaped as jansson does, and a string member that
** is not valid UTF-8 left out (jansson refused to create it). Building a jansson tree cost
** about half of a report's rendering time.
*/
#ifndef DZ_SIM_JSONW_H
#define DZ_SIM_JSONW_H
#include <stddef.h>
#include <stdint.h>
#include "util/buf.h"

#define DZ_JSONW_DEPTH 16

typedef struct dz_jsonw {
  dz_buf *b;
  int depth;
  unsigned char first[DZ_JSONW_DEPTH]; /* nothing written yet at this depth */
} dz_jsonw;

void dz__jw_open(dz_jsonw *w, char c);   /* '{' or '[' */
void dz__jw_close(dz_jsonw *w, char c);  /* '}' or ']' */
void dz__jw_key(dz_jsonw *w, const char *key);
void dz__jw_elem(dz_jsonw *w);           /* before an array element */
void dz__jw_int(dz_jsonw *w, int64_t v);
void dz__jw_real(dz_jsonw *w, double v);
void dz__jw_null(dz_jsonw *w);
/* A string member: skipped altogether when s is NULL or not valid UTF-8. */
void dz__jw_str_member(dz_jsonw *w, const char *key, const char *s);
/* A string array element, skipped likewise. */
void dz__jw_str_elem(dz_jsonw *w, const char *s);
void dz__jw_int_member(dz_jsonw *w, const char *key, int64_t v);
void dz__jw_real_member(dz_jsonw *w, const char *key, double v);
#endif
