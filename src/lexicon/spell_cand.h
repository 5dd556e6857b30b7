/*
** Candidate corrections for one chunk of Han text (src/lexicon/spell_cand.c): sound-alike words
** from the dictionary's pinyin index, single-character homophones, and look-alike characters
** from the lists of dict.bin (Cangjie/Wubi codes and glyph images). A candidate replaces one
** or two characters; spell.c scores it in context.
*/
#ifndef DZ_LEXICON_SPELL_CAND_H
#define DZ_LEXICON_SPELL_CAND_H
#include <stdint.h>
#include "lexicon/dict.h"
#include "lexicon/segment.h"
#include "lexicon/spell_model.h"

#define DZ_SPELL_MAX_CANDS 2048 /* per chunk; more are dropped (cap against pathological text) */

/* WORD: a whole sound-alike word picked wrongly from the input method (two characters of a word
** replaced); PAIR: the same over two characters that stand alone and make no word (乖买).
** SHAPE_WEAK: a weaker look-alike (codes two edits apart, glyphs confirming). SHAPE_PART: a
** character and its phonetic component (列/例, 谷/俗; DZ_LOOK_PART). */
enum {
  DZ_REL_SAME = 1, DZ_REL_FUZZY, DZ_REL_SHAPE, DZ_REL_WORD, DZ_REL_PAIR, DZ_REL_SHAPE_WEAK,
  DZ_REL_SHAPE_PART
};

typedef struct dz_spell_cand {
  int p0, p1;       /* replaced character indices; p1 = -1 for a single change, else p0 < p1 */
  uint32_t c0, c1;  /* their replacements */
  int rel;          /* DZ_REL_*: how the slip happened (WORD: a whole sound-alike word) */
  int sa, sl;       /* WORD, PAIR: the span as written whose sound-alike proposed it */
  double gain;      /* filled by the scorer */
} dz_spell_cand;

typedef struct dz_spell_chunk {
  const char *s;          /* the chunk's text */
  const uint32_t *cps;    /* its n code points */
  const uint32_t *off;    /* their byte offsets, off[n] = end */
  int n;
  const unsigned char *guard; /* 1 = never change this character */
  const dz_seg_cache *dc; /* the chunk's DAG */
  const uint8_t *wstart, *wend; /* the word (as written) holding each character */
  const unsigned char *focus; /* NULL, or 1 = propose changes only where some span or position
                                 touches such a character (rescoring after a correction) */
} dz_spell_chunk;

/* Fill out[] (capacity DZ_SPELL_MAX_CANDS) with distinct candidates; returns their count. */
int dz_spell_candidates(const dz_dict *d, const dz_spell_params *p, const dz_spell_chunk *ch,
                        dz_spell_cand *out);
#endif
