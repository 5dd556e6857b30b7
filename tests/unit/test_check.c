/* Unit tests: the Aho-Corasick matcher, the check engine through the public API (offsets in
** re-encoded input, merging, config, run-time rules), and checking from two threads. */
#include <pthread.h>
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
#include "lexicon/ac.h"

/* ---- Aho-Corasick against a naive matcher ------------------------------------------- */

typedef struct {
  size_t start[4096], end[4096];
  uint32_t val[4096];
  size_t n;
} hits;

static int record(size_t s, size_t e, uint32_t v, void *ud) {
  hits *h = ud;
  if (h->n < 4096) h->start[h->n] = s, h->end[h->n] = e, h->val[h->n++] = v;
  return 0;
}

/* Count of (start, value) pairs found by a naive scan. */
static size_t naive(const char *const *pats, size_t np, const char *s) {
  size_t k = 0, n = strlen(s);
  for (size_t i = 0; i < n; i++)
    for (size_t p = 0; p < np; p++)
      if (!strncmp(s + i, pats[p], strlen(pats[p]))) k++;
  return k;
}

static void ac_matches_naive(void **st) {
  (void)st;
  const char *pats[] = {"以学", "以学铸魂", "学铸", "铸魂", "魂", "he", "she", "hers", "his", "述求"};
  size_t np = sizeof pats / sizeof pats[0];
  dz_ac *ac = dz_ac_new();
  for (size_t p = 0; p < np; p++) assert_int_equal(dz_ac_add(ac, pats[p], strlen(pats[p]), (uint32_t)p), 0);
  assert_int_equal(dz_ac_compile(ac), 0);
  const char *texts[] = {"对照关于以学以学铸魂的要求", "ushers his hers", "合理述求不敢允诺，以学铸魂魂", ""};
  for (size_t t = 0; t < 4; t++) {
    hits h = {.n = 0};
    assert_int_equal(dz_ac_scan(ac, texts[t], strlen(texts[t]), record, &h), 0);
    assert_int_equal(h.n, naive(pats, np, texts[t]));
    for (size_t i = 0; i < h.n; i++) {
      const char *p = pats[h.val[i]];
      assert_int_equal(h.end[i] - h.start[i], strlen(p));
      assert_memory_equal(texts[t] + h.start[i], p, strlen(p));
    }
  }
  dz_ac_free(ac);
}

static void ac_random(void **st) {
  (void)st;
  srand(7);
  char pats[40][6];
  const char *pp[40];
  dz_ac *ac = dz_ac_new();
  for (int p = 0; p < 40; p++) {
    int l = 1 + rand() % 4;
    for (int i = 0; i < l; i++) pats[p][i] = (char)('a' + rand() % 3);
    pats[p][l] = 0;
    pp[p] = pats[p];
    dz_ac_add(ac, pats[p], (size_t)l, (uint32_t)p);
  }
  dz_ac_compile(ac);
  char text[200];
  for (int round = 0; round < 50; round++) {
    for (int i = 0; i < 199; i++) text[i] = (char)('a' + rand() % 3);
    text[199] = 0;
    hits *h = calloc(1, sizeof *h);
    dz_ac_scan(ac, text, 199, record, h);
    assert_int_equal(h->n, naive(pp, 40, text));
    free(h);
  }
  dz_ac_free(ac);
}

/* ---- Engine ---------------------------------------------------------------------------- */

static dz_doc *doc_from(const char *bytes, size_t n, const char *name) {
  dz_text *t = NULL;
  dz_doc *d = NULL;
  dz_error e;
  dz_decode_options o = DZ_DECODE_OPTIONS_INIT;
  o.name = name;
  assert_int_equal(dz_text_decode(&t, bytes, n, &o, &e), DZ_OK);
  assert_int_equal(dz_doc_parse(&d, t, NULL, &e), DZ_OK);
  return d;
}

static dz_checker *checker(const char *rules, const char *config) {
  dz_checker *ck = NULL;
  dz_error e;
  dz_checker_options o = DZ_CHECKER_OPTIONS_INIT;
  o.rules = rules;
  o.config_path = config;
  int rc = dz_checker_new(&ck, &o, &e);
  if (rc) fprintf(stderr, "%s\n", e.message);
  assert_int_equal(rc, DZ_OK);
  return ck;
}

static dz_result *run(const dz_checker *ck, const dz_doc *d) {
  dz_result *r = NULL;
  dz_error e;
  assert_int_equal(dz_check(&r, ck, d, NULL, &e), DZ_OK);
  return r;
}

static void builtin_tables(void **st) {
  (void)st;
  dz_checker *ck = checker(NULL, NULL);
  assert_int_equal(dz_checker_profile_count(ck), 3);
  assert_string_equal(dz_checker_profile_id(ck, 0), "niandu-2023");
  assert_string_equal(dz_checker_profile_id(ck, 1), "zhuti-2023");
  assert_int_equal(dz_checker_profile_aspect_count(ck, 1), 6);
  assert_string_equal(dz_checker_profile_aspect(ck, 1, 1), "政治素质");
  assert_int_equal(dz_checker_profile_aspect_count(ck, 2), 0);
  assert_null(dz_checker_profile_id(ck, 3));
  size_t n = dz_checker_rule_count(ck);
  assert_true(n >= 23);
  int seen_repeat = 0;
  for (size_t i = 0; i < n; i++) seen_repeat |= !strcmp(dz_checker_rule_id(ck, i), "text.repeat");
  assert_true(seen_repeat);
  dz_checker_free(ck);
}

/* GB18030 input: original offsets differ from decoded ones and must point at the bytes of
** the word in the original encoding. */
static void offsets_in_original_encoding(void **st) {
  (void)st;
  /* "合理述求。" in GB18030 (2 bytes per character). */
  const char gb[] = "\xBA\xCF\xC0\xED\xCA\xF6\xC7\xF3\xA1\xA3";
  dz_doc *d = doc_from(gb, sizeof gb - 1, "gb.txt");
  dz_checker *ck = checker("text.confusion", NULL);
  dz_result *r = run(ck, d);
  assert_int_equal(dz_result_count(r), 1);
  const dz_finding *f = dz_result_get(r, 0);
  assert_string_equal(dz_finding_rule(f), "text.confusion");
  assert_int_equal(dz_finding_start(f), 4);
  assert_int_equal(dz_finding_end(f), 8);
  assert_int_equal(dz_finding_dstart(f), 6);
  assert_int_equal(dz_finding_dend(f), 12);
  assert_int_equal(dz_finding_column(f), 3);
  assert_string_equal(dz_finding_text(f), "述求");
  assert_string_equal(dz_finding_suggestion(f), "诉求");
  assert_true(dz_finding_confidence(f) == 1.0);
  dz_result_free(r);
  dz_checker_free(ck);
  dz_doc_free(d);
}

static void sorted_and_counted(void **st) {
  (void)st;
  const char *in = "我们要再接再励，把工作做的很好，不到到位的地方XX要改。";
  dz_doc *d = doc_from(in, strlen(in), "a.txt");
  dz_checker *ck = checker(NULL, NULL);
  dz_result *r = run(ck, d);
  assert_int_equal(dz_result_count(r), 4);
  const char *want[] = {"text.confusion", "text.de-di-de", "text.repeat", "text.placeholder"};
  for (size_t i = 0; i < 4; i++) {
    assert_string_equal(dz_finding_rule(dz_result_get(r, i)), want[i]);
    if (i) assert_true(dz_finding_start(dz_result_get(r, i - 1)) <= dz_finding_start(dz_result_get(r, i)));
  }
  assert_int_equal(dz_result_count_severity(r, DZ_SEV_ERROR), 4);
  assert_null(dz_result_get(r, 4));
  dz_result_free(r);
  dz_checker_free(ck);
  dz_doc_free(d);
}

static char *write_tmp(const char *content) {
  char *path = strdup("/tmp/dz_check_cfg_XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, content, strlen(content)), (ssize_t)strlen(content));
  close(fd);
  return path;
}

static void config_dictionary_confusions_ignore(void **st) {
  (void)st;
  char *cfg = write_tmp("{\"rules\": {\"text.placeholder\": \"off\", \"text.repeat\": \"warning\"},\n"
                        " \"dictionary\": [\"再接再励\"], \"confusions\": [[\"工做\", \"工作\"]],\n"
                        " \"ignore\": [{\"rule\": \"text.de-*\", \"text\": \"做的\"}]}\n");
  const char *in = "我们要再接再励，把工做做的很好，不到到位的地方XX要改。";
  dz_doc *d = doc_from(in, strlen(in), "a.txt");
  dz_checker *ck = checker(NULL, cfg);
  dz_result *r = run(ck, d);
  assert_int_equal(dz_result_count(r), 2);
  assert_string_equal(dz_finding_rule(dz_result_get(r, 0)), "text.confusion");
  assert_string_equal(dz_finding_suggestion(dz_result_get(r, 0)), "工作");
  assert_string_equal(dz_finding_rule(dz_result_get(r, 1)), "text.repeat");
  assert_int_equal(dz_finding_severity(dz_result_get(r, 1)), DZ_SEV_WARNING);
  dz_result_free(r);
  dz_checker_free(ck);
  dz_doc_free(d);
  unlink(cfg);
  free(cfg);
}

static void config_errors(void **st) {
  (void)st;
  struct {
    const char *json, *msg;
  } cases[] = {
      {"{\"rules\": {\"text.repeat\": \"loud\"}}", "有误：规则“text.repeat”的取值必须是 off、info、warning 或 error。"},
      {"{\"colour\": 1}", "有误：未知的键“colour”（可用：rules、dictionary、confusions、ignore）。"},
      {"{\"confusions\": [[\"错\", \"错\"]]}", "有误：confusions 的每项必须是 [\"误写\", \"正确写法\"] 且两者不同。"},
      {"{\n\"rules\": {,}}", "第 2 行不是合法的 JSON："},
      {"{\"rules\": {\"txt.*\": \"off\"}}", "中的“txt.*”不匹配任何规则"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *cfg = write_tmp(cases[i].json);
    dz_checker *ck = NULL;
    dz_error e = {0};
    dz_checker_options o = DZ_CHECKER_OPTIONS_INIT;
    o.config_path = cfg;
    assert_int_not_equal(dz_checker_new(&ck, &o, &e), DZ_OK);
    assert_null(ck);
    if (!strstr(e.message, cases[i].msg)) fail_msg("case %zu: %s", i, e.message);
    assert_non_null(strstr(e.message, cfg));
    unlink(cfg);
    free(cfg);
  }
  dz_checker *ck = NULL;
  dz_error e = {0};
  dz_checker_options o = DZ_CHECKER_OPTIONS_INIT;
  o.config_path = "/nonexistent/duizhao.json";
  assert_int_equal(dz_checker_new(&ck, &o, &e), DZ_EIO);
  assert_string_equal(e.message, "无法读取配置文件 /nonexistent/duizhao.json。请检查路径和权限。");
  o.config_path = NULL;
  o.rules = "text.nothing";
  assert_int_equal(dz_checker_new(&ck, &o, &e), DZ_ENOTFOUND);
  assert_string_equal(e.message, "--rules 中的“text.nothing”不匹配任何规则。运行 duizhao check --list-rules 查看规则编号。");
}

static void unknown_profile(void **st) {
  (void)st;
  dz_doc *d = doc_from("正文。", strlen("正文。"), "a.txt");
  dz_checker *ck = checker(NULL, NULL);
  dz_result *r = NULL;
  dz_error e;
  dz_check_options o = DZ_CHECK_OPTIONS_INIT;
  o.profile = "nope";
  assert_int_equal(dz_check(&r, ck, d, &o, &e), DZ_ENOTFOUND);
  assert_null(r);
  assert_string_equal(e.message, "没有编号为“nope”的框架。运行 duizhao profiles 查看可用框架。");
  o.profile = "niandu-2023";
  assert_int_equal(dz_check(&r, ck, d, &o, &e), DZ_OK);
  assert_string_equal(dz_result_profile_id(r), "niandu-2023");
  assert_string_equal(dz_result_profile_reason(r), "按指定使用该框架");
  dz_result_free(r);
  dz_checker_free(ck);
  dz_doc_free(d);
}

/* A run-time rule (how the spelling checker plugs in): flags every 甲. */
static int rule_jia(dz_rule_ctx *ctx, void *payload) {
  size_t n;
  const char *s = dz_text_data(dz_doc_text(dz_rule_doc(ctx)), &n);
  for (const char *p = strstr(s, "甲"); p; p = strstr(p + 1, "甲")) {
    size_t a = (size_t)(p - s);
    if (dz_rule_in_dictionary(ctx, a, a + 3)) continue;
    if (dz_rule_emit(ctx, a, a + 3, "甲不好", (const char *)payload, 0.5)) return DZ_ENOMEM;
  }
  return 0;
}

static void runtime_rule(void **st) {
  (void)st;
  char *cfg = write_tmp("{\"dictionary\": [\"甲方\"]}");
  const char *in = "甲乙丙，甲方。";
  dz_doc *d = doc_from(in, strlen(in), "a.txt");
  dz_checker *ck = checker(NULL, cfg);
  dz_error e;
  assert_int_equal(dz_checker_add_rule(ck, "spelling.jia", DZ_SEV_INFO, rule_jia, "乙", &e), DZ_OK);
  assert_int_equal(dz_checker_add_rule(ck, "spelling.jia", DZ_SEV_INFO, rule_jia, "乙", &e), DZ_EINVALID);
  dz_result *r = run(ck, d);
  assert_int_equal(dz_result_count(r), 1);
  const dz_finding *f = dz_result_get(r, 0);
  assert_string_equal(dz_finding_rule(f), "spelling.jia");
  assert_int_equal(dz_finding_start(f), 0);
  assert_string_equal(dz_finding_suggestion(f), "乙");
  assert_true(dz_finding_confidence(f) == 0.5);
  dz_result_free(r);
  dz_checker_free(ck);
  /* Disabled by glob: registered but never run. */
  dz_checker_options o = DZ_CHECKER_OPTIONS_INIT;
  o.ignore = "spelling.*";
  assert_int_equal(dz_checker_new(&ck, &o, &e), DZ_OK);
  assert_int_equal(dz_checker_add_rule(ck, "spelling.jia", DZ_SEV_INFO, rule_jia, NULL, &e), DZ_OK);
  r = run(ck, d);
  assert_int_equal(dz_result_count(r), 0);
  dz_result_free(r);
  dz_checker_free(ck);
  dz_doc_free(d);
  unlink(cfg);
  free(cfg);
}

/* ---- Threads ----------------------------------------------------------------------------- */

typedef struct {
  const dz_checker *ck;
  const dz_doc *doc;
  char *json;
} job;

static void *worker(void *arg) {
  job *j = arg;
  for (int k = 0; k < 20; k++) {
    dz_result *r = NULL;
    dz_error e;
    if (dz_check(&r, j->ck, j->doc, NULL, &e)) return NULL;
    char *out = NULL;
    size_t len;
    if (dz_report_json(&out, &len, j->doc, r, &e)) return NULL;
    if (k == 0) j->json = out;
    else if (strcmp(out, j->json)) {
      free(out);
      dz_result_free(r);
      free(j->json);
      j->json = NULL;
      return NULL;
    }
    else free(out);
    dz_result_free(r);
  }
  return NULL;
}

static void two_threads(void **st) {
  (void)st;
  const char *shared = getenv("DZ_SHARED_DIR");
  char path[4096];
  snprintf(path, sizeof path, "%s/seed/000_1a5eb086ddff5998.txt", shared ? shared : "../shared");
  dz_text *t1 = NULL, *t2 = NULL;
  dz_error e;
  assert_int_equal(dz_read_file(&t1, path, NULL, &e), DZ_OK);
  assert_int_equal(dz_read_file(&t2, "examples/sample.txt", NULL, &e), DZ_OK);
  dz_doc *d1 = NULL, *d2 = NULL;
  assert_int_equal(dz_doc_parse(&d1, t1, NULL, &e), DZ_OK);
  assert_int_equal(dz_doc_parse(&d2, t2, NULL, &e), DZ_OK);
  dz_checker *ck = checker(NULL, NULL);
  /* Single-threaded reference. */
  job ref1 = {ck, d1, NULL}, ref2 = {ck, d2, NULL};
  worker(&ref1);
  worker(&ref2);
  assert_non_null(ref1.json);
  assert_non_null(ref2.json);
  job a = {ck, d1, NULL}, b = {ck, d2, NULL}, c = {ck, d1, NULL};
  pthread_t ta, tb, tc;
  pthread_create(&ta, NULL, worker, &a);
  pthread_create(&tb, NULL, worker, &b);
  pthread_create(&tc, NULL, worker, &c);
  pthread_join(ta, NULL);
  pthread_join(tb, NULL);
  pthread_join(tc, NULL);
  assert_non_null(a.json);
  assert_non_null(b.json);
  assert_non_null(c.json);
  assert_string_equal(a.json, ref1.json);
  assert_string_equal(c.json, ref1.json);
  assert_string_equal(b.json, ref2.json);
  free(a.json), free(b.json), free(c.json), free(ref1.json), free(ref2.json);
  dz_checker_free(ck);
  dz_doc_free(d1);
  dz_doc_free(d2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(ac_matches_naive),
      cmocka_unit_test(ac_random),
      cmocka_unit_test(builtin_tables),
      cmocka_unit_test(offsets_in_original_encoding),
      cmocka_unit_test(sorted_and_counted),
      cmocka_unit_test(config_dictionary_confusions_ignore),
      cmocka_unit_test(config_errors),
      cmocka_unit_test(unknown_profile),
      cmocka_unit_test(runtime_rule),
      cmocka_unit_test(two_threads),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
