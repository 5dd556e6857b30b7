/*
** The language model's default path, and the C side of dz_lm_* (see lm.h): with libime, calls
** go to the language-model module (lm_module.h), loaded on the first dz_lm_open; without it,
** stand-ins.
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

#ifdef DZ_HAVE_LIBIME
#include "lexicon/lm_module.h"
#include "util/dl.h"

/* The libime shim's functions in the module. */
#define DZ_LMI_FUNCS(X) X(dz_lmi_open) X(dz_lmi_free) X(dz_lmi_known) X(dz_lmi_score)

static struct lmi_api {
  DZ_LMI_FUNCS(DZ_DL_MEMBER)
} api;

static const char *const names[] = {DZ_LMI_FUNCS(DZ_DL_NAME)};

/* Copy the resolved addresses into the table, in the order of DZ_LMI_FUNCS. */
static void fill(void *const *addr) {
  size_t i = 0;
  DZ_LMI_FUNCS(DZ_DL_SET)
}

static dz_dl lib = {.locate = dz__lm_module_files, .package = "libimecore0", .need = "语言模型", .names = names,
                    .n = sizeof names / sizeof *names, .fill = fill};

/* A module that cannot be loaded is a missing model: the check falls back to unigrams. */
int dz_lm_open(dz_lm **out, const char *path) {
  if (!path) path = dz_lm_default_path();
  if (!path) return DZ_ENOTFOUND;
  if (dz__dl_load(&lib, NULL)) return DZ_ENOTFOUND;
  return api.dz_lmi_open(out, path);
}

/* NULL-safe; a model exists only once the module is loaded. */
void dz_lm_free(dz_lm *lm) {
  if (lm) api.dz_lmi_free(lm);
}

int dz_lm_known(const dz_lm *lm, const char *w, size_t n) { return api.dz_lmi_known(lm, w, n); }

double dz_lm_score(const dz_lm *lm, const char *const *words, const size_t *lens, int n) {
  return api.dz_lmi_score(lm, words, lens, n);
}
#else
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
