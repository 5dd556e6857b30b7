/* Unit tests: our 公文 vocabulary (data/lexicon/gongwen_vocab.tsv) only keeps correct text from
** looking wrong; its frequency hints never make a term a sound-alike proposal that would replace
** another real word (docs/spell.md, "Our vocabulary"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "duizhao.h"
#include "lexicon/dict.h"
#include "lexicon/dictfmt.h"
#include "lexicon/lm.h"
#include "text/utf8.h"
#include "vocab_file.h"

static dz_dict *dict;
static dz_lm *lm; /* NULL in a build without the language model */

static int setup(void **s) {
  (void)s;
  dz_error e;
  int rc = dz_dict_open(&dict, NULL, &e);
  if (rc) fprintf(stderr, "%s\n", e.message);
  if (dz_lm_open(&lm, NULL)) lm = NULL;
  return rc;
}

static int teardown(void **s) {
  (void)s;
  dz_dict_free(dict);
  dz_lm_free(lm);
  return 0;
}

typedef struct {
  const char *term;
  uint32_t cps[8];
  int n;
  int64_t freq;
  int bad;
} term_ctx;

/* A sound-alike word w of the term. The candidate generator (spell_cand.c) proposes the term for
** w as written when the term is more frequent than w (one character differs, min_ratio 1) or
** more than a tenth of w (two differ, word_min_ratio 0.1; scored only when the model knows w). */
static void on_alike(void *vctx, const char *w, size_t wn, const uint32_t *wcps, uint32_t freq) {
  term_ctx *t = vctx;
  int nd = 0;
  for (int k = 0; k < t->n; k++) nd += wcps[k] != t->cps[k];
  if (nd == 0 || nd > 2) return;
  int outranks = nd == 1 ? t->freq > (int64_t)freq
                         : 10 * t->freq > (int64_t)freq && (!lm || dz_lm_known(lm, w, wn));
  if (!outranks) return;
  fprintf(stderr, "vocabulary term %s (%lld) would be proposed for the word %.*s (%u)\n", t->term,
          (long long)t->freq, (int)wn, w, freq);
  t->bad++;
}

/* Look-alike proposals: at a character inside no common word (a written word rarer than
** shape_max_freq, 100), a look-alike that makes a more frequent dictionary word is proposed
** (spell_cand.c). The lists run both ways, so the words the term could replace this way are the
** term with one character swapped for one of its look-alikes. */
static void check_lookalikes(term_ctx *t) {
  for (int k = 0; k < t->n; k++) {
    size_t nl;
    const uint32_t *look = dz_dict_lookalikes(dict, t->cps[k], &nl);
    for (size_t li = 0; li < nl; li++) {
      char w[64];
      size_t wn = 0;
      for (int j = 0; j < t->n; j++)
        wn += dz_utf8_put(w + wn, j == k ? DZ_LOOK_CP(look[li]) : t->cps[j]);
      unsigned fl = 0;
      int64_t f = dz_dict_lookup(dict, w, wn, &fl);
      if (!(fl & DZ_DW_WORD) || f >= 100 || t->freq <= f) continue;
      fprintf(stderr, "vocabulary term %s (%lld) would be proposed for the look-alike word %.*s (%lld)\n",
              t->term, (long long)t->freq, (int)wn, w, (long long)f);
      t->bad++;
    }
  }
}

/* Below the file's marker line every term is protective only: no word of the dictionary is so
** rare that the generator would offer the term in its place, by sound or by shape. A term below
** frequency 5 (min_freq) is never proposed at all; a term that jieba has at a higher frequency
** than its hint is jieba's word, not our hint's doing. Above the marker stand the first terms,
** some of them meant as corrections too (共同富余 → 共同富裕; see docs/spell.md). */
static void vocab_never_outranks_a_word(void **s) {
  (void)s;
  FILE *f = dz_test_open_vocab();
  assert_non_null(f);
  char line[2048];
  int protective = 0, checked = 0, bad = 0;
  while (fgets(line, sizeof line, f)) {
    if (!strncmp(line, "# --- protective terms", 22)) protective = 1;
    if (line[0] == '#' || line[0] == '\n' || !protective) continue;
    term_ctx t = {0};
    t.term = strtok(line, "\t");
    long hint = atol(strtok(NULL, "\t"));
    size_t len = strlen(t.term), i = 0;
    while (i < len && t.n < 8) t.cps[t.n++] = dz_utf8_next(t.term, len, &i);
    t.freq = dz_dict_lookup(dict, t.term, len, NULL);
    assert_true(t.freq >= hint);
    checked++;
    if (t.freq != hint || t.freq < 5 || t.n > 4) continue; /* never proposed by our hint */
    dz_dict_homophones(dict, t.cps, t.n, on_alike, &t);
    check_lookalikes(&t);
    bad += t.bad;
  }
  fclose(f);
  assert_true(checked >= 300);
  assert_int_equal(bad, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(vocab_never_outranks_a_word),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
