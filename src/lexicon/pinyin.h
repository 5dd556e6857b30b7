/*
** Character readings and the confusion relation between two characters: same toneless pinyin,
** fuzzy pinyin (z/zh c/ch s/sh n/l f/h an/ang en/eng in/ing), or look-alike shape (Cangjie codes
** close). Readings and shapes were compiled into dict.bin at build time (ICU "Han-Latin;
** Latin-ASCII", libime's Cangjie table), so nothing here calls ICU.
*/
#ifndef DZ_LEXICON_PINYIN_H
#define DZ_LEXICON_PINYIN_H
#include <stdint.h>
#include "lexicon/dict.h"

typedef enum dz_confusion {
  DZ_CONF_NONE = 0,
  DZ_CONF_SAME_PINYIN,  /* identical toneless reading */
  DZ_CONF_FUZZY_PINYIN, /* equal after the fuzzy-pinyin folds */
  DZ_CONF_SHAPE         /* look-alike: in dict.bin's lists (Cangjie or full Wubi codes one edit
                           apart, shape.h, or glyph images alike, tools/glyphsim.c) */
} dz_confusion;

/* Toneless pinyin of cp (e.g. "zhi"), "" when the character has no reading. Borrowed. */
const char *dz_pinyin_of(const dz_dict *d, uint32_t cp);

/* How a writer could have typed `wrong` for `right`; the closest relation wins. */
dz_confusion dz_pinyin_confusion(const dz_dict *d, uint32_t wrong, uint32_t right);

/* Edit distance between the Cangjie codes of two characters, or -1 when either has none. */
int dz_shape_distance(const dz_dict *d, uint32_t a, uint32_t b);
#endif
