/* Aho-Corasick multi-pattern matcher over UTF-8 bytes.
**
** Patterns are added with a 32-bit value, compiled once, then the automaton is read-only and
** may be scanned from many threads. A pattern that starts with a UTF-8 lead byte can only
** match at a character boundary of valid UTF-8 text, so no boundary checks are needed. */
#ifndef DZ_LEXICON_AC_H
#define DZ_LEXICON_AC_H
#include <stddef.h>
#include <stdint.h>

typedef struct dz_ac dz_ac;

/* A new, empty automaton (NULL when out of memory). */
dz_ac *dz_ac_new(void);
void dz_ac_free(dz_ac *ac);

/* Add pattern s[0..n) with `value`. Several values may share one pattern string; all are
** reported. Returns 0 or DZ_ENOMEM. Empty patterns are ignored. Only before dz_ac_compile. */
int dz_ac_add(dz_ac *ac, const char *s, size_t n, uint32_t value);

/* Compute failure links and pack the tables. Returns 0 or DZ_ENOMEM. */
int dz_ac_compile(dz_ac *ac);

/* Called for each match [start, end) in order of `end`; a non-zero return stops the scan and
** is returned by dz_ac_scan. */
typedef int (*dz_ac_cb)(size_t start, size_t end, uint32_t value, void *ud);

int dz_ac_scan(const dz_ac *ac, const char *s, size_t n, dz_ac_cb cb, void *ud);

/* Number of patterns added. */
size_t dz_ac_size(const dz_ac *ac);
#endif
