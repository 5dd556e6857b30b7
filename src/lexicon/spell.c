/*
** Statistical spelling check (include/duizhao/spell.h). For each run of Han characters:
**
**  1. Candidates (spell_cand.c): sound-alike words from the dictionary's pinyin index and
**     look-alike characters from the Cangjie lists, each replacing one or two characters.
**  2. Scoring (noisy channel): the window of DZ_SPELL_WINDOW characters either side is
**     segmented with and without the replacement; the window's score blends jieba's unigram
**     path probability with libime's trigram language model over the same words (when the
**     build has it). The gain is the score difference minus the log-cost of that kind of slip,
**     corrected by the word as written that holds the change (slip_cost).
**  3. Precision first: a replacement is reported only when its gain clears params.min_gain
**     (a sentence policy adds and withholds changes sentence by sentence, spell_model.h),
**     positions in the caller's words, in words the dictionary marks as person names and in
**     the names of small places (before 村, 镇, ...) are never touched, and changes closer
**     than params.min_distance keep only the best.
**  4. Iterative correction: the surest changes (params.iter_conf) are applied to a working copy
**     of the run, and the candidates whose windows hold one are generated and scored again in
**     that corrected context (two errors close together each spoil the other's window). Two
**     close changes that are both unsure are scored jointly (the second with the first applied)
**     and fixed together when the pair is sure enough. Hits keep the offsets and the characters
**     of the text as written.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "duizhao.h"
#include "lexicon/dict.h"
#include "lexicon/lm.h"
#include "lexicon/segment.h"
#include "lexicon/spell_cand.h"
#include "lexicon/spell_model.h"
#include "text/utf8.h"
#include "util/error.h"

#define DZ_SPELL_CHUNK DZ_SEG_CACHE_MAX /* longest run scored at once; longer runs are cut */
/* Longest window in characters: the context either side, the changed span, and the two words
** cut at its ends. */
#define DZ_SPELL_SPAN (2 * DZ_SPELL_WINDOW + DZ_DICT_VAR_MAX + 2 * DZ_SEG_MAX_WORD)

struct dz_speller {
  dz_dict *dict;
  dz_lm *lm; /* NULL: unigram scoring only */
  char **words; /* the caller's words */
  size_t n_words, cap_words;
  double min_conf; /* > 0: a plain threshold set by the caller; 0: the sentence policy */
  dz_spell_params params;
};

/* The dictionary is required; the language model is optional (unigram scoring without it). */
int dz_spell_new(dz_speller **out, const dz_spell_options *opts, dz_error *err) {
  dz_speller *sp = calloc(1, sizeof *sp);
  if (!sp) return dz__error_nomem(err);
  int rc = dz_dict_open(&sp->dict, opts ? opts->dict_path : NULL, err);
  if (rc) {
    free(sp);
    return rc;
  }
  sp->min_conf = opts && opts->min_confidence > 0 ? opts->min_confidence : 0;
  if (dz_lm_open(&sp->lm, NULL)) sp->lm = NULL;
  dz_spell_params_default(&sp->params, sp->lm != NULL);
  *out = sp;
  return DZ_OK;
}

/* NULL-safe. */
void dz_spell_free(dz_speller *sp) {
  if (!sp) return;
  for (size_t i = 0; i < sp->n_words; i++) free(sp->words[i]);
  free(sp->words);
  dz_dict_free(sp->dict);
  dz_lm_free(sp->lm);
  free(sp);
}

/* The caller's words are copied; they guard text during every later check. */
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

/* Unigram score of the window [lo, hi) of the chunk with candidate k applied (k NULL: as
** written). Leaves the window's text in buf, its offsets in woff and its words in next. */
static double window_uni(const dz_speller *sp, const dz_spell_chunk *ch, int lo, int hi,
                         const dz_spell_cand *k, char *buf, uint32_t *woff, int *next) {
  size_t b = 0;
  for (int i = lo; i < hi; i++) {
    woff[i - lo] = (uint32_t)b;
    if (k && i == k->p0) b += (size_t)dz_utf8_put(buf + b, k->c0);
    else if (k && i == k->p1) b += (size_t)dz_utf8_put(buf + b, k->c1);
    else {
      memcpy(buf + b, ch->s + ch->off[i], ch->off[i + 1] - ch->off[i]);
      b += ch->off[i + 1] - ch->off[i];
    }
  }
  woff[hi - lo] = (uint32_t)b;
  int rlo = k ? k->p0 : -1, rhi = k ? (k->p1 >= 0 ? k->p1 : k->p0) + 1 : -1;
  return dz_seg_cache_best(ch->dc, sp->dict, buf, woff, lo, hi, rlo, rhi, next);
}

/* Natural-log language-model score of the words window_uni left in buf/woff/next. */
static double window_lm(const dz_speller *sp, int n, const char *buf, const uint32_t *woff,
                        const int *next) {
  const char *w[DZ_SPELL_SPAN];
  size_t l[DZ_SPELL_SPAN];
  int nw = 0;
  for (int i = 0; i < n; i = next[i], nw++) w[nw] = buf + woff[i], l[nw] = woff[next[i]] - woff[i];
  return 2.302585093 * dz_lm_score(sp->lm, w, l, nw);
}

/* Correction to the cost of changing character i by the word (as written) that holds it. In a
** word of two or more characters that the model knows (体质 in 体质机制), the model's verdict
** is fair and a change that it prefers is a real-word slip more often than the plain cost says;
** in a word the model lacks (施策, 引智) the model scores the text by its pieces, which flatters
** any change into known words. A character standing alone keeps the plain cost. */
static double in_word_cost(const dz_speller *sp, const dz_spell_chunk *ch, int i) {
  int a = ch->wstart[i], b = ch->wend[i];
  if (b - a < 2) return 0;
  const char *w = ch->s + ch->off[a];
  size_t n = ch->off[b] - ch->off[a];
  if (!dz_lm_known(sp->lm, w, n)) return sp->params.cost_in_oov;
  return dz_dict_lookup(sp->dict, w, n, NULL) >= sp->params.in_word_min_freq
             ? sp->params.cost_in_word : 0;
}

/* Can the model judge a whole-word swap of candidate k? Only when it knows the word as written:
** a word it lacks (执纪, 勇毅) is scored by its pieces, so any known sound-alike (自己, 用以)
** looks better to it. */
static int swap_judged(const dz_speller *sp, const dz_spell_chunk *ch, const dz_spell_cand *k) {
  return !sp->lm ||
         dz_lm_known(sp->lm, ch->s + ch->off[k->sa], ch->off[k->sa + k->sl] - ch->off[k->sa]);
}

/* Log-cost of the slip that candidate k assumes (natural log, positive). */
static double slip_cost(const dz_speller *sp, const dz_spell_chunk *ch, const dz_spell_cand *k) {
  const dz_spell_params *p = &sp->params;
  if (k->rel == DZ_REL_WORD) return p->cost_word;
  if (k->rel == DZ_REL_PAIR) return p->cost_pair;
  double c = k->rel == DZ_REL_SAME         ? p->cost_same
             : k->rel == DZ_REL_FUZZY      ? p->cost_fuzzy
             : k->rel == DZ_REL_SHAPE_WEAK ? p->cost_shape_weak
             : k->rel == DZ_REL_SHAPE_PART ? p->cost_shape_part
                                           : p->cost_shape;
  return sp->lm ? c + in_word_cost(sp, ch, k->p0) : c;
}

/* The window around a candidate: DZ_SPELL_WINDOW characters either side, widened to the
** boundaries of the words (as written) that it cuts, so that the model sees whole words. */
static void window_of(const dz_spell_cand *k, const dz_spell_chunk *ch, int *lo, int *hi) {
  int last = k->p1 >= 0 ? k->p1 : k->p0, n = ch->n;
  int a = k->p0 - DZ_SPELL_WINDOW < 0 ? 0 : k->p0 - DZ_SPELL_WINDOW;
  int b = last + DZ_SPELL_WINDOW + 1 > n ? n : last + DZ_SPELL_WINDOW + 1;
  *lo = ch->wstart[a];
  *hi = b < n ? ch->wend[b - 1] : n;
}

/* Best candidates first. */
static int by_gain(const void *x, const void *y) {
  double a = ((const dz_spell_cand *)x)->gain, b = ((const dz_spell_cand *)y)->gain;
  return a < b ? 1 : a > b ? -1 : 0;
}

typedef struct hitvec {
  dz_spell_hit *v;
  size_t n, cap;
} hitvec;

/* Amortised growth of the hit list. */
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

/* Copy s[0..n) into a fixed buffer, truncating on a character boundary. */
static void copy_word(char *dst, size_t cap, const char *s, size_t n) {
  if (n >= cap) {
    n = cap - 1;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
  }
  memcpy(dst, s, n);
  dst[n] = 0;
}

/* Length of the small-place suffix (村, 镇, 乡, 街, 社区) that stands as a word of its own at
** character i, else 0. The two characters before such a suffix are nearly always a local name
** (甘港村, 湾沚镇) that no dictionary holds; where the suffix belongs to a word (农村, 乡镇),
** it is none. */
static int place_suffix(const uint32_t *cps, int n, int i, const uint8_t *wstart,
                        const uint8_t *wend) {
  if (wstart[i] != i) return 0;
  uint32_t c = cps[i];
  if (wend[i] == i + 1 && (c == 0x6751 || c == 0x9547 || c == 0x4E61 || c == 0x8857)) return 1;
  if (wend[i] == i + 2 && i + 1 < n && c == 0x793E && cps[i + 1] == 0x533A) return 2;
  return 0;
}

/* Mark the characters that must not change: the caller's words, person names in the
** segmentation as written and the names of small places. Also records each character's word
** [wstart, wend) as written. */
static void guard_chunk(const dz_speller *sp, const char *s, const uint32_t *cps,
                        const uint32_t *off, int n, const dz_seg_cache *dc, unsigned char *guard,
                        uint8_t *wstart, uint8_t *wend) {
  memset(guard, 0, (size_t)n);
  for (size_t w = 0; w < sp->n_words; w++) {
    size_t wl = strlen(sp->words[w]);
    const char *from = s, *end = s + off[n], *hit;
    while (wl && from < end && (hit = memmem(from, (size_t)(end - from), sp->words[w], wl))) {
      size_t hb = (size_t)(hit - s), he = hb + wl;
      for (int i = 0; i < n; i++)
        if (off[i] < he && off[i + 1] > hb) guard[i] = 1;
      from = hit + 1;
    }
  }
  int next[DZ_SPELL_CHUNK + 1];
  dz_seg_cache_best(dc, sp->dict, s, off, 0, n, -1, -1, next);
  for (int i = 0; i < n; i = next[i]) {
    for (int k = i; k < next[i]; k++) wstart[k] = (uint8_t)i, wend[k] = (uint8_t)next[i];
    unsigned fl = 0;
    if (next[i] - i >= 2 && next[i] - i >= sp->params.name_min_chars &&
        dz_dict_lookup(sp->dict, s + off[i], off[next[i]] - off[i], &fl) > 0 && (fl & DZ_DW_NAME))
      for (int k = i; k < next[i]; k++) guard[k] = 1;
  }
  for (int i = 2; i < n && sp->params.place_guard; i++)
    if (place_suffix(cps, n, i, wstart, wend)) guard[i - 1] = guard[i - 2] = 1;
}

/* Turn an accepted candidate into a hit: the flagged word is the word of the corrected
** window's segmentation that holds the change (both changes for a two-character one). The
** window is segmented in ctx, the chunk with the other accepted changes applied (or as written);
** offsets and the original word are those of the text as written (ch). */
static int emit_hit(const dz_speller *sp, const dz_spell_chunk *ch, const dz_spell_chunk *ctx,
                    const char *text, size_t base, const dz_spell_cand *k, double conf,
                    hitvec *hits) {
  char buf[DZ_SPELL_SPAN * 4 + 4];
  uint32_t woff[DZ_SPELL_SPAN + 1];
  int next[DZ_SPELL_SPAN + 1], lo, hi;
  window_of(k, ctx, &lo, &hi);
  window_uni(sp, ctx, lo, hi, k, buf, woff, next);
  int last = k->p1 >= 0 ? k->p1 : k->p0;
  int ws = 0;
  while (next[ws] <= k->p0 - lo) ws = next[ws];
  int we = next[ws];
  while (we < last - lo + 1) we = next[we];
  dz_spell_hit h;
  memset(&h, 0, sizeof h);
  h.start = base + ch->off[lo + ws];
  h.end = base + ch->off[lo + we];
  h.cstart = base + ch->off[k->p0];
  h.cend = base + ch->off[last + 1];
  copy_word(h.original, sizeof h.original, text + h.start, h.end - h.start);
  copy_word(h.suggestion, sizeof h.suggestion, buf + woff[ws], woff[we] - woff[ws]);
  h.confidence = conf;
  h.kind = (we - ws >= 2 && dz_dict_lookup(sp->dict, text + h.start, h.end - h.start, NULL) > 0)
               ? DZ_SPELL_WORD : DZ_SPELL_CHAR;
  return push_hit(hits, &h);
}

/* Score every candidate in the chunk (or working copy) ch: the gain of the change over the
** window as it stands in ch. */
static void score_cands(const dz_speller *sp, const dz_spell_chunk *ch, dz_spell_cand *cands,
                        int nc) {
  const dz_spell_params *p = &sp->params;
  char buf[DZ_SPELL_SPAN * 4 + 4];
  uint32_t woff[DZ_SPELL_SPAN + 1];
  int next[DZ_SPELL_SPAN + 1], last_lo = -1, last_hi = -1;
  int use_lm = sp->lm && p->lm_weight != 0;
  double orig_uni = 0, orig_lm = 0;
  for (int i = 0; i < nc; i++) {
    int lo, hi;
    window_of(&cands[i], ch, &lo, &hi);
    if (lo != last_lo || hi != last_hi) {
      orig_uni = window_uni(sp, ch, lo, hi, NULL, buf, woff, next);
      orig_lm = use_lm ? window_lm(sp, hi - lo, buf, woff, next) : 0;
      last_lo = lo, last_hi = hi;
    }
    if (cands[i].rel == DZ_REL_WORD && !swap_judged(sp, ch, &cands[i])) {
      cands[i].gain = -HUGE_VAL;
      continue;
    }
    double cost = slip_cost(sp, ch, &cands[i]);
    double du = window_uni(sp, ch, lo, hi, &cands[i], buf, woff, next) - orig_uni;
    if (!use_lm) {
      cands[i].gain = du - cost;
      continue;
    }
    /* Prescreen: the model is the expensive part; skip it when the unigram evidence is so
    ** much against the change that no plausible model score could carry it. */
    if (p->uni_weight * du < -p->prescreen) {
      cands[i].gain = -HUGE_VAL;
      continue;
    }
    double dl = window_lm(sp, hi - lo, buf, woff, next) - orig_lm;
    cands[i].gain = p->uni_weight * du + p->lm_weight * dl - cost;
  }
}

/* A change accepted for a chunk; fixed: applied to the working copy (iterative correction). */
typedef struct pick {
  dz_spell_cand k;
  double conf;
  int fixed;
} pick;

/* Does the change of pick o lie closer to [p0, last] than the distance allowed? A change scored
** with a fixed one applied may sit closer to it (iter_distance) than two changes scored apart. */
static int clashes(const dz_spell_params *p, const pick *o, int p0, int last) {
  int need = o->fixed ? p->iter_distance : p->min_distance;
  if (o->k.p0 > p0 - need && o->k.p0 < last + need) return 1;
  return o->k.p1 >= 0 && o->k.p1 > p0 - need && o->k.p1 < last + need;
}

/* Best gain first, at confidence floor_conf or more, none too close to another: the fixed
** changes first, then cands (sorted by gain). Returns the number of picks in out. */
static int select_changes(const dz_spell_params *p, double floor_conf, const pick *fixed, int nf,
                          const dz_spell_cand *cands, int nc, pick *out) {
  int m = 0;
  for (int i = 0; i < nf; i++) out[m++] = fixed[i];
  for (int i = 0; i < nc && m < DZ_SPELL_CHUNK; i++) {
    const dz_spell_cand *k = &cands[i];
    double conf = 1.0 / (1.0 + exp(-(k->gain - p->min_gain)));
    if (conf < floor_conf) break;
    int clash = 0, last = k->p1 >= 0 ? k->p1 : k->p0;
    for (int t = 0; t < m && !clash; t++) clash = clashes(p, &out[t], k->p0, last);
    if (!clash) out[m++] = (pick){*k, conf, 0};
  }
  return m;
}

/* A working copy of a chunk with some changes applied, with its own DAG, words and guard. */
typedef struct work {
  char s[DZ_SPELL_CHUNK * 4 + 4];
  uint32_t cps[DZ_SPELL_CHUNK], off[DZ_SPELL_CHUNK + 1];
  unsigned char guard[DZ_SPELL_CHUNK], focus[DZ_SPELL_CHUNK];
  uint8_t wstart[DZ_SPELL_CHUNK], wend[DZ_SPELL_CHUNK];
  dz_seg_cache dc;
  dz_spell_chunk ch;
} work;

/* Build w: the chunk ch with the picks of ch applied (those with conf >= min_conf). The changed
** characters and everything ch guards stay guarded. */
static void build_work(const dz_speller *sp, const dz_spell_chunk *ch, const pick *pk, int np,
                       double min_conf, work *w) {
  int n = ch->n;
  memcpy(w->cps, ch->cps, (size_t)n * sizeof *w->cps);
  for (int i = 0; i < np; i++) {
    if (pk[i].conf < min_conf && !pk[i].fixed) continue;
    w->cps[pk[i].k.p0] = pk[i].k.c0;
    if (pk[i].k.p1 >= 0) w->cps[pk[i].k.p1] = pk[i].k.c1;
  }
  size_t b = 0;
  for (int i = 0; i < n; i++) {
    w->off[i] = (uint32_t)b;
    if (w->cps[i] == ch->cps[i]) {
      memcpy(w->s + b, ch->s + ch->off[i], ch->off[i + 1] - ch->off[i]);
      b += ch->off[i + 1] - ch->off[i];
    } else {
      b += (size_t)dz_utf8_put(w->s + b, w->cps[i]);
    }
  }
  w->off[n] = (uint32_t)b;
  dz_seg_cache_build(&w->dc, sp->dict, w->s, w->off, n);
  guard_chunk(sp, w->s, w->cps, w->off, n, &w->dc, w->guard, w->wstart, w->wend);
  for (int i = 0; i < n; i++) w->guard[i] |= ch->guard[i] | (w->cps[i] != ch->cps[i]);
  w->ch = (dz_spell_chunk){w->s, w->cps, w->off, n, w->guard, &w->dc, w->wstart, w->wend, NULL};
}

/* Does the window of k in ch or in w hold one of the positions q[0..nq)? */
static int touched(const dz_spell_cand *k, const dz_spell_chunk *ch, const dz_spell_chunk *w,
                   const int *q, int nq) {
  int lo, hi, lo2, hi2;
  window_of(k, ch, &lo, &hi);
  window_of(k, w, &lo2, &hi2);
  for (int i = 0; i < nq; i++)
    if ((q[i] >= lo && q[i] < hi) || (q[i] >= lo2 && q[i] < hi2)) return 1;
  return 0;
}

/* The candidates of w (the chunk with the fixed changes applied) whose windows, in ch or in w,
** hold one of the positions q[0..nq): generated into fresh and scored in w. Returns their
** count. */
static int rescore_near(const dz_speller *sp, const dz_spell_chunk *ch, work *w, const int *q,
                        int nq, dz_spell_cand *fresh) {
  for (int i = 0; i < ch->n; i++) {
    dz_spell_cand one = {i, -1, 0, 0, 0, 0, 0, 0};
    w->focus[i] = (unsigned char)touched(&one, ch, &w->ch, q, nq);
  }
  w->ch.focus = w->focus;
  int nn = dz_spell_candidates(sp->dict, &sp->params, &w->ch, fresh), m = 0;
  w->ch.focus = NULL;
  for (int i = 0; i < nn; i++)
    if (touched(&fresh[i], ch, &w->ch, q, nq)) fresh[m++] = fresh[i];
  score_cands(sp, &w->ch, fresh, m);
  return m;
}

/* Fix the picks fixed[0..nf) (the last ones changing the positions q[0..nq)) and rescore, in
** that corrected context, every candidate whose window holds one of q: two errors close
** together each spoil the other's context. Candidates of untouched windows keep their scores.
** Returns the new candidate count (-1 for none). */
static int fix_and_rescore(const dz_speller *sp, const dz_spell_chunk *ch, const pick *fixed,
                           int nf, const int *q, int nq, dz_spell_cand *cands, int nc, int cap,
                           dz_spell_cand *fresh, work *w) {
  build_work(sp, ch, fixed, nf, 2.0, w);
  int m = rescore_near(sp, ch, w, q, nq, fresh), kept = 0;
  for (int i = 0; i < nc; i++)
    if (!touched(&cands[i], ch, &w->ch, q, nq)) cands[kept++] = cands[i];
  for (int i = 0; i < m && kept < cap; i++) cands[kept++] = fresh[i];
  qsort(cands, (size_t)kept, sizeof *cands, by_gain);
  return kept ? kept : -1;
}

/* Append pick x to fixed (as fixed) and its positions to q. */
static void fix_pick(pick *fixed, int *nf, const pick *x, int *q, int *nq) {
  fixed[*nf] = *x;
  fixed[(*nf)++].fixed = 1;
  q[(*nq)++] = x->k.p0;
  if (x->k.p1 >= 0) q[(*nq)++] = x->k.p1;
}

/* Iterative correction: fix the picks at iter_conf or more and rescore around them. Returns the
** new candidate count, 0 when no pick was fixed (nothing changes). */
static int correct_round(const dz_speller *sp, const dz_spell_chunk *ch, pick *fixed, int *nf,
                         const pick *pk, int np, dz_spell_cand *cands, int nc, int cap,
                         dz_spell_cand *fresh, work *w) {
  int q[DZ_SPELL_CHUNK], nq = 0;
  for (int i = 0; i < np && *nf < DZ_SPELL_CHUNK; i++)
    if (!pk[i].fixed && pk[i].conf >= sp->params.iter_conf) fix_pick(fixed, nf, &pk[i], q, &nq);
  if (!nq) return 0;
  return fix_and_rescore(sp, ch, fixed, *nf, q, nq, cands, nc, cap, fresh, w);
}

/* The gain of the change k among the candidates scored before (-HUGE_VAL when none is). */
static double gain_as_written(const dz_spell_cand *cands, int nc, const dz_spell_cand *k) {
  for (int i = 0; i < nc; i++)
    if (cands[i].p0 == k->p0 && cands[i].c0 == k->c0 && cands[i].p1 == k->p1 &&
        cands[i].c1 == k->c1)
      return cands[i].gain;
  return -HUGE_VAL;
}

/* Joint scoring of two close changes, neither sure alone: for each unsure pick a (pair_min up
** to iter_conf), the candidates around it are scored with a applied; a pair (a, b) whose summed
** gain (the evidence for both changes against neither) reaches pair_conf and beats each change
** alone (b's gain given a is positive; b's gain as written is lower) is fixed, with that
** confidence for both, and its surroundings rescored. Returns the new candidate count, 0 when
** no pair qualifies. */
static int pair_round(const dz_speller *sp, const dz_spell_chunk *ch, pick *fixed, int *nf,
                      const pick *pk, int np, dz_spell_cand *cands, int nc, int cap,
                      dz_spell_cand *fresh, work *w) {
  const dz_spell_params *p = &sp->params;
  double best = -HUGE_VAL;
  pick ba, bb;
  for (int i = 0; i < np && *nf + 2 <= DZ_SPELL_CHUNK; i++) {
    const pick *a = &pk[i];
    if (a->fixed || a->conf < p->pair_min || a->conf >= p->iter_conf) continue;
    int q[2], nq = 0, nf2 = *nf;
    fix_pick(fixed, &nf2, a, q, &nq);
    build_work(sp, ch, fixed, nf2, 2.0, w);
    int m = rescore_near(sp, ch, w, q, nq, fresh);
    for (int j = 0; j < m; j++) {
      const dz_spell_cand *b = &fresh[j];
      int clash = 0, last = b->p1 >= 0 ? b->p1 : b->p0;
      for (int t = 0; t < nf2 && !clash; t++) clash = clashes(p, &fixed[t], b->p0, last);
      if (clash || b->gain <= p->min_gain || a->k.gain + b->gain <= best) continue;
      if (a->k.gain + b->gain <= gain_as_written(cands, nc, b)) continue;
      best = a->k.gain + b->gain;
      ba = *a, bb = (pick){*b, 0, 0};
    }
  }
  double conf = 1.0 / (1.0 + exp(-(best - p->min_gain)));
  if (best == -HUGE_VAL || conf < p->pair_conf) return 0;
  int q[4], nq = 0;
  ba.conf = bb.conf = conf;
  fix_pick(fixed, nf, &ba, q, &nq);
  fix_pick(fixed, nf, &bb, q, &nq);
  return fix_and_rescore(sp, ch, fixed, *nf, q, nq, cands, nc, cap, fresh, w);
}

/* Check one chunk of n Han characters starting at byte `base` of the text. */
static int check_chunk(const dz_speller *sp, const char *text, size_t base, const uint32_t *cps,
                       const uint32_t *off, int n, hitvec *hits) {
  const dz_spell_params *p = &sp->params;
  const char *s = text + base;
  unsigned char guard[DZ_SPELL_CHUNK];
  dz_seg_cache dc;
  dz_seg_cache_build(&dc, sp->dict, s, off, n);
  uint8_t wstart[DZ_SPELL_CHUNK], wend[DZ_SPELL_CHUNK];
  guard_chunk(sp, s, cps, off, n, &dc, guard, wstart, wend);
  dz_spell_chunk ch = {s, cps, off, n, guard, &dc, wstart, wend, NULL};

  /* On the heap: 64 KB would be a lot of stack for a server thread. Room for a rescoring
  ** round's fresh candidates after the chunk's own. */
  int cap = 2 * DZ_SPELL_MAX_CANDS;
  dz_spell_cand *cands = malloc((size_t)(cap + DZ_SPELL_MAX_CANDS) * sizeof *cands);
  if (!cands) return DZ_ENOMEM;
  int nc = dz_spell_candidates(sp->dict, p, &ch, cands), rc = DZ_OK;
  work *w = NULL;
  if (!nc) goto done;
  score_cands(sp, &ch, cands, nc);
  qsort(cands, (size_t)nc, sizeof *cands, by_gain);

  /* Under the sentence policy, changes down to the lower of its two thresholds are kept here and
  ** judged per sentence in apply_policy. */
  double floor_conf = sp->min_conf > 0 ? sp->min_conf
                      : p->conf_doubt < p->conf_with ? p->conf_doubt : p->conf_with;
  pick pk[DZ_SPELL_CHUNK], fixed[DZ_SPELL_CHUNK];
  int nf = 0, np = select_changes(p, floor_conf, NULL, 0, cands, nc, pk);
  /* Iterative correction, then joint scoring of close pairs (both rescore around what they fix). */
  for (int kind = 0; kind < 2; kind++)
    for (int round = 0; round < (kind ? p->pair_rounds : p->iter_rounds); round++) {
      if (!w && !(w = malloc(sizeof *w))) {
        rc = DZ_ENOMEM;
        goto done;
      }
      int m = (kind ? pair_round : correct_round)(sp, &ch, fixed, &nf, pk, np, cands, nc, cap,
                                                  cands + cap, w);
      if (!m) break;
      nc = m < 0 ? 0 : m;
      np = select_changes(p, floor_conf, fixed, nf, cands, nc, pk);
    }
  /* Each change is reported in the context of the others that would be reported with it. */
  const dz_spell_chunk *ctx = &ch;
  if (nf) {
    /* w holds the fixed changes; rebuild it only when more would be reported with them. */
    double keep = sp->min_conf > 0 ? sp->min_conf : p->conf_with;
    int more = 0;
    for (int i = 0; i < np; i++) more |= !pk[i].fixed && pk[i].conf >= keep;
    if (more) build_work(sp, &ch, pk, np, keep, w);
    ctx = &w->ch;
  }
  for (int i = 0; i < np && !rc; i++)
    if (emit_hit(sp, &ch, ctx, text, base, &pk[i].k, pk[i].conf, hits)) rc = DZ_ENOMEM;
done:
  free(w);
  free(cands);
  return rc;
}

/* Hits in text order (chunks are processed in order, but a chunk's hits by gain). */
static int by_start(const void *x, const void *y) {
  const dz_spell_hit *a = x, *b = y;
  return a->cstart < b->cstart ? -1 : a->cstart > b->cstart;
}

/* Is c the end of a sentence (the unit of the policy)? */
static int ends_sentence(uint32_t c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == '!' || c == '?' ||
         c == ';' || c == '\n';
}

/* The sentence policy (spell_model.h) over hits sorted by position: keep a sentence's hits at or
** above conf_with when one reaches conf_alone and, unless one reaches conf_sure, none lies in
** [conf_doubt, conf_with). */
static void apply_policy(const dz_spell_params *p, const char *text, size_t len, hitvec *h) {
  size_t i = 0, kept = 0;
  while (i < h->n) {
    /* The sentence holding hit i ends at the first terminator after it. */
    size_t end = h->v[i].cstart;
    while (end < len) {
      size_t q = end;
      if (ends_sentence(dz_utf8_next(text, len, &q))) break;
      end = q;
    }
    size_t j = i;
    int strong = 0, doubt = 0, sure = 0;
    for (; j < h->n && h->v[j].cstart < end; j++) {
      double c = h->v[j].confidence;
      strong |= c >= p->conf_alone;
      sure |= c >= p->conf_sure;
      doubt |= c >= p->conf_doubt && c < p->conf_with;
    }
    for (size_t k = i; k < j; k++)
      if (strong && (sure || !doubt) && h->v[k].confidence >= p->conf_with) h->v[kept++] = h->v[k];
    i = j;
  }
  h->n = kept;
}

/* Two changes of one word reported in each other's context flag the same word with the same
** suggestion (建党愿者 → 建党原则): one finding, spanning both changed characters. */
static void merge_same_word(hitvec *h) {
  size_t kept = 0;
  for (size_t i = 0; i < h->n; i++) {
    dz_spell_hit *prev = kept ? &h->v[kept - 1] : NULL;
    if (prev && prev->start == h->v[i].start && prev->end == h->v[i].end &&
        !strcmp(prev->suggestion, h->v[i].suggestion)) {
      if (h->v[i].cend > prev->cend) prev->cend = h->v[i].cend;
      if (h->v[i].confidence > prev->confidence) prev->confidence = h->v[i].confidence;
      continue;
    }
    h->v[kept++] = h->v[i];
  }
  h->n = kept;
}

/* Cut the text into runs of Han characters (at most DZ_SPELL_CHUNK) and check each. */
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
  if (sp->min_conf <= 0) apply_policy(&sp->params, text, len, &hits);
  merge_same_word(&hits);
  *out = hits.v;
  *n = hits.n;
  return DZ_OK;
}

/* NULL-safe. */
void dz_spell_hits_free(dz_spell_hit *hits) { free(hits); }
