/* Default constants of the spelling check's noisy-channel score (see spell_model.h). */
#include "lexicon/spell_model.h"

void dz_spell_params_default(dz_spell_params *p, int with_lm) {
  p->uni_weight = with_lm ? 0.5 : 1.0;
  p->lm_weight = with_lm ? 0.5 : 0.0;
  p->cost_same = 8.0;
  p->cost_fuzzy = 11.0;
  p->cost_shape = 9.0;
  p->cost_word = 14.0;
  p->max_changes = 2;
  p->swap_needs_word = 1;
  p->min_gain = 0.0;
  p->min_distance = 2;
  p->min_ratio = 1.0;
  p->min_freq = 5;
  p->shape_max_freq = 100;
  p->prescreen = -1.0;
}
