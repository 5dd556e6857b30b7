/* Unit tests: the language-model module (lexicon/lm_module.h) is looked for beside the
** executable, then in the build tree, then at the install path; from a test binary (in
** build/tests/) it is found in the build tree and scores like a model. */
#include <limits.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "duizhao.h"
#include "dz_spell_config.h"
#include "lexicon/lm_module.h"

static void candidates_in_order(void **state) {
  if (getenv("DZ_LM_MODULE")) skip(); /* the override replaces the list */
  char exe[PATH_MAX], want[PATH_MAX + 32];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  assert_true(n > 0);
  exe[n] = 0;
  *strrchr(exe, '/') = 0;
  snprintf(want, sizeof want, "%s/duizhao-lm.so", exe);
  const char *const *f = dz__lm_module_files();
  assert_string_equal(f[0], want);
  assert_string_equal(f[1], DZ_LM_MODULE_BUILD_PATH);
  assert_string_equal(f[2], DZ_LM_MODULE_INSTALL_PATH);
  assert_null(f[3]);
  assert_ptr_equal(dz__lm_module_files(), f); /* computed once */
}

static void model_through_module(void **state) {
#ifdef DZ_HAVE_LIBIME
  if (getenv("DZ_LM")) skip(); /* the run switched the model off or moved it */
  dz_lm *lm = NULL;
  assert_int_equal(dz_lm_open(&lm, NULL), DZ_OK);
  assert_true(dz_lm_known(lm, "我们", strlen("我们")));
  assert_false(dz_lm_known(lm, "我们我们我们", strlen("我们我们我们")));
  const char *good[] = {"贯彻", "落实"}, *bad[] = {"贯切", "落实"};
  size_t gl[] = {6, 6};
  double g = dz_lm_score(lm, good, gl, 2), b = dz_lm_score(lm, bad, gl, 2);
  assert_true(g < 0 && b < g); /* log10 probabilities: the right word is likelier */
  dz_lm_free(lm);
  dz_lm_free(NULL);
#else
  skip();
#endif
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(candidates_in_order),
      cmocka_unit_test(model_through_module),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
