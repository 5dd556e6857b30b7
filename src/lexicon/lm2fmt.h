/*
** On-disk layout of the second language model's word table (build/data/slm_words.bin), shared
** by the build-time writer (tools/slmwords.cpp) and the reader (src/lexicon/lm2.c). The model
** itself (sunpinyin's lm_sc.t3g, Debian sunpinyin-data) is read in place; its lexicon
** (pydict_sc.bin) is a pinyin trie with no way to find a word's id from its text, so the build
** writes this table once. Little-endian, memory-mapped at run time:
**   header  dz_lm2_header
**   slots   cap dz_lm2_slot, an open-addressing table (cap a power of two) keyed by the 64-bit
**           FNV-1a of the UTF-8 text (forced odd, 0 = empty), holding every word of the
**           model's lexicon and every proper prefix of one (DZ_LM2_PREFIX), so that a scan of
**           the words starting at a character stops as soon as no word can continue.
*/
#ifndef DZ_LEXICON_LM2FMT_H
#define DZ_LEXICON_LM2FMT_H
#include <stdint.h>

#define DZ_LM2_MAGIC "DZSLMW01"
#define DZ_LM2_WORD 1u   /* the text is a word: id is its model word id */
#define DZ_LM2_PREFIX 2u /* the text is a proper prefix of a longer word */

typedef struct dz_lm2_header {
  char magic[8];
  uint32_t cap;      /* slots, a power of two */
  uint32_t n_words;  /* words of the lexicon in the table */
  uint32_t max_len;  /* longest word in characters */
  uint32_t reserved;
  uint64_t file_size;
} dz_lm2_header;

typedef struct dz_lm2_slot {
  uint64_t key;   /* dz_lm2_fnv(DZ_LM2_FNV_INIT, text) | 1; 0 = empty */
  uint32_t id;    /* model word id when flags has DZ_LM2_WORD */
  uint32_t flags; /* DZ_LM2_WORD | DZ_LM2_PREFIX */
} dz_lm2_slot;

#define DZ_LM2_FNV_INIT 14695981039346656037ull

/* 64-bit FNV-1a of s[0..n) continued from h (DZ_LM2_FNV_INIT to start), so that the reader
** extends a word by one character without rehashing it; the key is the result | 1. */
static inline uint64_t dz_lm2_fnv(uint64_t h, const char *s, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}
#endif
