/*
** The language model's default path, and stand-ins for builds without libime (see lm.h).
*/
#include <stdlib.h>

#include "duizhao.h"
#include "dz_spell_config.h"
#include "lexicon/lm.h"

/* $DZ_LM wins (empty: no model); else the model found at configure time. */
const char *dz_lm_default_path(void) {
  const char *env = getenv("DZ_LM");
  if (env) return *env ? env : NULL; /* DZ_LM= (empty) switches the model off */
  return DZ_LM_PATH[0] ? DZ_LM_PATH : NULL;
}

#ifndef DZ_HAVE_LIBIME
/* Stand-in: this build has no language model. */
int dz_lm_open(dz_lm **out, const char *path) {
  (void)out, (void)path;
  return DZ_ENOTFOUND;
}

/* Stand-in: nothing to free. */
void dz_lm_free(dz_lm *lm) { (void)lm; }

/* Stand-in: never called without a model. */
int dz_lm_known(const dz_lm *lm, const char *w, size_t n) {
  (void)lm, (void)w, (void)n;
  return 0;
}

/* Stand-in: never called without a model. */
double dz_lm_score(const dz_lm *lm, const char *const *words, const size_t *lens, int n) {
  (void)lm, (void)words, (void)lens, (void)n;
  return 0;
}
#endif
