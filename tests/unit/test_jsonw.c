/* Unit tests: the originality reports' JSON writer prints strings and integers byte for byte as
** jansson does (schema 1 outputs must not change), including every escape and long strings
** that the 32-byte blocks and 8-byte words of the scan cross, and reals (every four-decimal ratio). */
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sim/jsonw.h"

/* What jansson prints for {"k": value} with the reports' flags. */
static char *jansson_dump(json_t *v) {
  json_t *o = json_object();
  json_object_set_new(o, "k", v);
  char *s = json_dumps(o, JSON_INDENT(2) | JSON_REAL_PRECISION(6));
  json_decref(o);
  return s;
}

/* The same object through the writer. */
static char *writer_dump(const char *str, int64_t iv, int is_str) {
  dz_buf b = {0};
  dz_jsonw w = {&b, 0, {1}};
  dz__jw_open(&w, '{');
  if (is_str) dz__jw_str_member(&w, "k", str);
  else dz__jw_int_member(&w, "k", iv);
  dz__jw_close(&w, '}');
  dz_buf_put(&b, "", 1);
  return b.data;
}

static uint32_t rnd(uint32_t *st) {
  *st = *st * 1103515245u + 12345u;
  return *st >> 8;
}

/* Random strings mixing ASCII, every byte that needs escaping and Chinese characters, at every
** length around the 32-byte blocks and 8-byte words. */
static void strings_match_jansson(void **state) {
  (void)state;
  static const char *pieces[] = {"a", "\"", "\\", "\n", "\t", "\r", "\b", "\f", "\x01", "\x1f",
                                 "中", "，", "/", " ", "abcdefgh", "第一部分", "\x7f"};
  uint32_t st = 5;
  for (int trial = 0; trial < 3000; trial++) {
    char s[400];
    size_t n = 0, want = rnd(&st) % 150;
    while (n < want) {
      const char *p = pieces[rnd(&st) % (sizeof pieces / sizeof *pieces)];
      if (rnd(&st) % 3) p = trial % 2 ? "中文字" : "plain";
      memcpy(s + n, p, strlen(p));
      n += strlen(p);
    }
    s[n] = 0;
    char *a = jansson_dump(json_string(s)), *b = writer_dump(s, 0, 1);
    assert_string_equal(b, a);
    free(a), free(b);
  }
}

static void ints_match_jansson(void **state) {
  (void)state;
  int64_t v[] = {0, 1, -1, 9, 10, 99, 100, 12345, -987654, INT64_MAX, INT64_MIN, 4294967296};
  for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
    char *a = jansson_dump(json_integer(v[i])), *b = writer_dump(NULL, v[i], 0);
    assert_string_equal(b, a);
    free(a), free(b);
  }
}

/* Reals as jansson prints them: every ratio rounded to four decimals as the reports round
** them (the writer's fast path), and other values (its snprintf path). */
static void reals_match_jansson(void **state) {
  (void)state;
  for (int k = 0; k <= 10000; k++) {
    double v = round((double)k / 10000.0 * 10000.0) / 10000.0;
    dz_buf b = {0};
    dz_jsonw w = {&b, 0, {1}};
    dz__jw_open(&w, '{');
    dz__jw_real_member(&w, "k", v);
    dz__jw_close(&w, '}');
    dz_buf_put(&b, "", 1);
    char *a = jansson_dump(json_real(v));
    assert_string_equal(b.data, a);
    free(a), dz_buf_free(&b);
  }
  double other[] = {1.5, 2.0, 0.123456789, 1e-7, 123456789.0, -0.25, 0.00005};
  for (size_t i = 0; i < sizeof other / sizeof *other; i++) {
    dz_buf b = {0};
    dz_jsonw w = {&b, 0, {1}};
    dz__jw_open(&w, '{');
    dz__jw_real_member(&w, "k", other[i]);
    dz__jw_close(&w, '}');
    dz_buf_put(&b, "", 1);
    char *a = jansson_dump(json_real(other[i]));
    assert_string_equal(b.data, a);
    free(a), dz_buf_free(&b);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(strings_match_jansson),
      cmocka_unit_test(ints_match_jansson),
      cmocka_unit_test(reals_match_jansson),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
