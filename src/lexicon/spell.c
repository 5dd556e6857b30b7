/*
** Statistical spelling check (include/duizhao/spell.h). For each run of Han characters:
**
**  1. Candidates: every span of 2..DZ_DICT_VAR_MAX characters is looked up in the dictionary's
**     one-character-wildcard index; a dictionary word that differs from the span in exactly one
**     character, where the two characters are confusable (same or fuzzy pinyin, look-alike
**     shape), proposes "replace that character". This finds 总休→总体 and 机智→机制 alike.
**  2. Scoring (noisy channel): the window of DZ_SPELL_WINDOW characters either side is
**     segmented with and without the replacement (jieba's unigram model, segment.h); the gain
**     is the log-probability difference minus the log-cost of that kind of slip.
**  3. Precision first: a replacement is reported only when its gain clears zero, positions in
**     the caller's words or in words the dictionary marks as person names are never touched,
**     and at most one change is reported per neighbourhood (the best).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duizhao.h"
#include "lexicon/dict.h"
#include "lexicon/lm.h"
#include "lexicon/pinyin.h"
#include "lexicon/segment.h"
#include "lexicon/spell_model.h"
#include "text/utf8.h"
#include "util/error.h"

#define DZ_SPELL_CHUNK DZ_SEG_CACHE_MAX /* longest run scored at once; longer runs are cut */
#define DZ_SPELL_MAX_CANDS 2048 /* per chunk; more are dropped (cap against pathological text) */

struct dz_speller {
  dz_dict *dict;
  dz_lm *lm; /* NULL: unigram scoring only */
  char **words; /* the caller's words */
  size_t n_words, cap_words;
  double min_conf;
  dz_spell_params params;
};

typedef struct cand {
  int pos;       /* character index in the chunk */
  uint32_t cp;   /* replacement */
  int rel;       /* dz_confusion */
  double gain;
} cand;

typedef struct run_ctx {
  const dz_speller *sp;
  const uint32_t *cps;
  const unsigned char *guard; /* positions never changed */
  int a, len, j;
  double span_lp;   /* ln-probability of the span as written (-HUGE_VAL when it is no word) */
  double log_ratio; /* ln(params.min_ratio) */
  cand *cands;
  int n_cands;
} run_ctx;

int dz_spell_new(dz_speller **out, const dz_spell_options *opts, dz_error *err) {
  dz_speller *sp = calloc(1, sizeof *sp);
  if (!sp) return dz__error_nomem(err);
  int rc = dz_dict_open(&sp->dict, opts ? opts->dict_path : NULL, err);
  if (rc) {
    free(sp);
    return rc;
  }
  sp->min_conf = opts && opts->min_confidence > 0 ? opts->min_confidence : 0.5;
  if (dz_lm_open(&sp->lm, NULL)) sp->lm = NULL;
  dz_spell_params_default(&sp->params, sp->lm != NULL);
  *out = sp;
  return DZ_OK;
}

void dz_spell_free(dz_speller *sp) {
  if (!sp) return;
  for (size_t i = 0; i < sp->n_words; i++) free(sp->words[i]);
  free(sp->words);
  dz_dict_free(sp->dict);
  dz_lm_free(sp->lm);
  free(sp);
}

int dz_spell_add_word(dz_speller *sp, const char *word, dz_error *err) {
  if (!word || !*word) return dz__error_set(err, DZ_EINVALID, "用户词典中有空词条");
  if (sp->n_words == sp->cap_words) {
    size_t cap = sp->cap_words ? sp->cap_words * 2 : 16;
    char **w = realloc(sp->words, cap * sizeof *w);
    if (!w) return dz__error_nomem(err);
    sp->words = w, sp->cap_words = cap;
  }
  char *c = strdup(word);
  if (!c) return dz__error_nomem(err);
  sp->words[sp->n_words++] = c;
  return DZ_OK;
}

/* Internal: the tunable constants (bench and tests adjust them). */
dz_spell_params *dz_spell__params(dz_speller *sp) { return &sp->params; }
const dz_dict *dz_spell__dict(const dz_speller *sp) { return sp->dict; }

/* Wildcard-index callback: keep a confusable replacement for position a+j. */
static void on_variant(void *vctx, const char *w, size_t wn, uint32_t cp, uint32_t freq) {
  (void)w, (void)wn;
  run_ctx *c = vctx;
  int pos = c->a + c->j;
  uint32_t orig = c->cps[pos];
  if (cp == orig || c->n_cands >= DZ_SPELL_MAX_CANDS) return;
  /* The replacement must make a word more frequent than the span as written. */
  if (log((double)freq) - dz_dict_log_total(c->sp->dict) <= c->span_lp + c->log_ratio) return;
  dz_confusion rel = dz_dict_syllable(c->sp->dict, orig) == dz_dict_syllable(c->sp->dict, cp)
                         ? DZ_CONF_SAME_PINYIN : DZ_CONF_FUZZY_PINYIN;
  for (int i = c->n_cands - 1; i >= 0 && c->cands[i].pos == pos; i--)
    if (c->cands[i].cp == cp) return;
  c->cands[c->n_cands++] = (cand){pos, cp, (int)rel, 0};
}

/* ln-probability of the word s[a..a+len) from the DAG cache; -HUGE_VAL when it is no word. */
static double span_lp(const dz_seg_cache *dc, int a, int len) {
  for (int e = dc->start[a]; e < dc->start[a + 1]; e++)
    if (dc->e[e].len == len) return dc->e[e].lp;
  return -HUGE_VAL;
}

/* Look-alike candidates: replace a character by one that looks like it when that makes a
** dictionary word of 2..DZ_DICT_VAR_MAX characters with its neighbours. */
static void shape_candidates(const dz_seg_cache *dc, const dz_dict *d, const char *s,
                             const uint32_t *off, const uint32_t *cps, int n,
                             const unsigned char *guard, run_ctx *c) {
  double lt = dz_dict_log_total(d);
  char w[DZ_DICT_VAR_MAX * 4 + 4];
  for (int pos = 0; pos < n; pos++) {
    if (guard[pos]) continue;
    size_t nl;
    const uint32_t *look = dz_dict_lookalikes(d, cps[pos], &nl);
    for (size_t li = 0; li < nl && c->n_cands < DZ_SPELL_MAX_CANDS; li++) {
      uint32_t cp = look[li];
      if (!(pos > 0 && dz_dict_pair_maybe(d, cps[pos - 1], cp)) &&
          !(pos + 1 < n && dz_dict_pair_maybe(d, cp, cps[pos + 1])))
        continue;
      int found = 0;
      for (int a = pos - DZ_DICT_VAR_MAX + 1 < 0 ? 0 : pos - DZ_DICT_VAR_MAX + 1; a <= pos && !found; a++)
        for (int len = 2; len <= DZ_DICT_VAR_MAX && a + len <= n && !found; len++) {
          if (a + len <= pos) continue;
          if (a < pos && dc->reach[a] < pos - a) break; /* no word of the text reaches pos */
          size_t b = 0;
          for (int i = a; i < a + len; i++) {
            if (i == pos) b += (size_t)dz_utf8_put(w + b, cp);
            else memcpy(w + b, s + off[i], off[i + 1] - off[i]), b += off[i + 1] - off[i];
          }
          int64_t wf = dz_dict_lookup(d, w, b, NULL);
          if (wf < 0) break; /* not even a prefix: longer spans from a cannot be words */
          if (wf == 0) continue;
          found = log((double)wf) - lt > span_lp(dc, a, len) + c->log_ratio;
        }
      if (!found || dz_pinyin_confusion(d, cps[pos], cp) != DZ_CONF_SHAPE) continue;
      int dup = 0;
      for (int i = 0; i < c->n_cands; i++)
        if (c->cands[i].pos == pos && c->cands[i].cp == cp) dup = 1;
      if (!dup) c->cands[c->n_cands++] = (cand){pos, cp, DZ_CONF_SHAPE, 0};
    }
  }
}

/* Score of the window [lo, hi) of the chunk with position `pos` replaced by `cp` (cp 0: as
** written). Writes the replaced window's text into buf and its offsets into woff when asked. */
static double window_score(const dz_seg_cache *dc, const dz_dict *d, const char *s,
                           const uint32_t *off, int lo, int hi, int pos, uint32_t cp, char *buf,
                           uint32_t *woff, int *next) {
  size_t b = 0;
  for (int i = lo; i < hi; i++) {
    woff[i - lo] = (uint32_t)b;
    if (i == pos && cp) b += (size_t)dz_utf8_put(buf + b, cp);
    else {
      memcpy(buf + b, s + off[i], off[i + 1] - off[i]);
      b += off[i + 1] - off[i];
    }
  }
  woff[hi - lo] = (uint32_t)b;
  return dz_seg_cache_best(dc, d, buf, woff, lo, hi, cp ? pos : -1, next);
}

/* Natural-log score of a window: the unigram path score, blended with the language model's
** score of the same words when there is a model. */
static double blend(const dz_speller *sp, double uni, const char *buf, const uint32_t *woff,
                    const int *next, int n) {
  const dz_spell_params *p = &sp->params;
  if (!sp->lm || p->lm_weight == 0) return uni;
  const char *w[2 * DZ_SPELL_WINDOW + 2];
  size_t l[2 * DZ_SPELL_WINDOW + 2];
  int k = 0;
  for (int i = 0; i < n; i = next[i], k++) w[k] = buf + woff[i], l[k] = woff[next[i]] - woff[i];
  return p->uni_weight * uni + p->lm_weight * 2.302585093 * dz_lm_score(sp->lm, w, l, k);
}

/* Log-cost of a slip of kind `rel` (natural log, positive). */
static double slip_cost(const dz_spell_params *p, int rel) {
  switch (rel) {
  case DZ_CONF_SAME_PINYIN: return p->cost_same;
  case DZ_CONF_FUZZY_PINYIN: return p->cost_fuzzy;
  default: return p->cost_shape;
  }
}

static int by_gain(const void *x, const void *y) {
  double a = ((const cand *)x)->gain, b = ((const cand *)y)->gain;
  return a < b ? 1 : a > b ? -1 : 0;
}

typedef struct hitvec {
  dz_spell_hit *v;
  size_t n, cap;
} hitvec;

static int push_hit(hitvec *h, const dz_spell_hit *x) {
  if (h->n == h->cap) {
    size_t cap = h->cap ? h->cap * 2 : 8;
    dz_spell_hit *v = realloc(h->v, cap * sizeof *v);
    if (!v) return DZ_ENOMEM;
    h->v = v, h->cap = cap;
  }
  h->v[h->n++] = *x;
  return DZ_OK;
}

/* Copy s[a..b) into a fixed buffer, truncating on a character boundary. */
static void copy_word(char *dst, size_t cap, const char *s, size_t n) {
  if (n >= cap) {
    n = cap - 1;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
  }
  memcpy(dst, s, n);
  dst[n] = 0;
}

/* Check one chunk of n Han characters starting at byte `base` of the text. */
static int check_chunk(const dz_speller *sp, const char *text, size_t base, const uint32_t *cps,
                       const uint32_t *off, int n, hitvec *hits) {
  const dz_dict *d = sp->dict;
  const dz_spell_params *p = &sp->params;
  const char *s = text + base;
  unsigned char guard[DZ_SPELL_CHUNK];
  memset(guard, 0, sizeof guard);

  /* Guard the caller's words and person names of the segmentation as written. */
  for (size_t w = 0; w < sp->n_words; w++) {
    size_t wl = strlen(sp->words[w]);
    const char *from = s, *end = s + off[n];
    const char *hit;
    while (wl && (hit = memmem(from, (size_t)(end - from), sp->words[w], wl))) {
      size_t hb = (size_t)(hit - s), he = hb + wl;
      for (int i = 0; i < n; i++)
        if (off[i] < he && off[i + 1] > hb) guard[i] = 1;
      from = hit + 1;
    }
  }
  int next[DZ_SPELL_CHUNK + 1];
  dz_seg_cache dc;
  dz_seg_cache_build(&dc, d, s, off, n);
  dz_seg_cache_best(&dc, d, s, off, 0, n, -1, next);
  for (int i = 0; i < n; i = next[i]) {
    unsigned fl = 0;
    if (next[i] - i >= 2 && dz_dict_lookup(d, s + off[i], off[next[i]] - off[i], &fl) > 0 &&
        (fl & DZ_DW_NAME))
      for (int k = i; k < next[i]; k++) guard[k] = 1;
  }

  /* 1. Candidates from the wildcard index. */
  cand cands[DZ_SPELL_MAX_CANDS];
  run_ctx c = {sp, cps, guard, 0, 0, 0, 0, log(p->min_ratio), cands, 0};
  for (int a = 0; a < n; a++)
    for (int len = 2; len <= DZ_DICT_VAR_MAX && a + len <= n; len++) {
      double slp = span_lp(&dc, a, len);
      for (int j = 0; j < len; j++) {
        if (guard[a + j]) continue;
        c.a = a, c.len = len, c.j = j, c.span_lp = slp;
        dz_dict_variants(d, cps + a, len, j, on_variant, &c);
      }
    }
  shape_candidates(&dc, d, s, off, cps, n, guard, &c);
  if (!c.n_cands) return DZ_OK;

  /* 2. Rescore each candidate in its window. */
  char buf[(2 * DZ_SPELL_WINDOW + 1) * 4 + 4];
  uint32_t woff[2 * DZ_SPELL_WINDOW + 2];
  int wnext[2 * DZ_SPELL_WINDOW + 2];
  int last_pos = -1;
  double orig = 0;
  for (int i = 0; i < c.n_cands; i++) {
    cand *k = &cands[i];
    int lo = k->pos - DZ_SPELL_WINDOW < 0 ? 0 : k->pos - DZ_SPELL_WINDOW;
    int hi = k->pos + DZ_SPELL_WINDOW + 1 > n ? n : k->pos + DZ_SPELL_WINDOW + 1;
    if (k->pos != last_pos) {
      orig = window_score(&dc, d, s, off, lo, hi, k->pos, 0, buf, woff, wnext);
      orig = blend(sp, orig, buf, woff, wnext, hi - lo);
      last_pos = k->pos;
    }
    double sc = window_score(&dc, d, s, off, lo, hi, k->pos, k->cp, buf, woff, wnext);
    sc = blend(sp, sc, buf, woff, wnext, hi - lo);
    k->gain = sc - orig - slip_cost(p, k->rel);
    if (getenv("DZ_SPELL_DEBUG")) fprintf(stderr, "pos %d cp %x lo %d hi %d orig %.2f new %.2f gain %.2f\n", k->pos, k->cp, lo, hi, orig, sc, k->gain);
  }

  /* 3. Best first; one change per neighbourhood. */
  qsort(cands, (size_t)c.n_cands, sizeof *cands, by_gain);
  int taken[DZ_SPELL_CHUNK];
  int n_taken = 0;
  for (int i = 0; i < c.n_cands; i++) {
    cand *k = &cands[i];
    double conf = 1.0 / (1.0 + exp(-(k->gain - p->min_gain)));
    if (conf < sp->min_conf) break;
    int clash = 0;
    for (int t = 0; t < n_taken; t++)
      if (abs(taken[t] - k->pos) < p->min_distance) clash = 1;
    if (clash) continue;
    taken[n_taken++] = k->pos;

    /* The flagged word: the word of the corrected window's segmentation holding pos. */
    int lo = k->pos - DZ_SPELL_WINDOW < 0 ? 0 : k->pos - DZ_SPELL_WINDOW;
    int hi = k->pos + DZ_SPELL_WINDOW + 1 > n ? n : k->pos + DZ_SPELL_WINDOW + 1;
    window_score(&dc, d, s, off, lo, hi, k->pos, k->cp, buf, woff, wnext);
    int ws = 0;
    while (wnext[ws] <= k->pos - lo) ws = wnext[ws];
    int we = wnext[ws];
    dz_spell_hit h;
    memset(&h, 0, sizeof h);
    h.start = base + off[lo + ws];
    h.end = base + off[lo + we];
    h.cstart = base + off[k->pos];
    h.cend = base + off[k->pos + 1];
    copy_word(h.original, sizeof h.original, text + h.start, h.end - h.start);
    copy_word(h.suggestion, sizeof h.suggestion, buf + woff[ws], woff[we] - woff[ws]);
    h.confidence = conf;
    h.kind = (we - ws >= 2 && dz_dict_lookup(d, text + h.start, h.end - h.start, NULL) > 0)
                 ? DZ_SPELL_WORD : DZ_SPELL_CHAR;
    if (push_hit(hits, &h)) return DZ_ENOMEM;
  }
  return DZ_OK;
}

static int by_start(const void *x, const void *y) {
  const dz_spell_hit *a = x, *b = y;
  return a->cstart < b->cstart ? -1 : a->cstart > b->cstart;
}

int dz_spell_check(dz_spell_hit **out, size_t *n, const dz_speller *sp, const char *text,
                   size_t len, dz_error *err) {
  hitvec hits = {0};
  uint32_t cps[DZ_SPELL_CHUNK], off[DZ_SPELL_CHUNK + 1];
  size_t i = 0;
  while (i < len) {
    size_t j = i;
    uint32_t c = dz_utf8_next(text, len, &j);
    if (!dz_is_han(c)) {
      i = j;
      continue;
    }
    /* A chunk: up to DZ_SPELL_CHUNK consecutive Han characters. */
    size_t base = i, p = i;
    int k = 0;
    while (p < len && k < DZ_SPELL_CHUNK) {
      size_t q = p;
      uint32_t cp = dz_utf8_next(text, len, &q);
      if (!dz_is_han(cp)) break;
      cps[k] = cp;
      off[k++] = (uint32_t)(p - base);
      p = q;
    }
    off[k] = (uint32_t)(p - base);
    if (k >= 2 && check_chunk(sp, text, base, cps, off, k, &hits)) {
      free(hits.v);
      return dz__error_nomem(err);
    }
    i = p;
  }
  if (hits.n) qsort(hits.v, hits.n, sizeof *hits.v, by_start);
  *out = hits.v;
  *n = hits.n;
  return DZ_OK;
}

void dz_spell_hits_free(dz_spell_hit *hits) { free(hits); }
