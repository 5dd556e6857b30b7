/*
** A second, independent word language model for context scoring (docs/spell.md, "The language
** model"): sunpinyin's trigram model (Debian sunpinyin-data: lm_sc.t3g, trained on another
** corpus than libime's, CC BY-SA 3.0; read in place with mmap, never copied). Its lexicon
** differs from jieba's (经济发展 and 基础设施 are single words in it, and its corpus was
** segmented that way), so a text is scored by the model's own best segmentation of the
** characters, not by jieba's words. Word ids come from a table the build writes
** (tools/slmwords.cpp, lm2fmt.h). Built only with libsunpinyin-dev (DZ_HAVE_SUNPINYIN);
** without it dz_lm2_open fails with DZ_ENOTFOUND and the check uses libime's model alone.
*/
#ifndef DZ_LEXICON_LM2_H
#define DZ_LEXICON_LM2_H
#include <stddef.h>
#include <stdint.h>

#include "duizhao.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dz_lm2 dz_lm2;

/* The model file: $DZ_LM2 (empty: no second model), else the path found at configure time
** (NULL when the build has no second model). */
const char *dz_lm2_default_path(void);
/* The word table: $DZ_LM2_WORDS, else the build tree's if readable, else the installed one. */
const char *dz_lm2_words_default_path(void);

/* Load the model and its word table (NULL: the default paths). 0, or DZ_ENOTFOUND (no model
** in this build, switched off, or a file missing) / DZ_EINVALID (a damaged file) / DZ_ENOMEM,
** with a Chinese message in err. */
int dz_lm2_open(dz_lm2 **out, const char *model, const char *words, dz_error *err);
void dz_lm2_free(dz_lm2 *lm);

/* The model's word id of w[0..n) (UTF-8), or -1 when its lexicon lacks the word. */
int64_t dz_lm2_word_id(const dz_lm2 *lm, const char *w, size_t n);

/* Natural-log probability of the n characters of s (character i is s[off[i]..off[i+1])) under
** the model's best segmentation into its words, without sentence boundaries. Characters outside
** its lexicon are scored as unknown words. Thread-safe: the model is read-only. */
double dz_lm2_score(const dz_lm2 *lm, const char *s, const uint32_t *off, int n);

/* The C++ side (lm_sunpinyin.cpp): the trigram model alone, by word id. */
typedef struct dz_slm dz_slm;
#define DZ_SLM_UNKNOWN 0x3FFFFu /* a word id no model holds: scored by backing off to the root */
/* 0, DZ_ENOTFOUND (no such file), DZ_EINVALID (not a model of this layout) or DZ_ENOMEM. */
int dz_slm_open(dz_slm **out, const char *path);
void dz_slm_free(dz_slm *m);
/* −ln P(wid | *state); *state (level << 24 | index) becomes the history after wid (0: none). */
double dz_slm_step(const dz_slm *m, uint32_t *state, uint32_t wid);

#ifdef __cplusplus
}
#endif
#endif
