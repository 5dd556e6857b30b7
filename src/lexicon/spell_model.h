/*
** Internal knobs of the spelling check (src/lexicon/spell.c), exposed to the bench tool and the
** unit tests only. The defaults in spell_model.c were tuned on the first half of odw.train.tsv
** and on the SIGHAN dev files (see docs/spell.md); the second half of odw is held out.
*/
#ifndef DZ_LEXICON_SPELL_MODEL_H
#define DZ_LEXICON_SPELL_MODEL_H
#include <stdint.h>
#include "duizhao.h"
#include "lexicon/dict.h"

#define DZ_SPELL_WINDOW 4 /* characters of context either side when rescoring */

typedef struct dz_spell_params {
  double cost_same;   /* ln-cost of typing a same-pinyin character */
  double cost_fuzzy;  /* ... a fuzzy-pinyin character */
  double cost_shape;  /* ... a look-alike character */
  double cost_shape_weak; /* ... a weaker look-alike (codes two edits apart, glyphs confirming) */
  double cost_shape_part; /* ... a character for its phonetic component or back (列/例) */
  double cost_word;   /* ... a whole sound-alike word with two characters wrong (菜狗→采购); with
                         the model, only of words it knows (spell.c, swap_judged) */
  double cost_in_word; /* added to a one-character change inside a word (as written) that the
                          model knows and jieba has at in_word_min_freq or more (usually < 0) */
  int64_t in_word_min_freq;
  double cost_in_oov;  /* added to one inside a word of two or more characters the model lacks */
  int max_changes;     /* 1: single characters only; 2: also two-character word swaps */
  int swap_needs_word; /* two-character swaps only of a word as written (an input-method pick) */
  int swap_needs_segment; /* ... and only of a word that the segmentation as written keeps whole */
  double word_min_ratio; /* min_ratio of two-character swaps */
  int64_t pair_min_freq; /* two characters that make no word may be swapped for a word this
                            common (0: never; spell_cand.c, DZ_REL_PAIR) */
  double cost_pair;   /* ln-cost of such a swap */
  double min_gain;    /* gain at which confidence is 0.5 */
  int min_distance;   /* two reported changes are at least this many characters apart */
  double uni_weight;  /* weight of jieba's unigram path score when a language model is used */
  double lm_weight;   /* weight of the language model's score (0: unigram only) */
  double prescreen;   /* skip the model when the weighted unigram gain is below -prescreen */
  int64_t shape_max_freq; /* look-alikes only inside words (as written) rarer than this */
  int64_t min_freq;   /* a candidate word must have at least this jieba frequency */
  double min_ratio;   /* a candidate word must be this many times as frequent as the span */
  /* Sentence policy (used unless the caller sets dz_spell_options.min_confidence): a sentence is
  ** flagged only when one change reaches conf_alone; then every change of that sentence down to
  ** conf_with is reported too (multi-error sentences), unless another change sits between
  ** conf_doubt and conf_with, when the whole sentence is left alone (too unsure to be complete).
  ** conf_doubt >= conf_with switches the abstention off. */
  double conf_alone, conf_with, conf_doubt;
  double conf_sure; /* a sentence with a change this sure is not withheld for a doubtful one */
  /* Iterative correction (spell.c, correct_chunk): changes at or above iter_conf are applied to a
  ** working copy of the run, and the candidates whose windows hold an applied change are
  ** generated and scored again in the corrected context, up to iter_rounds times (0: off).
  ** Changes scored in a corrected context may lie iter_distance characters from an applied one. */
  int iter_rounds;
  double iter_conf;
  int iter_distance;
  /* Joint scoring (spell.c, pair_round): two close changes, neither sure alone, are fixed together
  ** when their summed gain reaches pair_conf; up to pair_rounds pairs a run (0: off). The first
  ** of the two must reach pair_min alone. */
  int pair_rounds;
  double pair_conf, pair_min;
  int place_guard;     /* never change the two characters before 村, 镇, 乡, 街, 社区 */
  int name_min_chars;  /* guard words tagged as person names of at least this many characters */
} dz_spell_params;

/* Defaults for a build with (with_lm) or without the language model. */
void dz_spell_params_default(dz_spell_params *p, int with_lm);
dz_spell_params *dz_spell__params(dz_speller *sp);
#endif
