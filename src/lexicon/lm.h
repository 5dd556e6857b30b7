/*
** A word language model for context scoring, behind a small C interface. The implementation
** (src/lexicon/lm_libime.cpp, built only when Debian's libimecore-dev is present, into the
** module build/duizhao-lm.so that the first dz_lm_open loads: lm_module.h) reads
** libime's trigram model (libime-data-language-model, LGPL-2.1+, read in place from
** /usr/lib/<triplet>/libime/zh_CN.lm, never copied). Without it dz_lm_open fails with
** DZ_ENOTFOUND and the spelling check falls back to jieba's unigram model.
*/
#ifndef DZ_LEXICON_LM_H
#define DZ_LEXICON_LM_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dz_lm dz_lm;

/* The model file used when none is given: $DZ_LM, else the path found at configure time
** (NULL when the build has no language model). */
const char *dz_lm_default_path(void);

/* Load the model at `path` (NULL: dz_lm_default_path()). 0 or DZ_ENOTFOUND / DZ_EINVALID. */
int dz_lm_open(dz_lm **out, const char *path);
void dz_lm_free(dz_lm *lm);

/* log10 probability of the word sequence words[0..n) (UTF-8, lens in bytes), without sentence
** boundaries (kenlm's null context). Words outside the model's vocabulary get its unknown
** penalty. Thread-safe: the model is read-only. */
double dz_lm_score(const dz_lm *lm, const char *const *words, const size_t *lens, int n);

/* Is w[0..n) a word of the model's vocabulary? Whole-word swaps trust the model's verdict only
** on words it knows: a word it lacks is scored by its pieces, which looks like an error. */
int dz_lm_known(const dz_lm *lm, const char *w, size_t n);

#ifdef __cplusplus
}
#endif
#endif
