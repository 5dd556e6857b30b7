/* Unit tests: the second language model (src/lexicon/lm2.h, sunpinyin's trigram model): load,
** word ids, the score of a run of characters by its best segmentation, damaged and missing
** files. Skipped in a build without libsunpinyin. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "duizhao.h"
#include "lexicon/lm2.h"
#include "text/utf8.h"

static dz_lm2 *lm;

static int setup(void **s) {
  (void)s;
  dz_error e;
  if (dz_lm2_open(&lm, NULL, NULL, &e)) lm = NULL; /* no second model in this build */
  return 0;
}

static int teardown(void **s) {
  (void)s;
  dz_lm2_free(lm);
  return 0;
}

/* Score a UTF-8 string. */
static double score(const char *s) {
  uint32_t off[128];
  int n = 0;
  size_t i = 0, len = strlen(s);
  while (i < len && n < 127) off[n++] = (uint32_t)i, dz_utf8_next(s, len, &i);
  off[n] = (uint32_t)len;
  return dz_lm2_score(lm, s, off, n);
}

static void test_word_ids(void **s) {
  (void)s;
  if (!lm) skip();
  const char *known[] = {"的", "机制", "设施", "基础设施", "经济发展"};
  for (size_t i = 0; i < sizeof known / sizeof *known; i++)
    assert_true(dz_lm2_word_id(lm, known[i], strlen(known[i])) > 0);
  assert_true(dz_lm2_word_id(lm, "机制", 6) != dz_lm2_word_id(lm, "机智", 6));
  /* Not words of its lexicon: a proper prefix only, a non-word, empty text. */
  assert_int_equal(dz_lm2_word_id(lm, "基础设", strlen("基础设")), -1);
  assert_int_equal(dz_lm2_word_id(lm, "总休", strlen("总休")), -1);
  assert_int_equal(dz_lm2_word_id(lm, "", 0), -1);
}

static void test_scores_order(void **s) {
  (void)s;
  if (!lm) skip();
  /* The right text is more probable than the slip, by the model's own segmentation. */
  assert_true(score("加强基础设施建设") > score("加强基础摄氏建设") + 5);
  assert_true(score("推动经济发展机制") > score("推动经济发展机智"));
  assert_true(score("总体方案") > score("总休方案"));
  double a = score("总体方案");
  assert_true(a < 0);
  assert_true(a == score("总体方案")); /* deterministic, read-only */
  /* A character outside the lexicon is an unknown word, not a failure. */
  assert_true(score("𠀀") < 0);
  /* A run longer than one search is scored in pieces. */
  char buf[4 * 200 + 1] = "";
  for (int i = 0; i < 200; i++) strcat(buf, "国");
  assert_true(score(buf) < score("国国"));
}

static void test_missing_and_damaged(void **s) {
  (void)s;
  dz_lm2 *x = NULL;
  dz_error e;
  assert_int_equal(dz_lm2_open(&x, "/nonexistent/lm_sc.t3g", NULL, &e), DZ_ENOTFOUND);
  assert_null(x);
  assert_non_null(strstr(e.message, "找不到第二语言模型 /nonexistent/lm_sc.t3g"));
  if (!lm) skip();
  const char *model = dz_lm2_default_path();
  assert_int_equal(dz_lm2_open(&x, model, "/nonexistent/slm_words.bin", &e), DZ_ENOTFOUND);
  assert_non_null(strstr(e.message, "找不到第二语言模型的词表 /nonexistent/slm_words.bin"));
  /* A foreign file as the model, then as the word table. */
  char path[] = "/tmp/dz_lm2_XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  static const char junk[4096] = "not a model";
  assert_int_equal(write(fd, junk, sizeof junk), (ssize_t)sizeof junk);
  close(fd);
  assert_int_equal(dz_lm2_open(&x, path, NULL, &e), DZ_EINVALID);
  assert_non_null(strstr(e.message, "格式不对或已损坏"));
  assert_int_equal(dz_lm2_open(&x, model, path, &e), DZ_EINVALID);
  assert_non_null(strstr(e.message, "词表"));
  assert_null(x);
  unlink(path);
  dz_lm2_free(NULL);
}

static void test_switched_off(void **s) {
  (void)s;
  setenv("DZ_LM2", "", 1);
  assert_null(dz_lm2_default_path());
  dz_lm2 *x = NULL;
  dz_error e;
  assert_int_equal(dz_lm2_open(&x, NULL, NULL, &e), DZ_ENOTFOUND);
  assert_null(x);
  unsetenv("DZ_LM2");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_word_ids),
      cmocka_unit_test(test_scores_order),
      cmocka_unit_test(test_missing_and_damaged),
      cmocka_unit_test(test_switched_off),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
