/* The cache of prepared sources (sim/src_cache.h): lookups and holds, a second put of the same
** source, eviction of the least recently used entry not in use, and entries dropped while in
** use staying valid until released (the sanitizer build checks the frees). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "sim/src_cache.h"

/* An entry for source `id` holding `chars` normalised characters (no text: only the count). */
static src_entry *entry(int64_t id, size_t chars) {
  src_entry *e = calloc(1, sizeof *e);
  assert_non_null(e);
  e->id = id;
  e->d.nt.n = chars;
  return e;
}

static void get_put_release(void **s) {
  (void)s;
  dz__src_cache *c = dz__src_cache_new();
  assert_non_null(c);
  assert_null(dz__src_cache_get(c, 1));
  src_entry *a = entry(1, 10);
  assert_ptr_equal(dz__src_cache_put(c, a), a);
  assert_int_equal(a->refs, 1);
  assert_ptr_equal(dz__src_cache_get(c, 1), a);
  assert_int_equal(a->refs, 2);
  /* another thread prepared the same source meanwhile: its copy is freed, the first kept */
  assert_ptr_equal(dz__src_cache_put(c, entry(1, 10)), a);
  assert_int_equal(a->refs, 3);
  for (int i = 0; i < 3; i++) dz__src_cache_release(c, a);
  assert_int_equal(a->refs, 0);
  assert_null(dz__src_cache_get(c, 2));
  dz__src_cache_free(c);
}

static void eviction(void **s) {
  (void)s;
  dz__src_cache *c = dz__src_cache_new();
  size_t half = SRC_CACHE_CHARS / 2;
  src_entry *a = dz__src_cache_put(c, entry(1, half)), *b = dz__src_cache_put(c, entry(2, half));
  dz__src_cache_release(c, a); /* a: older and free; b: still in use */
  src_entry *d = dz__src_cache_put(c, entry(3, half)); /* no room: a goes, not b */
  assert_null(dz__src_cache_get(c, 1));
  assert_ptr_equal(dz__src_cache_get(c, 2), b);
  dz__src_cache_release(c, b);
  dz__src_cache_release(c, b); /* the put's hold */
  dz__src_cache_release(c, d);
  /* now b (used last but one) and d: a fourth pushes out the least recently used, b */
  src_entry *x = dz__src_cache_get(c, 3);
  dz__src_cache_release(c, x);
  dz__src_cache_release(c, dz__src_cache_put(c, entry(4, half)));
  assert_null(dz__src_cache_get(c, 2));
  x = dz__src_cache_get(c, 3);
  assert_non_null(x);
  dz__src_cache_release(c, x);
  dz__src_cache_free(c);
}

static void dropped_in_use(void **s) {
  (void)s;
  dz__src_cache *c = dz__src_cache_new();
  dz__src_cache *shared = dz__src_cache_ref(c); /* a second owner, as a check's threads */
  src_entry *a = dz__src_cache_put(c, entry(7, 5));
  dz__src_cache_clear(c);
  assert_null(dz__src_cache_get(c, 7));
  assert_int_equal(a->dropped, 1);
  a->chars = 42; /* still valid while held */
  dz__src_cache_release(c, a); /* freed now */
  dz__src_cache_free(c);
  assert_null(dz__src_cache_get(shared, 7)); /* the other owner still has a working cache */
  dz__src_cache_release(shared, dz__src_cache_put(shared, entry(8, 5)));
  dz__src_cache_free(shared);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(get_put_release),
      cmocka_unit_test(eviction),
      cmocka_unit_test(dropped_in_use),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
