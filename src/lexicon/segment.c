/*
** jieba's DAG + maximum-probability path (see segment.h). Kept allocation-free in the inner
** function so that the spelling checker can rescore many short windows per sentence.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon/segment.h"
#include "text/utf8.h"

/* Right-to-left dynamic programme over the DAG, allocation-free (route is the caller's). */
double dz_seg_best(const dz_dict *d, const char *s, const uint32_t *off, int n, int *next,
                   double *route) {
  double lt = dz_dict_log_total(d);
  route[n] = 0;
  for (int i = n - 1; i >= 0; i--) {
    /* The single character is always an edge, with frequency at least 1. */
    int64_t f1 = dz_dict_lookup(d, s + off[i], off[i + 1] - off[i], NULL);
    double best = log(f1 > 0 ? (double)f1 : 1.0) - lt + route[i + 1];
    int bk = i + 1;
    if (f1 >= 0) {
      int lim = n - i < DZ_SEG_MAX_WORD ? n : i + DZ_SEG_MAX_WORD;
      for (int k = i + 2; k <= lim; k++) {
        int64_t f = dz_dict_lookup(d, s + off[i], off[k] - off[i], NULL);
        if (f < 0) break;
        if (f == 0) continue;
        double sc = log((double)f) - lt + route[k];
        if (sc > best) best = sc, bk = k;
      }
    }
    route[i] = best;
    if (next) next[i] = bk;
  }
  return route[0];
}

/* ASCII letters and digits form one token, as in jieba's default pattern. */
static int is_alnum(uint32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Append a token if there is room; always counts it. */
static void emit(const dz_dict *d, const char *s, size_t a, size_t b, dz_seg_token *out,
                 size_t cap, long *cnt) {
  if ((size_t)*cnt < cap) {
    unsigned fl = 0;
    int64_t f = dz_dict_lookup(d, s + a, b - a, &fl);
    out[*cnt] = (dz_seg_token){a, b, f > 0 ? (uint32_t)f : 0, f > 0 ? fl : 0};
  }
  (*cnt)++;
}

/* Han runs through the DAG; other characters as single tokens or ASCII runs. */
long dz_segment(const dz_dict *d, const char *s, size_t len, dz_seg_token *out, size_t cap) {
  long cnt = 0;
  size_t i = 0;
  uint32_t *off = NULL;
  int *next = NULL;
  double *route = NULL;
  size_t room = 0;
  while (i < len) {
    size_t a = i, j = i;
    uint32_t c = dz_utf8_next(s, len, &j);
    if (dz_is_han(c)) {
      /* Collect the Han run's character offsets. */
      size_t nchar = 0, p = i;
      while (p < len) {
        size_t q = p;
        if (!dz_is_han(dz_utf8_next(s, len, &q))) break;
        if (nchar + 2 > room) {
          room = room ? room * 2 : 256;
          uint32_t *o2 = realloc(off, room * sizeof *off);
          if (o2) off = o2;
          int *n2 = realloc(next, room * sizeof *next);
          if (n2) next = n2;
          double *r2 = realloc(route, room * sizeof *route);
          if (r2) route = r2;
          if (!o2 || !n2 || !r2) { cnt = DZ_ENOMEM; goto done; }
        }
        off[nchar++] = (uint32_t)(p - a);
        p = q;
      }
      off[nchar] = (uint32_t)(p - a);
      dz_seg_best(d, s + a, off, (int)nchar, next, route);
      for (int k = 0; k < (int)nchar; k = next[k]) emit(d, s, a + off[k], a + off[next[k]], out, cap, &cnt);
      i = p;
    } else if (is_alnum(c)) {
      size_t p = j;
      while (p < len) {
        size_t q = p;
        if (!is_alnum(dz_utf8_next(s, len, &q))) break;
        p = q;
      }
      emit(d, s, a, p, out, cap, &cnt);
      i = p;
    } else {
      emit(d, s, a, j, out, cap, &cnt);
      i = j;
    }
  }
done:
  free(off);
  free(next);
  free(route);
  return cnt;
}

/* One pass of lookups per character; later windows reuse the edges. */
void dz_seg_cache_build(dz_seg_cache *c, const dz_dict *d, const char *s, const uint32_t *off,
                        int n) {
  double lt = dz_dict_log_total(d);
  int ne = 0;
  c->n = n;
  for (int i = 0; i < n; i++) {
    c->start[i] = (uint16_t)ne;
    int64_t f1 = dz_dict_lookup(d, s + off[i], off[i + 1] - off[i], NULL);
    c->lp1[i] = (float)(log(f1 > 0 ? (double)f1 : 1.0) - lt);
    int r = f1 >= 0 ? 1 : 0;
    if (f1 >= 0) {
      int lim = n - i < DZ_SEG_MAX_WORD ? n : i + DZ_SEG_MAX_WORD;
      for (int k = i + 2; k <= lim; k++) {
        int64_t f = dz_dict_lookup(d, s + off[i], off[k] - off[i], NULL);
        if (f < 0) break;
        r = k - i;
        if (f > 0) c->e[ne++] = (dz_seg_edge){(uint8_t)(k - i), (float)(log((double)f) - lt)};
      }
    }
    c->reach[i] = (uint8_t)r;
  }
  c->start[n] = (uint16_t)ne;
}

/* Like dz_seg_best, but cached edges stand in for lookups that the replacement cannot change. */
double dz_seg_cache_best(const dz_seg_cache *c, const dz_dict *d, const char *buf,
                         const uint32_t *woff, int lo, int hi, int rlo, int rhi, int *next) {
  double lt = dz_dict_log_total(d);
  double route[DZ_SEG_CACHE_MAX + 1];
  route[hi - lo] = 0;
  for (int i = hi - 1; i >= lo; i--) {
    double best;
    if (i >= rlo && i < rhi) {
      int64_t f1 = dz_dict_lookup(d, buf + woff[i - lo], woff[i - lo + 1] - woff[i - lo], NULL);
      best = log(f1 > 0 ? (double)f1 : 1.0) - lt;
    } else {
      best = c->lp1[i];
    }
    best += route[i + 1 - lo];
    int bk = i + 1;
    /* Cached words that do not touch the replaced characters. */
    for (int e = c->start[i]; e < c->start[i + 1]; e++) {
      int k = i + c->e[e].len;
      if (k > hi) break;
      if (i < rhi && k > rlo) continue;
      double sc = c->e[e].lp + route[k - lo];
      if (sc > best) best = sc, bk = k;
    }
    /* Words through the replaced characters: only from starts whose prefix chain reaches them. */
    if (i < rhi && (i >= rlo || c->reach[i] >= rlo - i)) {
      int lim = hi - i < DZ_SEG_MAX_WORD ? hi : i + DZ_SEG_MAX_WORD;
      for (int k = (rlo + 1 > i + 2 ? rlo + 1 : i + 2); k <= lim; k++) {
        int64_t f = dz_dict_lookup(d, buf + woff[i - lo], woff[k - lo] - woff[i - lo], NULL);
        if (f < 0) break;
        if (f == 0) continue;
        double sc = log((double)f) - lt + route[k - lo];
        if (sc > best) best = sc, bk = k;
      }
    }
    route[i - lo] = best;
    if (next) next[i - lo] = bk - lo;
  }
  return route[0];
}
