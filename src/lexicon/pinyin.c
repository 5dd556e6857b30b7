/*
** Pinyin and shape relations between characters (see pinyin.h). The shape relation reads the
** packed Cangjie codes through shape.h, the same test the generator used for the look-alike
** lists in dict.bin.
*/
#include "lexicon/pinyin.h"
#include "lexicon/shape.h"

/* The text of the compiled reading (for messages and tests). */
const char *dz_pinyin_of(const dz_dict *d, uint32_t cp) {
  return dz_dict_syllable_text(d, dz_dict_syllable(d, cp));
}

/* Edit distance of the Cangjie codes, for tests and diagnostics. */
int dz_shape_distance(const dz_dict *d, uint32_t a, uint32_t b) {
  return dz_shape_code_distance(dz_dict_shape(d, a), dz_dict_shape(d, b));
}

/* Same reading first, then fuzzy reading, then membership in the sorted look-alike list. */
dz_confusion dz_pinyin_confusion(const dz_dict *d, uint32_t wrong, uint32_t right) {
  uint16_t a = dz_dict_syllable(d, wrong), b = dz_dict_syllable(d, right);
  if (a && b) {
    if (a == b) return DZ_CONF_SAME_PINYIN;
    if (dz_dict_syllable_fuzzy(d, a) == dz_dict_syllable_fuzzy(d, b)) return DZ_CONF_FUZZY_PINYIN;
  }
  size_t n;
  const uint32_t *look = dz_dict_lookalikes(d, wrong, &n);
  size_t lo = 0, hi = n; /* the list is sorted */
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (DZ_LOOK_CP(look[mid]) < right) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && DZ_LOOK_CP(look[lo]) == right ? DZ_CONF_SHAPE : DZ_CONF_NONE;
}
