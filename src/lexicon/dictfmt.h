/*
** The on-disk layout of the compiled dictionary (dict.bin), shared by the build-time generator
** (tools/dictgen.c) and the run-time reader (src/lexicon/dict.c). The file is memory-mapped and
** read in place, so every field is a little-endian fixed-width integer at a 4-byte aligned
** offset from the start of the file. Nothing here is public API.
**
** Sections:
**   pool     word records: [u32 freq][u8 byte length][u8 flags][bytes]; flags DZ_DW_*;
**            freq is 0 for a prefix-only record
**   words    open-addressing hash table of dz_dict_entry (cap is a power of two), keyed by
**            64-bit FNV-1a; holds every word and every proper prefix of a word (freq 0, flags
**            without DZ_DW_WORD), the "prefix dictionary" of jieba, so that DAG building can
**            stop early
**   readings per code point of [cp_first, cp_first+cp_count): u16 syllable id (0 = unknown),
**            ICU's reading
**   alt readings per code point of the range, DZ_DICT_ALT u16 syllable ids (0 = none): the
**            character's other common readings (libime's pinyin dictionary: 地 di besides
**            ICU's de, 长 chang besides zhang)
**   syllables syl_count fixed 8-byte records: NUL-padded toneless pinyin (max 6 letters),
**            then each syllable's fuzzy class at syl_fuzzy_off (u16 per syllable)
**   shapes   per code point of the same range: u32 packed Cangjie code (0 = unknown), 5 bits a
**            letter, up to 5 letters, length in the top 3 bits
**   lookalikes per code point of the range, the characters that look like it (shape.h; items
**            flagged DZ_LOOK_WEAK or DZ_LOOK_PART for the weaker and the component look-alikes):
**            CSR arrays look_start[cp_count+1] and look_items[] (code points)
**   homophone chars per syllable id (CSR: sylc_start[syl_count+1], sylc_items[]), the
**            characters whose first (ICU) reading it is and that jieba knows as one-character
**            words of frequency DZ_DICT_SYLC_MIN or more, most frequent first: the single
**            characters a pinyin typist may have picked instead of another (禾 for 和)
**   pairs    a Bloom filter (pair_bits bits, two probes) of the adjacent character pairs of
**            every Han word of 2..DZ_DICT_VAR_MAX characters: a cheap "could a word hold these
**            two characters side by side?" before look-alike candidates pay for lookups
**   sounds   the sound-alike index: every word of 2..DZ_DICT_VAR_MAX Han characters that all
**            have a reading, keyed by hash(len, the fuzzy pinyin class of each character, read
**            as in that word when libime's pinyin dictionary spells it: 地区 di qu), so
**            that one lookup returns the words that a pinyin typist could have meant by a span
**            (部暑→部署, 淡味→单位). An open-addressing table of var_nb dz_dict_var_slot at
**            var_start_off (key 0 = empty; keys forced odd), one slot per distinct key with
**            the range of its words among the var_n_items dz_dict_var_item at var_items_off
**            (in word order).
**            The reader compares the classes of a matching slot's word (any reading of each
**            character), so hash collisions cannot produce a wrong candidate.
*/
#ifndef DZ_LEXICON_DICTFMT_H
#define DZ_LEXICON_DICTFMT_H
#include <stdint.h>

#define DZ_DICT_MAGIC "DZDICT09"
#define DZ_DICT_VAR_MAX 4 /* longest word (in characters) in the sound-alike index */
#define DZ_DICT_ALT 2     /* other readings kept per character */
#define DZ_DICT_SYLC_MIN 100 /* one-character word frequency of a homophone character */
/* A look-alike list item is a code point, with this bit set for a weaker look-alike (codes two
** edits apart that the glyphs confirm), or this one for a component look-alike (a character and
** its phonetic component, 列/例: one holds the other's Wubi code after a radical); lists are
** sorted by DZ_LOOK_CP. */
#define DZ_LOOK_WEAK 0x80000000u
#define DZ_LOOK_PART 0x40000000u
#define DZ_LOOK_CP(x) ((x) & 0x1FFFFFu)

enum {
  DZ_DW_WORD = 1,     /* a real word, not only a prefix */
  DZ_DW_GONGWEN = 2,  /* from data/lexicon/gongwen_vocab.tsv */
  DZ_DW_NAME = 4,     /* jieba tag nr/nrfg/nrt (person name) */
  DZ_DW_PLACE = 8,    /* jieba tag ns/nt/nz (place, organisation, other proper noun) */
  DZ_DW_HAN = 16      /* every character is a Han ideograph */
};

typedef struct dz_dict_header {
  char magic[8];
  uint32_t file_size;
  uint32_t n_words;        /* real words */
  uint64_t total_freq;     /* sum of word frequencies (jieba's "total") */
  uint32_t pool_off, pool_size;
  uint32_t words_off, words_cap;
  uint32_t cp_first, cp_count;
  uint32_t readings_off, shapes_off;
  uint32_t syl_off, syl_count, syl_fuzzy_off;
  uint32_t var_nb, var_start_off, var_items_off, var_n_items;
  uint32_t max_word_bytes;
  uint32_t look_start_off, look_items_off, look_n_items;
  uint32_t pair_off, pair_bits; /* pair_bits is a power of two */
  uint32_t alt_off;             /* cp_count * DZ_DICT_ALT u16 */
  uint32_t sylc_start_off, sylc_items_off, sylc_n_items;
} dz_dict_header;

typedef struct dz_dict_entry {
  uint32_t hash;  /* low half of dz_dict_hash64, forced odd; 0 marks an empty slot */
  uint32_t check; /* high half: with `hash` a 64-bit key, so that a lookup that needs only the
                     frequency does not touch the pool (a false match has odds of 2^-64) */
  uint32_t freq;  /* 0 for a prefix-only entry */
  uint32_t off;   /* file offset of the word record in the pool */
} dz_dict_entry;

/* 64-bit FNV-1a of a word. */
static inline uint64_t dz_dict_hash64(const char *s, uint32_t n) {
  uint64_t h = 14695981039346656037ull;
  for (uint32_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

typedef struct dz_dict_var_slot {
  uint32_t key;   /* dz_dict_var_key | 1; 0 = empty */
  uint32_t start; /* first of the key's words in the items */
  uint32_t count; /* number of its words */
} dz_dict_var_slot;

/* A word of the sound-alike index: its code points inline (0 after the last), so that checking
** a list of words reads one sequential array instead of one record per word somewhere in the
** pool (a cache miss each); the record is read only for a word that passes. */
typedef struct dz_dict_var_item {
  uint32_t off; /* file offset of the word record */
  uint32_t cp[DZ_DICT_VAR_MAX];
} dz_dict_var_item;

/* FNV-1a, forced odd so that 0 can mark empty slots. */
static inline uint32_t dz_dict_hash(const char *s, uint32_t n) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h | 1u;
}

/* The two Bloom-filter probes of the character pair (a, b). */
static inline void dz_dict_pair_probes(uint32_t a, uint32_t b, uint32_t mask, uint32_t *p1,
                                       uint32_t *p2) {
  uint64_t x = ((uint64_t)a << 21 | b) * 0x9E3779B97F4A7C15ull;
  *p1 = (uint32_t)(x >> 32) & mask;
  *p2 = (uint32_t)x & mask;
}

/* Sound-alike key of a word of `len` characters with fuzzy classes cls[0..len). Never 0. */
static inline uint32_t dz_dict_var_key(const uint32_t *cls, int len) {
  uint32_t h = 2166136261u ^ (uint32_t)len;
  for (int i = 0; i < len; i++) h = (h ^ cls[i]) * 16777619u, h ^= h >> 15;
  return h | 1u;
}
#endif
