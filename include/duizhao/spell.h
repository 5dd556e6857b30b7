/* duizhao spelling check: wrong characters found by statistics rather than by a list. */
#ifndef DUIZHAO_SPELL_H
#define DUIZHAO_SPELL_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif

/* A speller: the memory-mapped dictionary (dict.bin) plus the caller's own words. Immutable
** once the words are added, so dz_spell_check may run on one speller from several threads. */
typedef struct dz_speller dz_speller;

typedef enum dz_spell_kind {
  DZ_SPELL_CHAR = 0, /* a character that forms no word here (总休 -> 总体): rule spell.char */
  DZ_SPELL_WORD = 1  /* a real word that the context rejects (机智 -> 机制): rule spell.word */
} dz_spell_kind;

typedef struct dz_spell_hit {
  size_t start, end;     /* [start, end) bytes of the flagged word in the checked text */
  size_t cstart, cend;   /* [cstart, cend) bytes of the character to change */
  char original[64];     /* the flagged word, UTF-8 */
  char suggestion[64];   /* the word as it should probably read, UTF-8 */
  double confidence;     /* 0..1 */
  dz_spell_kind kind;
} dz_spell_hit;

typedef struct dz_spell_options {
  int version;            /* DZ_SPELL_OPTIONS_VERSION */
  const char *dict_path;  /* NULL: $DZ_DICT, else the dict.bin the build made */
  double min_confidence;  /* report hits at or above this; 0: the default sentence policy */
} dz_spell_options;

#define DZ_SPELL_OPTIONS_VERSION 1
#define DZ_SPELL_OPTIONS_INIT {DZ_SPELL_OPTIONS_VERSION, NULL, 0}

/* Open the dictionary. `opts` may be NULL. */
int dz_spell_new(dz_speller **out, const dz_spell_options *opts, dz_error *err);
void dz_spell_free(dz_speller *sp);

/* Add a word of the caller's (a name, a unit term): text containing it is never flagged there. */
int dz_spell_add_word(dz_speller *sp, const char *word, dz_error *err);

/* Check UTF-8 text. *out (malloc'd, free with dz_spell_hits_free) receives *n hits sorted by
** position; *out is NULL when there are none. Only Han text is looked at: numbers and Latin
** text are never flagged. */
int dz_spell_check(dz_spell_hit **out, size_t *n, const dz_speller *sp, const char *text,
                   size_t len, dz_error *err);
void dz_spell_hits_free(dz_spell_hit *hits);

#ifdef __cplusplus
}
#endif
#endif
