/*
** Reader of the compiled dictionary: mmap, header validation, and the lookups the segmenter
** and the spelling checker need. See dictfmt.h for the layout and tools/dictgen.c for the
** writer. Every offset read from the file is bounds-checked once at open time, so lookups
** can trust them.
*/
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dz_spell_config.h"
#include "lexicon/dict.h"
#include "text/utf8.h"
#include "util/error.h"

struct dz_dict {
  const unsigned char *base;
  size_t size;
  const dz_dict_header *h;
  const dz_dict_entry *tab;
  const uint16_t *readings, *alt, *syl_fuzzy;
  const uint32_t *shapes, *look_start, *look_items, *sylc_start, *sylc_items;
  const dz_dict_var_slot *var;
  const dz_dict_var_item *var_items;
  const char *syl;
  const uint8_t *pairs;
  double log_total;
};

/* The first existing candidate path; the build-tree path is compiled in. */
const char *dz_dict_default_path(void) {
  const char *env = getenv("DZ_DICT");
  if (env && *env) return env;
  if (access(DZ_DICT_BUILD_PATH, R_OK) == 0) return DZ_DICT_BUILD_PATH;
  return DZ_DICT_INSTALL_PATH;
}

/* A section [off, off+n*size) must lie inside the file. */
static int in_file(size_t size, uint64_t off, uint64_t n, uint64_t elem) {
  return off <= size && n * elem <= size - off;
}

/* Header sanity: magic, size, power-of-two tables, every section inside the file. */
static int check_header(const dz_dict *d) {
  const dz_dict_header *h = d->h;
  size_t sz = d->size;
  if (sz < sizeof *h || memcmp(h->magic, DZ_DICT_MAGIC, 8) || h->file_size != sz) return 0;
  if (!h->words_cap || (h->words_cap & (h->words_cap - 1)) || !h->var_nb ||
      (h->var_nb & (h->var_nb - 1)) || h->syl_count == 0 || h->total_freq == 0)
    return 0;
  if ((h->words_off | h->readings_off | h->shapes_off | h->syl_fuzzy_off | h->var_start_off |
       h->alt_off) & 1)
    return 0;
  return in_file(sz, h->pool_off, h->pool_size, 1) &&
         in_file(sz, h->words_off, h->words_cap, sizeof(dz_dict_entry)) &&
         in_file(sz, h->readings_off, h->cp_count, 2) && in_file(sz, h->shapes_off, h->cp_count, 4) &&
         in_file(sz, h->alt_off, (uint64_t)h->cp_count * DZ_DICT_ALT, 2) &&
         in_file(sz, h->syl_off, h->syl_count, 8) && in_file(sz, h->syl_fuzzy_off, h->syl_count, 2) &&
         in_file(sz, h->var_start_off, h->var_nb, sizeof(dz_dict_var_slot)) &&
         in_file(sz, h->var_items_off, h->var_n_items, sizeof(dz_dict_var_item)) &&
         !(h->var_items_off & 3) &&
         in_file(sz, h->look_start_off, (uint64_t)h->cp_count + 1, 4) &&
         in_file(sz, h->look_items_off, h->look_n_items, 4) && !(h->look_start_off & 3) &&
         in_file(sz, h->sylc_start_off, (uint64_t)h->syl_count + 1, 4) &&
         in_file(sz, h->sylc_items_off, h->sylc_n_items, 4) && !((h->sylc_start_off | h->sylc_items_off) & 3) &&
         !(h->look_items_off & 3) && !(h->var_start_off & 3) &&
         !(h->shapes_off & 3) && !(h->words_off & 3) && h->pair_bits >= 8 &&
         !(h->pair_bits & (h->pair_bits - 1)) && in_file(sz, h->pair_off, h->pair_bits / 8, 1);
}

/* CSR starts rise from 0 to the item count, so that every list a lookup returns lies inside
** the items (one pass over some 27k integers, microseconds at open). */
static int check_csr(const dz_dict *d, uint32_t start_off, uint32_t n, uint32_t n_items) {
  const uint32_t *st = (const uint32_t *)(d->base + start_off);
  if (st[0] != 0 || st[n] != n_items) return 0;
  for (uint32_t k = 0; k < n; k++)
    if (st[k] > st[k + 1]) return 0;
  return 1;
}

/* A record offset read from the map points at a whole record inside the pool. Checked on
** every use (two compares) instead of walking 25 MB at open, which would cost start-up time. */
static inline const unsigned char *record(const dz_dict *d, uint32_t off) {
  uint64_t lo = d->h->pool_off, hi = lo + d->h->pool_size;
  if (off < lo || (uint64_t)off + 6 > hi || (uint64_t)off + 6 + d->base[off + 4] > hi) return NULL;
  return d->base + off;
}

/* Map the file read-only and validate it; the map is shared by every user of the handle. */
int dz_dict_open(dz_dict **out, const char *path, dz_error *err) {
  if (!path) path = dz_dict_default_path();
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return dz__error_set(err, DZ_ENOTFOUND,
                         "找不到拼写词典 %s（%s）。请先构建（make），或用环境变量 DZ_DICT 指定 dict.bin 的位置",
                         path, strerror(errno));
  struct stat st;
  if (fstat(fd, &st) || st.st_size < (off_t)sizeof(dz_dict_header)) {
    close(fd);
    return dz__error_set(err, DZ_EINVALID, "拼写词典 %s 已损坏或不完整，请重新构建", path);
  }
  void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
  close(fd);
  if (m == MAP_FAILED) return dz__error_set(err, DZ_EIO, "无法映射拼写词典 %s：%s", path, strerror(errno));
  dz_dict *d = calloc(1, sizeof *d);
  if (!d) {
    munmap(m, (size_t)st.st_size);
    return dz__error_nomem(err);
  }
  d->base = m;
  d->size = (size_t)st.st_size;
  d->h = m;
  if (!check_header(d) || !check_csr(d, d->h->look_start_off, d->h->cp_count, d->h->look_n_items) ||
      !check_csr(d, d->h->sylc_start_off, d->h->syl_count, d->h->sylc_n_items))
    goto bad;
  d->tab = (const dz_dict_entry *)(d->base + d->h->words_off);
  d->readings = (const uint16_t *)(d->base + d->h->readings_off);
  d->alt = (const uint16_t *)(d->base + d->h->alt_off);
  d->shapes = (const uint32_t *)(d->base + d->h->shapes_off);
  d->syl = (const char *)(d->base + d->h->syl_off);
  d->syl_fuzzy = (const uint16_t *)(d->base + d->h->syl_fuzzy_off);
  d->var = (const dz_dict_var_slot *)(d->base + d->h->var_start_off);
  d->var_items = (const dz_dict_var_item *)(d->base + d->h->var_items_off);
  d->pairs = d->base + d->h->pair_off;
  d->look_start = (const uint32_t *)(d->base + d->h->look_start_off);
  d->look_items = (const uint32_t *)(d->base + d->h->look_items_off);
  d->sylc_start = (const uint32_t *)(d->base + d->h->sylc_start_off);
  d->sylc_items = (const uint32_t *)(d->base + d->h->sylc_items_off);
  d->log_total = log((double)d->h->total_freq);
  *out = d;
  return DZ_OK;
bad:
  munmap(m, d->size);
  free(d);
  return dz__error_set(err, DZ_EINVALID, "拼写词典 %s 格式不对或已损坏，请重新构建（make）", path);
}

/* NULL-safe; unmaps the file. */
void dz_dict_free(dz_dict *d) {
  if (!d) return;
  munmap((void *)d->base, d->size);
  free(d);
}

/* Little-endian u32 at the start of a word record (records are not 4-byte aligned). */
static uint32_t rec_freq(const unsigned char *r) {
  return (uint32_t)r[0] | (uint32_t)r[1] << 8 | (uint32_t)r[2] << 16 | (uint32_t)r[3] << 24;
}

int64_t dz_dict_lookup(const dz_dict *d, const char *s, size_t n, unsigned *flags) {
  if (n == 0 || n > 255) return -1;
  uint64_t h64 = dz_dict_hash64(s, (uint32_t)n);
  uint32_t hv = (uint32_t)h64 | 1u, ck = (uint32_t)(h64 >> 32), m = d->h->words_cap - 1;
  for (uint32_t slot = hv & m, probes = 0; probes <= m; slot = (slot + 1) & m, probes++) {
    const dz_dict_entry *e = &d->tab[slot];
    if (!e->hash) return -1;
    if (e->hash != hv || e->check != ck) continue;
    if (!flags) return e->freq; /* the 64-bit key is trusted: no pool access */
    const unsigned char *r = record(d, e->off);
    if (r && r[4] == n && !memcmp(r + 6, s, n)) {
      *flags = r[5];
      return e->freq;
    }
  }
  return -1; /* a full table only happens in a corrupt file */
}

/* Cached at open: every segmentation edge subtracts it. */
double dz_dict_log_total(const dz_dict *d) { return d->log_total; }
/* Real words (prefix entries excluded), for tests and reports. */
uint32_t dz_dict_word_count(const dz_dict *d) { return d->h->n_words; }

/* Walk prefixes of growing length; a miss (-1) ends the walk, as in jieba's DAG. */
int dz_dict_prefixes(const dz_dict *d, const char *s, size_t n,
                     int (*fn)(void *ctx, size_t len, uint32_t freq), void *ctx) {
  size_t i = 0;
  while (i < n) {
    dz_utf8_next(s, n, &i);
    int64_t f = dz_dict_lookup(d, s, i, NULL);
    if (f < 0) break;
    if (f > 0) {
      int rc = fn(ctx, i, (uint32_t)f);
      if (rc) return rc;
    }
  }
  return 0;
}

/* Out-of-range code points and unknown ids read as "no reading". */
uint16_t dz_dict_syllable(const dz_dict *d, uint32_t cp) {
  uint32_t k = cp - d->h->cp_first;
  if (cp < d->h->cp_first || k >= d->h->cp_count) return 0;
  uint16_t id = d->readings[k];
  return id < d->h->syl_count ? id : 0;
}

/* ICU's reading first, then the other common ones; ids outside the table are dropped. */
int dz_dict_readings(const dz_dict *d, uint32_t cp, uint16_t out[1 + DZ_DICT_ALT]) {
  uint32_t k = cp - d->h->cp_first;
  if (cp < d->h->cp_first || k >= d->h->cp_count) return 0;
  int n = 0;
  uint16_t id = d->readings[k];
  if (id && id < d->h->syl_count) out[n++] = id;
  for (int j = 0; j < DZ_DICT_ALT; j++) {
    id = d->alt[(size_t)k * DZ_DICT_ALT + j];
    if (id && id < d->h->syl_count) out[n++] = id;
  }
  return n;
}

/* Does some reading of cp fall in fuzzy class cls? (Inlined array reads: it runs for every
** character of every word the sound-alike index returns.) */
static inline int has_class(const dz_dict *d, uint32_t cp, uint32_t cls) {
  uint32_t k = cp - d->h->cp_first, ns = d->h->syl_count;
  if (cp < d->h->cp_first || k >= d->h->cp_count) return 0;
  uint16_t id = d->readings[k];
  if (id && id < ns && d->syl_fuzzy[id] == cls) return 1;
  const uint16_t *alt = d->alt + (size_t)k * DZ_DICT_ALT;
  for (int j = 0; j < DZ_DICT_ALT && alt[j]; j++)
    if (alt[j] < ns && d->syl_fuzzy[alt[j]] == cls) return 1;
  return 0;
}

/* Syllable records are NUL-padded to 8 bytes; id 0 is the empty string. */
const char *dz_dict_syllable_text(const dz_dict *d, uint16_t id) {
  return id && id < d->h->syl_count ? d->syl + (size_t)id * 8 : "";
}

/* The fold class, so that callers compare two readings with one integer test. */
uint16_t dz_dict_syllable_fuzzy(const dz_dict *d, uint16_t id) {
  return id < d->h->syl_count ? d->syl_fuzzy[id] : 0;
}

/* Packed Cangjie code of a character, 0 outside the range or without a code. */
uint32_t dz_dict_shape(const dz_dict *d, uint32_t cp) {
  uint32_t k = cp - d->h->cp_first;
  if (cp < d->h->cp_first || k >= d->h->cp_count) return 0;
  return d->shapes[k];
}

/* Two Bloom probes; false positives possible, false negatives not. */
int dz_dict_pair_maybe(const dz_dict *d, uint32_t a, uint32_t b) {
  uint32_t p1, p2;
  dz_dict_pair_probes(a, b, d->h->pair_bits - 1, &p1, &p2);
  return (d->pairs[p1 >> 3] >> (p1 & 7) & 1) && (d->pairs[p2 >> 3] >> (p2 & 7) & 1);
}

/* The Bloom filter for dz_dict_pair_test. */
const uint8_t *dz_dict_pair_filter(const dz_dict *d, uint32_t *mask) {
  *mask = d->h->pair_bits - 1;
  return d->pairs;
}

/* CSR slice of the look-alike lists, bounds-checked against the item count. */
const uint32_t *dz_dict_lookalikes(const dz_dict *d, uint32_t cp, size_t *n) {
  uint32_t k = cp - d->h->cp_first;
  *n = 0;
  if (cp < d->h->cp_first || k >= d->h->cp_count) return NULL;
  uint32_t a = d->look_start[k], b = d->look_start[k + 1];
  if (a > b || b > d->h->look_n_items) return NULL;
  *n = b - a;
  return d->look_items + a;
}

/* CSR slice of the homophone characters (bounds checked at open). */
const uint32_t *dz_dict_syllable_chars(const dz_dict *d, uint16_t id, size_t *n) {
  *n = 0;
  if (!id || id >= d->h->syl_count) return NULL;
  *n = d->sylc_start[id + 1] - d->sylc_start[id];
  return d->sylc_items + d->sylc_start[id];
}

/* The words of the sound-alike list for the classes cls[0..len): find the key's slot, then
** check each word's code points against the classes (any reading of the character); only a
** word that passes has its record read. A list reaching past the items (a damaged file) is
** ignored. */
static void homophone_run(const dz_dict *d, const uint32_t *cps, const uint32_t *cls, int len,
                          void (*fn)(void *ctx, const char *w, size_t wn, const uint32_t *wcps,
                                     uint32_t freq),
                          void *ctx) {
  uint32_t wc[DZ_DICT_VAR_MAX];
  uint32_t key = dz_dict_var_key(cls, len), m = d->h->var_nb - 1, ni = d->h->var_n_items;
  for (uint32_t slot = key & m, probes = 0; d->var[slot].key && probes <= m;
       slot = (slot + 1) & m, probes++) {
    const dz_dict_var_slot *v = &d->var[slot];
    if (v->key != key) continue;
    if (v->start > ni || v->count > ni - v->start) return;
    for (const dz_dict_var_item *e = d->var_items + v->start, *end = e + v->count; e < end; e++) {
      int k = 0, ok = 1, same = 1;
      for (; k < len && ok; k++) {
        wc[k] = e->cp[k];
        ok = wc[k] && has_class(d, wc[k], cls[k]);
        same &= wc[k] == cps[k];
      }
      if (!ok || same || (len < DZ_DICT_VAR_MAX && e->cp[len])) continue;
      const unsigned char *r = record(d, e->off);
      if (r) fn(ctx, (const char *)r + 6, r[4], wc, rec_freq(r));
    }
    return; /* one slot per key */
  }
}

/* The span read with each character's first reading, then with one character at a time read
** another way (长 as chang, 地 as di): a polyphone typed for its other reading is found
** without trying every combination. A word met under two readings is reported twice; the
** caller's candidates are deduplicated. */
void dz_dict_homophones(const dz_dict *d, const uint32_t *cps, int len,
                        void (*fn)(void *ctx, const char *w, size_t wn, const uint32_t *wcps,
                                   uint32_t freq),
                        void *ctx) {
  if (len < 2 || len > DZ_DICT_VAR_MAX) return;
  uint16_t rd[DZ_DICT_VAR_MAX][1 + DZ_DICT_ALT];
  int nr[DZ_DICT_VAR_MAX];
  uint32_t cls[DZ_DICT_VAR_MAX];
  for (int j = 0; j < len; j++) {
    nr[j] = dz_dict_readings(d, cps[j], rd[j]);
    if (!nr[j]) return;
    cls[j] = d->syl_fuzzy[rd[j][0]];
  }
  homophone_run(d, cps, cls, len, fn, ctx);
  for (int j = 0; j < len; j++)
    for (int a = 1; a < nr[j]; a++) {
      uint32_t c = d->syl_fuzzy[rd[j][a]], keep = cls[j];
      int dup = c == keep;
      for (int b = 1; b < a; b++) dup |= d->syl_fuzzy[rd[j][b]] == c;
      if (dup) continue;
      cls[j] = c;
      homophone_run(d, cps, cls, len, fn, ctx);
      cls[j] = keep;
    }
}
