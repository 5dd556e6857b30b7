/*
** The second language model (lm2.h): its word table (mmap, lm2fmt.h) and the scoring of a
** run of characters by the model's best segmentation, a Viterbi search that keeps the
** DZ_LM2_BEAM best model states at each character. The trigram model itself is behind
** dz_slm_* (lm_sunpinyin.cpp; stand-ins below when the build has no libsunpinyin).
*/
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dz_lm2_config.h"
#include "lexicon/lm2.h"
#include "lexicon/lm2fmt.h"
#include "util/error.h"

#define DZ_LM2_BEAM 4      /* model states kept at each character */
#define DZ_LM2_MAX_WORD 8  /* longest word tried, in characters */
#define DZ_LM2_MAX_CHARS 64 /* longest run scored in one search; longer runs are cut */

struct dz_lm2 {
  dz_slm *slm;
  const unsigned char *base;
  size_t size;
  const dz_lm2_slot *tab;
  uint32_t mask;
};

const char *dz_lm2_default_path(void) {
  const char *env = getenv("DZ_LM2");
  if (env) return *env ? env : NULL; /* DZ_LM2= (empty) switches the second model off */
  return DZ_LM2_PATH[0] ? DZ_LM2_PATH : NULL;
}

const char *dz_lm2_words_default_path(void) {
  const char *env = getenv("DZ_LM2_WORDS");
  if (env && *env) return env;
  if (access(DZ_LM2_WORDS_BUILD_PATH, R_OK) == 0) return DZ_LM2_WORDS_BUILD_PATH;
  return DZ_LM2_WORDS_INSTALL_PATH;
}

/* Map the word table and check its header; the slots are then trusted (ids are only passed to
** the model, which bounds its own lookups by binary search). */
static int map_words(dz_lm2 *lm, const char *path, dz_error *err) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return dz__error_set(err, DZ_ENOTFOUND, "找不到第二语言模型的词表 %s（%s）。请先构建（make），或用环境变量 DZ_LM2_WORDS 指定 slm_words.bin 的位置",
                         path, strerror(errno));
  struct stat st;
  void *m = MAP_FAILED;
  if (fstat(fd, &st) == 0 && st.st_size >= (off_t)sizeof(dz_lm2_header))
    m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
  close(fd);
  if (m == MAP_FAILED) return dz__error_set(err, DZ_EINVALID, "第二语言模型的词表 %s 已损坏或不完整，请重新构建（make）", path);
  const dz_lm2_header *h = m;
  lm->base = m;
  lm->size = (size_t)st.st_size;
  if (memcmp(h->magic, DZ_LM2_MAGIC, 8) || h->file_size != lm->size || !h->cap ||
      (h->cap & (h->cap - 1)) ||
      (uint64_t)h->cap * sizeof(dz_lm2_slot) != lm->size - sizeof *h) {
    munmap(m, lm->size);
    lm->base = NULL;
    return dz__error_set(err, DZ_EINVALID, "第二语言模型的词表 %s 格式不对或已损坏，请重新构建（make）", path);
  }
  lm->tab = (const dz_lm2_slot *)(lm->base + sizeof *h);
  lm->mask = h->cap - 1;
  return DZ_OK;
}

int dz_lm2_open(dz_lm2 **out, const char *model, const char *words, dz_error *err) {
  if (!model) model = dz_lm2_default_path();
  if (!model) return dz__error_set(err, DZ_ENOTFOUND, "本构建没有第二语言模型，或已用 DZ_LM2= 关闭");
  if (!words) words = dz_lm2_words_default_path();
  dz_lm2 *lm = calloc(1, sizeof *lm);
  if (!lm) return dz__error_nomem(err);
  int rc = dz_slm_open(&lm->slm, model);
  if (rc == DZ_ENOMEM) rc = dz__error_nomem(err);
  else if (rc == DZ_ENOTFOUND)
    dz__error_set(err, rc, "找不到第二语言模型 %s（Debian 软件包 sunpinyin-data），或用环境变量 DZ_LM2 指定 lm_sc.t3g 的位置", model);
  else if (rc) dz__error_set(err, rc, "第二语言模型 %s 格式不对或已损坏", model);
  if (!rc) rc = map_words(lm, words, err);
  if (rc) {
    dz_lm2_free(lm);
    return rc;
  }
  *out = lm;
  return DZ_OK;
}

/* NULL-safe. */
void dz_lm2_free(dz_lm2 *lm) {
  if (!lm) return;
  if (lm->base) munmap((void *)lm->base, lm->size);
  dz_slm_free(lm->slm);
  free(lm);
}

/* The slot of key, or NULL. */
static const dz_lm2_slot *find(const dz_lm2 *lm, uint64_t key) {
  for (uint32_t i = (uint32_t)key & lm->mask, probes = 0; probes <= lm->mask;
       i = (i + 1) & lm->mask, probes++) {
    const dz_lm2_slot *s = &lm->tab[i];
    if (s->key == key) return s;
    if (!s->key) return NULL;
  }
  return NULL;
}

int64_t dz_lm2_word_id(const dz_lm2 *lm, const char *w, size_t n) {
  if (!n || n > UINT32_MAX) return -1;
  const dz_lm2_slot *s = find(lm, dz_lm2_fnv(DZ_LM2_FNV_INIT, w, (uint32_t)n) | 1u);
  return s && (s->flags & DZ_LM2_WORD) ? (int64_t)s->id : -1;
}

typedef struct hyp {
  uint32_t state;
  double cost; /* −ln P of the characters before */
} hyp;

typedef struct beam {
  hyp h[DZ_LM2_BEAM];
  int n;
} beam;

/* Keep the DZ_LM2_BEAM cheapest distinct states. */
static void beam_put(beam *b, uint32_t state, double cost) {
  int worst = 0;
  for (int i = 0; i < b->n; i++) {
    if (b->h[i].state == state) {
      if (cost < b->h[i].cost) b->h[i].cost = cost;
      return;
    }
    if (b->h[i].cost > b->h[worst].cost) worst = i;
  }
  if (b->n < DZ_LM2_BEAM) b->h[b->n++] = (hyp){state, cost};
  else if (cost < b->h[worst].cost) b->h[worst] = (hyp){state, cost};
}

/* Best segmentation of n <= DZ_LM2_MAX_CHARS characters. */
static double score_run(const dz_lm2 *lm, const char *s, const uint32_t *off, int n) {
  beam b[DZ_LM2_MAX_CHARS + 1];
  for (int i = 0; i <= n; i++) b[i].n = 0;
  b[0].h[0] = (hyp){0, 0};
  b[0].n = 1;
  for (int i = 0; i < n; i++) {
    if (!b[i].n) continue;
    uint64_t h = DZ_LM2_FNV_INIT;
    for (int j = i + 1; j <= n && j - i <= DZ_LM2_MAX_WORD; j++) {
      h = dz_lm2_fnv(h, s + off[j - 1], off[j] - off[j - 1]);
      const dz_lm2_slot *sl = find(lm, h | 1u);
      uint32_t fl = sl ? sl->flags : 0;
      /* A character that is no word of the lexicon is an unknown word of its own. */
      uint32_t wid = fl & DZ_LM2_WORD ? sl->id : j == i + 1 ? DZ_SLM_UNKNOWN : 0;
      if (fl & DZ_LM2_WORD || j == i + 1)
        for (int k = 0; k < b[i].n; k++) {
          uint32_t st = b[i].h[k].state;
          double c = b[i].h[k].cost + dz_slm_step(lm->slm, &st, wid);
          beam_put(&b[j], st, c);
        }
      if (!(fl & DZ_LM2_PREFIX)) break;
    }
  }
  double best = b[n].n ? b[n].h[0].cost : 0;
  for (int k = 1; k < b[n].n; k++)
    if (b[n].h[k].cost < best) best = b[n].h[k].cost;
  return -best;
}

double dz_lm2_score(const dz_lm2 *lm, const char *s, const uint32_t *off, int n) {
  double total = 0;
  for (int i = 0; i < n; i += DZ_LM2_MAX_CHARS) {
    int m = n - i < DZ_LM2_MAX_CHARS ? n - i : DZ_LM2_MAX_CHARS;
    total += score_run(lm, s, off + i, m);
  }
  return total;
}

#ifndef DZ_HAVE_SUNPINYIN
/* Stand-in: this build has no second model. */
int dz_slm_open(dz_slm **out, const char *path) {
  (void)out, (void)path;
  return DZ_ENOTFOUND;
}

/* Stand-in: nothing to free. */
void dz_slm_free(dz_slm *m) { (void)m; }

/* Stand-in: never called without a model. */
double dz_slm_step(const dz_slm *m, uint32_t *state, uint32_t wid) {
  (void)m, (void)state, (void)wid;
  return 0;
}
#endif
