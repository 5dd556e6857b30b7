/*
** libime language model behind the C functions dz_lmi_* (lm_module.h), which lm.c's dz_lm_*
** call. Built into the language-model module build/duizhao-lm.so (loaded with dlopen by the
** spelling check), never into the program, and only when cmake/spell.cmake finds
** libimecore-dev (DZ_HAVE_LIBIME).
*/
#include <libime/core/languagemodel.h>

#include <exception>
#include <new>
#include <string_view>
#include <vector>

extern "C" {
#include "duizhao.h"
#include "lexicon/lm_module.h"
}

struct dz_lm {
  libime::LanguageModel model;
  explicit dz_lm(const char *path) : model(path) {}
};

/* libime throws on a missing or bad file; no exception may cross into C. */
extern "C" int dz_lmi_open(dz_lm **out, const char *path) {
  try {
    *out = new dz_lm(path);
  } catch (const std::bad_alloc &) {
    return DZ_ENOMEM;
  } catch (const std::exception &) {
    return DZ_EINVALID; /* missing or unreadable model file */
  }
  return DZ_OK;
}

/* NULL-safe (delete of NULL is a no-op). */
extern "C" void dz_lmi_free(dz_lm *lm) { delete lm; }

/* A vocabulary lookup (one hash probe in libime). */
extern "C" int dz_lmi_known(const dz_lm *lm, const char *w, size_t n) {
  return lm->model.index(std::string_view(w, n)) != lm->model.unknown();
}

/* Score the words with kenlm's null context, replacing unknown words by known pieces. */
extern "C" double dz_lmi_score(const dz_lm *lm, const char *const *words, const size_t *lens,
                              int n) {
  const libime::LanguageModel &m = lm->model;
  std::vector<std::string_view> seq;
  seq.reserve((size_t)n * 2);
  for (int i = 0; i < n; i++) {
    std::string_view w(words[i], lens[i]);
    if (m.index(w) != m.unknown() || w.size() <= 3) {
      seq.push_back(w);
      continue;
    }
    /* A word jieba knows and the model does not (宏观经济): use the longest pieces the model
    ** knows, left to right, so that vocabulary gaps do not look like errors. */
    for (size_t p = 0; p < w.size();) {
      size_t best = 0, q = p;
      while (q < w.size()) {
        q++;
        while (q < w.size() && ((unsigned char)w[q] & 0xC0) == 0x80) q++;
        if (m.index(w.substr(p, q - p)) != m.unknown() || !best) best = q - p;
      }
      seq.push_back(w.substr(p, best));
      p += best;
    }
  }
  return m.wordsScore(m.nullState(), seq);
}
