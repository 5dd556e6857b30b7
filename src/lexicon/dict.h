/*
** The compiled dictionary (dict.bin, built by tools/dictgen.c): word lookup with jieba
** frequencies, prefix iteration for segmentation, per-character pinyin and Cangjie shape, and
** the look-alike lists and the sound-alike index that propose spelling candidates. The file
** is mapped read-only and shared; a dz_dict is immutable and may be used from several threads.
*/
#ifndef DZ_LEXICON_DICT_H
#define DZ_LEXICON_DICT_H
#include <stddef.h>
#include <stdint.h>
#include "duizhao.h"
#include "lexicon/dictfmt.h"

typedef struct dz_dict dz_dict;

/* Where dict.bin is looked for: $DZ_DICT, then the build tree, then the install path. */
const char *dz_dict_default_path(void);

/* Map the dictionary at `path` (NULL: dz_dict_default_path()). Validates the header and every
** section bound, so a truncated or foreign file is DZ_EINVALID, never a crash. */
int dz_dict_open(dz_dict **out, const char *path, dz_error *err);
void dz_dict_free(dz_dict *d);

/* Look up s[0..n). Returns the word's frequency (>= 1), 0 for a prefix of some word that is not
** itself a word, -1 when neither. *flags (may be NULL) receives DZ_DW_* flags. Without flags
** the lookup trusts a 64-bit hash match (one memory access); with flags it compares bytes. */
int64_t dz_dict_lookup(const dz_dict *d, const char *s, size_t n, unsigned *flags);

/* ln(total frequency), the denominator of jieba's unigram model. */
double dz_dict_log_total(const dz_dict *d);
uint32_t dz_dict_word_count(const dz_dict *d);

/* Call fn for every dictionary word that is a prefix of s[0..n) (shortest first), with its byte
** length and frequency; stops when fn returns non-zero (that value is returned). */
int dz_dict_prefixes(const dz_dict *d, const char *s, size_t n,
                     int (*fn)(void *ctx, size_t len, uint32_t freq), void *ctx);

/* Toneless pinyin syllable id of a character (0 = no reading), its text and fuzzy class. */
uint16_t dz_dict_syllable(const dz_dict *d, uint32_t cp);
const char *dz_dict_syllable_text(const dz_dict *d, uint16_t id);
uint16_t dz_dict_syllable_fuzzy(const dz_dict *d, uint16_t id);

/* A character's readings, ICU's first, then its other common ones; returns their count
** (0: no reading). */
int dz_dict_readings(const dz_dict *d, uint32_t cp, uint16_t out[1 + DZ_DICT_ALT]);

/* The common characters (one-character words of jieba frequency DZ_DICT_SYLC_MIN or more)
** whose first reading is syllable id, most frequent first (borrowed from the map). */
const uint32_t *dz_dict_syllable_chars(const dz_dict *d, uint16_t id, size_t *n);

/* Packed Cangjie code of a character (0 = none); see dictfmt.h. */
uint32_t dz_dict_shape(const dz_dict *d, uint32_t cp);

/* Could some word of 2..DZ_DICT_VAR_MAX characters hold a next to b? 0 means surely not. */
int dz_dict_pair_maybe(const dz_dict *d, uint32_t a, uint32_t b);

/* The same test inlined, for loops over many pairs: the filter's bits and mask come from
** dz_dict_pair_filter once. */
const uint8_t *dz_dict_pair_filter(const dz_dict *d, uint32_t *mask);
static inline int dz_dict_pair_test(const uint8_t *bits, uint32_t mask, uint32_t a, uint32_t b) {
  uint32_t p1, p2;
  dz_dict_pair_probes(a, b, mask, &p1, &p2);
  return (bits[p1 >> 3] >> (p1 & 7) & 1) && (bits[p2 >> 3] >> (p2 & 7) & 1);
}

/* The characters that look like cp (borrowed from the map; *n of them, sorted). */
const uint32_t *dz_dict_lookalikes(const dz_dict *d, uint32_t cp, size_t *n);

/* Words of `len` (2..DZ_DICT_VAR_MAX) Han characters whose characters have, one by one, the
** fuzzy pinyin class of cps[] (the sound-alike words of the span), other than cps itself: the
** span read with its first readings, or with one character read another way. Calls
** fn with the word's bytes (borrowed from the map), its code points and its frequency. */
void dz_dict_homophones(const dz_dict *d, const uint32_t *cps, int len,
                        void (*fn)(void *ctx, const char *w, size_t wn, const uint32_t *wcps,
                                   uint32_t freq),
                        void *ctx);
#endif
