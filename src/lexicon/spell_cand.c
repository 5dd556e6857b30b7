/*
** Candidate generation for the spelling check (spell_cand.h).
**
** Sound-alike: every span of 2..DZ_DICT_VAR_MAX characters is looked up in the dictionary's
** pinyin index, which returns the words whose characters have the same fuzzy pinyin one by
** one (also with one character read another way: 长 as chang). A word that differs from the
** span in one or two characters proposes replacing them: 总休→总体 (one character), 淡味→单位
** (a whole word picked wrongly from the input method).
** Single-character homophone: a character standing alone in the segmentation may be replaced
** by a more frequent one-character word of its reading (禾→和).
** Look-alike: a character is replaced by one from its look-alike list (Cangjie or Wubi codes
** one edit away, or glyph images alike) when that makes a dictionary word with its neighbours
** (休→体, 太→大); the list's weaker look-alikes (codes two edits apart that the glyphs
** confirm, 言→信) are costed higher (DZ_REL_SHAPE_WEAK); the component look-alikes (a character
** and its phonetic component, 列→例: DZ_REL_SHAPE_PART) have a cost of their own (lower, 8).
** Either way the new word must be more frequent than the span as written (params.min_ratio),
** which keeps common correct words from being "corrected" into rarer ones; a whole-word swap
** has its own, looser ratio (word_min_ratio) and must replace a word the segmentation keeps.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon/pinyin.h"
#include "lexicon/spell_cand.h"
#include "text/utf8.h"

typedef struct gen_ctx {
  const dz_dict *d;
  const dz_spell_params *p;
  const dz_spell_chunk *ch;
  int a, len;
  double span_lp, log_ratio, log_word_ratio, log_total;
  dz_spell_cand *out;
  int n;
} gen_ctx;

/* ln-probability of the word s[a..a+len) from the DAG cache; -HUGE_VAL when it is no word. */
static double span_lp(const dz_seg_cache *dc, int a, int len) {
  for (int e = dc->start[a]; e < dc->start[a + 1]; e++)
    if (dc->e[e].len == len) return dc->e[e].lp;
  return -HUGE_VAL;
}

/* Does [a, a+len) hold a character in focus (every character does without a focus)? */
static int in_focus(const dz_spell_chunk *ch, int a, int len) {
  if (!ch->focus) return 1;
  for (int i = a; i < a + len; i++)
    if (ch->focus[i]) return 1;
  return 0;
}

/* Append a candidate while there is room (the cap bounds the work on pathological text). */
static void add(gen_ctx *g, int p0, uint32_t c0, int p1, uint32_t c1, int rel) {
  if (g->n < DZ_SPELL_MAX_CANDS) g->out[g->n++] = (dz_spell_cand){p0, p1, c0, c1, rel, g->a, g->len, 0};
}

/* Do a and b sound alike by their first (ICU) readings, fuzzy folds allowed? Whole-word swaps
** keep to them: a character read another way (汤 shang in the name 汤晔 → 商业) makes too many
** words of two characters. */
static int first_readings_alike(const dz_dict *d, uint32_t a, uint32_t b) {
  uint16_t x = dz_dict_syllable(d, a), y = dz_dict_syllable(d, b);
  return x && y && dz_dict_syllable_fuzzy(d, x) == dz_dict_syllable_fuzzy(d, y);
}

/* How may the span [a, a+len) as written be swapped whole for a sound-alike word of frequency
** freq? 0: not at all. An input method offers only words, so the span is normally a word, and
** one that the segmentation as written keeps whole (DZ_REL_WORD; 省民 in 省民政厅 is no pick of
** the input method). Two characters that make no word and stand alone in the segmentation
** (乖买, 菜狗) may be a pick too, of a common word only (DZ_REL_PAIR): the rarer sound-alikes
** of such spans are mostly names and new terms (湾沚 → 王子, 援滇 → 原点). */
static int swap_kind(const gen_ctx *g, uint32_t freq) {
  if (g->span_lp == -HUGE_VAL) {
    if (!g->p->swap_needs_word) return DZ_REL_PAIR;
    if (!g->p->pair_min_freq || freq < g->p->pair_min_freq || g->len != 2) return 0;
    for (int k = g->a; k < g->a + 2; k++)
      if (g->ch->wstart[k] != k || g->ch->wend[k] != k + 1) return 0;
    return DZ_REL_PAIR;
  }
  return !g->p->swap_needs_segment ||
                 (g->ch->wstart[g->a] == g->a && g->ch->wend[g->a] == g->a + g->len)
             ? DZ_REL_WORD : 0;
}

/* Pinyin-index callback: a sound-alike word for the span [a, a+len). */
static void on_homophone(void *vctx, const char *w, size_t wn, const uint32_t *wcps,
                         uint32_t freq) {
  (void)w, (void)wn;
  gen_ctx *g = vctx;
  if (freq < g->p->min_freq) return;
  int diff[DZ_DICT_VAR_MAX], nd = 0;
  for (int k = 0; k < g->len; k++)
    if (wcps[k] != g->ch->cps[g->a + k]) {
      if (nd == 2 || g->ch->guard[g->a + k]) return;
      diff[nd++] = k;
    }
  double ratio = nd == 2 ? g->log_word_ratio : g->log_ratio;
  if (log((double)freq) - g->log_total <= g->span_lp + ratio) return;
  if (nd == 1) {
    int k = diff[0];
    int same = dz_dict_syllable(g->d, wcps[k]) == dz_dict_syllable(g->d, g->ch->cps[g->a + k]);
    add(g, g->a + k, wcps[k], -1, 0, same ? DZ_REL_SAME : DZ_REL_FUZZY);
  } else if (nd == 2 && g->p->max_changes >= 2 &&
             first_readings_alike(g->d, g->ch->cps[g->a + diff[0]], wcps[diff[0]]) &&
             first_readings_alike(g->d, g->ch->cps[g->a + diff[1]], wcps[diff[1]])) {
    int rel = swap_kind(g, freq);
    if (rel) add(g, g->a + diff[0], wcps[diff[0]], g->a + diff[1], wcps[diff[1]], rel);
  }
}

/* Look-alike candidates: replace a character by one that looks like it when that makes a
** dictionary word of 2..DZ_DICT_VAR_MAX characters with its neighbours. */
static void lookalikes(gen_ctx *g) {
  const dz_spell_chunk *ch = g->ch;
  const dz_dict *d = g->d;
  char w[DZ_DICT_VAR_MAX * 4 + 4];
  double weak = log((double)g->p->shape_max_freq) - g->log_total;
  uint32_t mask;
  const uint8_t *bloom = dz_dict_pair_filter(d, &mask);
  for (int pos = 0; pos < ch->n; pos++) {
    if (ch->guard[pos] || !in_focus(ch, pos, 1)) continue;
    /* Look-alike slips make non-words; a character inside a common word as written is left to
    ** the sound-alike index (this also bounds the work: lists run to dozens of characters). */
    int ws = ch->wstart[pos], we = ch->wend[pos];
    if (we - ws >= 2 && span_lp(ch->dc, ws, we - ws) >= weak) continue;
    size_t nl;
    const uint32_t *look = dz_dict_lookalikes(d, ch->cps[pos], &nl);
    for (size_t li = 0; li < nl; li++) {
      uint32_t cp = DZ_LOOK_CP(look[li]);
      int rel = look[li] & DZ_LOOK_WEAK   ? DZ_REL_SHAPE_WEAK
                : look[li] & DZ_LOOK_PART ? DZ_REL_SHAPE_PART
                                          : DZ_REL_SHAPE;
      /* A cheap Bloom test first: can cp sit next to either neighbour in some word? A span
      ** that holds cp next to a neighbour it cannot sit by is not tried either. */
      int left = pos > 0 && dz_dict_pair_test(bloom, mask, ch->cps[pos - 1], cp);
      int right = pos + 1 < ch->n && dz_dict_pair_test(bloom, mask, cp, ch->cps[pos + 1]);
      if (!left && !right) continue;
      int found = 0;
      for (int a = pos - DZ_DICT_VAR_MAX + 1 < 0 ? 0 : pos - DZ_DICT_VAR_MAX + 1; a <= pos && !found; a++) {
        if (a < pos && (!left || ch->dc->reach[a] < pos - a)) continue; /* no word reaches pos */
        for (int len = 2; len <= DZ_DICT_VAR_MAX && a + len <= ch->n && !found; len++) {
          if (a + len <= pos) continue;
          if (a + len - 1 > pos && !right) break; /* longer spans hold cp before its neighbour */
          size_t b = 0;
          for (int i = a; i < a + len; i++) {
            if (i == pos) b += (size_t)dz_utf8_put(w + b, cp);
            else memcpy(w + b, ch->s + ch->off[i], ch->off[i + 1] - ch->off[i]), b += ch->off[i + 1] - ch->off[i];
          }
          int64_t wf = dz_dict_lookup(d, w, b, NULL);
          if (wf < 0) break; /* not even a prefix: longer spans from a cannot be words */
          if (wf < g->p->min_freq) continue;
          found = log((double)wf) - g->log_total > span_lp(ch->dc, a, len) + g->log_ratio;
        }
      }
      if (found && dz_pinyin_confusion(d, ch->cps[pos], cp) == DZ_CONF_SHAPE)
        add(g, pos, cp, -1, 0, rel);
    }
  }
}

/* Single-character homophones: a character that stands alone in the segmentation as written
** (禾它, 为整部级) may be a one-character word picked wrongly from the input method; propose
** the more frequent one-character words of the same reading (和, 正). Words of two or more
** characters are left to the sound-alike index. They are costed as fuzzy slips: many are weak,
** and at the same-pinyin cost they fell into the sentence policy's doubt zone and withheld
** sentences already found (docs/spell.md, tried and dropped). */
static void single_homophones(gen_ctx *g) {
  const dz_spell_chunk *ch = g->ch;
  for (int pos = 0; pos < ch->n; pos++) {
    if (ch->guard[pos] || ch->wend[pos] - ch->wstart[pos] != 1 || !in_focus(ch, pos, 1)) continue;
    uint16_t syl = dz_dict_syllable(g->d, ch->cps[pos]);
    size_t n;
    const uint32_t *cs = dz_dict_syllable_chars(g->d, syl, &n);
    if (!n) continue;
    double own = ch->dc->lp1[pos]; /* the character as written (single characters are no cache edges) */
    for (size_t i = 0; i < n; i++) {
      char w[4];
      if (cs[i] == ch->cps[pos]) break; /* the list runs from the most frequent down */
      int64_t f = dz_dict_lookup(g->d, w, (size_t)dz_utf8_put(w, cs[i]), NULL);
      if (f < g->p->min_freq || log((double)f) - g->log_total <= own + g->log_ratio) continue;
      add(g, pos, cs[i], -1, 0, DZ_REL_FUZZY);
    }
  }
}

/* Group identical changes so that each is scored once. */
static int by_change(const void *x, const void *y) {
  const dz_spell_cand *a = x, *b = y;
  if (a->p0 != b->p0) return a->p0 - b->p0;
  if (a->c0 != b->c0) return a->c0 < b->c0 ? -1 : 1;
  if (a->p1 != b->p1) return a->p1 - b->p1;
  if (a->c1 != b->c1) return a->c1 < b->c1 ? -1 : 1;
  if (a->rel != b->rel) return a->rel - b->rel;
  return a->sl != b->sl ? a->sl - b->sl : a->sa - b->sa; /* a swap's own word first */
}

/* Sound-alike words for every span, then look-alikes, then one entry per distinct change. */
int dz_spell_candidates(const dz_dict *d, const dz_spell_params *p, const dz_spell_chunk *ch,
                        dz_spell_cand *out) {
  double lt = dz_dict_log_total(d);
  gen_ctx g = {d, p, ch, 0, 0, 0, log(p->min_ratio), log(p->word_min_ratio), lt, out, 0};
  for (int a = 0; a < ch->n; a++)
    for (int len = 2; len <= DZ_DICT_VAR_MAX && a + len <= ch->n; len++) {
      if (!in_focus(ch, a, len)) continue;
      g.a = a, g.len = len, g.span_lp = span_lp(ch->dc, a, len);
      dz_dict_homophones(d, ch->cps + a, len, on_homophone, &g);
    }
  lookalikes(&g);
  single_homophones(&g);
  /* The same change proposed by several spans is scored once (the closest relation wins). */
  qsort(out, (size_t)g.n, sizeof *out, by_change);
  int m = 0;
  for (int i = 0; i < g.n; i++)
    if (!m || out[m - 1].p0 != out[i].p0 || out[m - 1].c0 != out[i].c0 ||
        out[m - 1].p1 != out[i].p1 || out[m - 1].c1 != out[i].c1)
      out[m++] = out[i];
  return m;
}
