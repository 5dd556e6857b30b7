/* Unit test: the build-time t2s tables of the normaliser (src/sim/normalize.c) convert
** traditional text exactly as OpenCC t2s.json does, on the seed and report20.a converted to
** traditional with OpenCC s2t and on every TSPhrases key in context. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <opencc/opencc.h>

#include "duizhao.h"
#include "sim/normalize.h"
#include "text/utf8.h"

extern const uint32_t dz_t2s_phrases[];
extern const uint32_t dz_t2s_phrase_off[];
extern const size_t dz_t2s_nphrases;

/* OpenCC conversion of s with config `cfg` (malloc'd). */
static char *cc(const char *cfg, const char *s) {
  opencc_t o = opencc_open(cfg);
  assert_true(o != (opencc_t)-1);
  char *r = opencc_convert_utf8(o, s, strlen(s));
  assert_non_null(r);
  char *c = strdup(r);
  opencc_convert_utf8_free(r);
  opencc_close(o);
  return c;
}

/* The normaliser's output for traditional text x equals the ideographs of OpenCC t2s(x). */
static void same_as_opencc(const char *x) {
  char *y = cc("t2s.json", x);
  dz_norm *nm = NULL;
  dz_ntext nt;
  dz_error e;
  assert_int_equal(dz__norm_open(&nm, &e), DZ_OK);
  assert_int_equal(dz__norm_utf8(nm, x, strlen(x), &nt, &e), DZ_OK);
  size_t yl = strlen(y), j = 0, k = 0, bad = 0;
  while (j < yl) {
    uint32_t c = dz_utf8_next(y, yl, &j);
    if (!dz_is_han(c)) continue;
    if (k >= nt.n || nt.c[k] != c) {
      if (bad++ < 5) fprintf(stderr, "character %zu: OpenCC U+%04X, normaliser U+%04X\n", k, c, k < nt.n ? nt.c[k] : 0);
    }
    k++;
  }
  assert_int_equal(bad, 0);
  assert_int_equal(k, nt.n);
  dz__ntext_free(&nt);
  dz__norm_close(nm);
  free(y);
}

/* Only the ideographs of a file, one clause per line of the original (punctuation dropped). */
static char *han_only(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  static char buf[1 << 20];
  size_t n = fread(buf, 1, sizeof buf - 1, f), j = 0, m = 0;
  fclose(f);
  char *o = malloc(n + 1);
  while (j < n) {
    uint32_t c = dz_utf8_next(buf, n, &j);
    o[m++] = '\xEF', o[m++] = '\xBC', o[m++] = '\x8C'; /* ， between every clause */
    if (dz_is_han(c)) m -= 3, m += (size_t)dz_utf8_put(o + m, c);
    if (m + 8 > n) break;
  }
  o[m] = 0;
  return o;
}

/* Real text, converted to traditional and back. */
static void shared_texts(void **s) {
  (void)s;
  const char *sh = getenv("DZ_SHARED_DIR");
  const char *names[] = {"seed/000_1a5eb086ddff5998.txt", "bench/sim/report20.a.txt"};
  int done = 0;
  for (size_t i = 0; sh && i < 2; i++) {
    char p[4096];
    snprintf(p, sizeof p, "%s/%s", sh, names[i]);
    char *h = han_only(p);
    if (!h) continue;
    char *t = cc("s2t.json", h);
    same_as_opencc(t);
    free(t);
    free(h);
    done++;
  }
  if (!done) skip();
}

/* Every TSPhrases key in a clause that holds a traditional character (only such clauses are
** converted, see normalize.c): followed by 學, and between 的 and 學習. */
static void every_phrase(void **s) {
  (void)s;
  size_t cap = 1 << 20, n = 0;
  char *x = malloc(cap);
  assert_true(dz_t2s_nphrases > 100);
  for (size_t i = 0; i < dz_t2s_nphrases; i++) {
    const uint32_t *r = dz_t2s_phrases + dz_t2s_phrase_off[i];
    for (int v = 0; v < 2; v++) {
      if (v) n += (size_t)dz_utf8_put(x + n, 0x7684); /* 的 before */
      for (uint32_t k = 0; k < r[0]; k++) n += (size_t)dz_utf8_put(x + n, r[2 + k]);
      n += (size_t)dz_utf8_put(x + n, 0x5B78); /* 學: the clause holds a traditional character */
      if (v) n += (size_t)dz_utf8_put(x + n, 0x7FD2); /* 習 */
      n += (size_t)dz_utf8_put(x + n, 0xFF0C);
    }
    assert_true(n + 256 < cap);
  }
  x[n] = 0;
  same_as_opencc(x);
  free(x);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(shared_texts),
      cmocka_unit_test(every_phrase),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
