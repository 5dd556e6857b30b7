/*
** Word segmentation by jieba's algorithm: a DAG of every dictionary word starting at each
** character, and the path that maximises the product of unigram probabilities freq/total
** (characters not in the dictionary count as frequency 1). Runs of Han characters are
** segmented; an ASCII letter/digit run is one token; any other character is its own token.
*/
#ifndef DZ_LEXICON_SEGMENT_H
#define DZ_LEXICON_SEGMENT_H
#include <stddef.h>
#include <stdint.h>
#include "lexicon/dict.h"

/* Longest word the DAG considers, in characters (jieba's longest useful words are shorter). */
#define DZ_SEG_MAX_WORD 16

typedef struct dz_seg_token {
  size_t start, end; /* byte span in the input */
  uint32_t freq;     /* dictionary frequency, 0 for a word not in the dictionary */
  unsigned flags;    /* DZ_DW_* of the word, 0 when absent */
} dz_seg_token;

/* Best path over the n characters whose byte offsets are off[0..n] in s (off[n] is the end).
** Writes next[i] (the character index where the word starting at i ends) for the path's words
** and returns the path's natural-log probability. next may be NULL; route is n+1 scratch. */
double dz_seg_best(const dz_dict *d, const char *s, const uint32_t *off, int n, int *next,
                   double *route);

/* Segment s[0..len) into tokens. Returns the token count; writes at most `cap` of them. The
** count may exceed cap, in which case the caller retries with a larger buffer.
** Returns DZ_ENOMEM when scratch memory cannot be had. */
long dz_segment(const dz_dict *d, const char *s, size_t len, dz_seg_token *out, size_t cap);

/* The DAG of a short text computed once, so that many windows of it, each with one character
** replaced, can be rescored with only the lookups the replacement needs. */
#define DZ_SEG_CACHE_MAX 160

typedef struct dz_seg_edge {
  uint8_t len;  /* characters */
  float lp;     /* ln(freq) - ln(total) */
} dz_seg_edge;

typedef struct dz_seg_cache {
  int n;
  float lp1[DZ_SEG_CACHE_MAX];      /* single characters (frequency at least 1) */
  uint8_t reach[DZ_SEG_CACHE_MAX];  /* longest r such that s[i..i+k) is in the dictionary (as a
                                       word or a prefix) for every k <= r */
  uint16_t start[DZ_SEG_CACHE_MAX + 1];
  dz_seg_edge e[DZ_SEG_CACHE_MAX * DZ_SEG_MAX_WORD]; /* words of 2+ characters from i */
} dz_seg_cache;

/* Build the cache of the n (<= DZ_SEG_CACHE_MAX) characters at byte offsets off[0..n] of s. */
void dz_seg_cache_build(dz_seg_cache *c, const dz_dict *d, const char *s, const uint32_t *off,
                        int n);

/* Best path over characters [lo, hi) with characters [rlo, rhi) replaced (rlo == rhi: as
** written; words from the cache that touch the range are not used, lookups replace them).
** buf/woff hold the window's text as scored (woff[i - lo] is character i's byte offset in buf,
** woff[hi - lo] the end). Writes next[i - lo] like dz_seg_best; returns the ln-probability. */
double dz_seg_cache_best(const dz_seg_cache *c, const dz_dict *d, const char *buf,
                         const uint32_t *woff, int lo, int hi, int rlo, int rhi, int *next);
#endif
