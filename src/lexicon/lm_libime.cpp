/*
** libime language model behind lm.h's C interface: the only C++ in duizhao, kept to this file.
** Compiled only when cmake/spell.cmake finds libimecore-dev (DZ_HAVE_LIBIME).
*/
#include <libime/core/languagemodel.h>
#include <libime/core/lattice.h>

#include <exception>
#include <new>
#include <string_view>
#include <vector>

extern "C" {
#include "duizhao.h"
#include "lexicon/lm.h"
}

struct dz_lm {
  libime::LanguageModel model;
  explicit dz_lm(const char *path) : model(path) {}
};

extern "C" int dz_lm_open(dz_lm **out, const char *path) {
  if (!path) path = dz_lm_default_path();
  if (!path) return DZ_ENOTFOUND;
  try {
    *out = new dz_lm(path);
  } catch (const std::bad_alloc &) {
    return DZ_ENOMEM;
  } catch (const std::exception &) {
    return DZ_EINVALID; /* missing or unreadable model file */
  }
  return DZ_OK;
}

extern "C" void dz_lm_free(dz_lm *lm) { delete lm; }

extern "C" double dz_lm_score(const dz_lm *lm, const char *const *words, const size_t *lens,
                              int n) {
  libime::State st = lm->model.nullState(), next;
  double total = 0;
  for (int i = 0; i < n; i++) {
    std::string_view w(words[i], lens[i]);
    libime::WordIndex idx = lm->model.index(w);
    if (idx == lm->model.unknown() && w.size() > 3) {
      /* A word jieba knows and the model does not (宏观经济): score the longest pieces the model
      ** knows, left to right, so that vocabulary gaps do not look like errors. */
      for (size_t p = 0; p < w.size();) {
        size_t best = 0, q = p;
        while (q < w.size()) {
          q++;
          while (q < w.size() && ((unsigned char)w[q] & 0xC0) == 0x80) q++;
          if (q - p == 0) break;
          if (lm->model.index(w.substr(p, q - p)) != lm->model.unknown() || !best) best = q - p;
        }
        std::string_view c = w.substr(p, best);
        libime::WordNode node(c, lm->model.index(c));
        total += lm->model.score(st, node, next);
        st = next;
        p += best;
      }
      continue;
    }
    libime::WordNode node(w, idx);
    total += lm->model.score(st, node, next);
    st = next;
  }
  return total;
}
