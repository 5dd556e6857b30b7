/* Recognising numbering markers: heading numbers (一、 （一） 1. （1）), point markers
** (一是, 首先, 第一) and example markers (如：, 比如, 例如). */
#ifndef DZ_DOC_MARKER_H
#define DZ_DOC_MARKER_H
#include <stddef.h>
#include "duizhao.h"

typedef struct dz_marker {
  dz_numbering style;
  int level;    /* heading level 1-4; 0 for points */
  int ordinal;  /* 1-based; 0 for 最后 */
  size_t len;   /* bytes the marker occupies (including its punctuation) */
} dz_marker;

/* Parse a Chinese numeral of 1-99 (一 … 九十九, 〇/零 not leading) at s[0..n).
** Returns its value and sets *used to the bytes consumed, or 0 when there is none. */
int dz_cn_numeral(const char *s, size_t n, size_t *used);

/* A heading marker at the start of s[0..n)? Fills *m and returns 1. */
int dz_match_heading(const char *s, size_t n, dz_marker *m);

/* A point marker (一是 / 首先， / 第一，) at the start of s[0..n)? Fills *m and returns 1. */
int dz_match_point(const char *s, size_t n, dz_marker *m);

/* An example marker (如： 如， 比如 例如 譬如) at the start of s[0..n)? Returns its length or 0.
** `after_delim` says whether the previous character was a clause delimiter or the start of
** the text: bare 如 is only an example marker there (如何 / 如果 never are). */
size_t dz_match_example(const char *s, size_t n, int after_delim);
#endif
