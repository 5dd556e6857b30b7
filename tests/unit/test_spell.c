/* Unit tests: the spelling check's public API (dz_spell_*): findings and their offsets, the
** user's words, numbers and Latin text, bad dictionaries, pathological input, the golden
** sentences of tests/spell/golden.tsv and the seed document (no false finding). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "duizhao.h"
#include "lexicon/lm.h"
#include "lexicon/spell_model.h"

static dz_speller *sp;

static int setup(void **s) {
  (void)s;
  dz_error e;
  int rc = dz_spell_new(&sp, NULL, &e);
  if (rc) fprintf(stderr, "%s\n", e.message);
  return rc;
}

static int teardown(void **s) {
  (void)s;
  dz_spell_free(sp);
  return 0;
}

/* The findings of `text` as "原文→建议" joined by ';' ("-" when none). Checks that every
** offset slices the text it claims to. */
static void findings(const dz_speller *k, const char *text, char *out, size_t cap) {
  dz_spell_hit *h = NULL;
  size_t n = 0;
  dz_error e;
  assert_int_equal(dz_spell_check(&h, &n, k, text, strlen(text), &e), DZ_OK);
  out[0] = 0;
  for (size_t i = 0; i < n; i++) {
    assert_true(h[i].start <= h[i].cstart && h[i].cstart < h[i].cend && h[i].cend <= h[i].end);
    assert_true(h[i].end <= strlen(text));
    assert_int_equal(strlen(h[i].original), h[i].end - h[i].start);
    assert_memory_equal(h[i].original, text + h[i].start, h[i].end - h[i].start);
    /* 0.2: the sentence policy completes a flagged sentence down to this (spell_model.c). */
    assert_true(h[i].confidence >= 0.2 && h[i].confidence <= 1.0);
    assert_true(i == 0 || h[i].cstart > h[i - 1].cstart);
    snprintf(out + strlen(out), cap - strlen(out), "%s%s→%s", i ? ";" : "", h[i].original,
             h[i].suggestion);
  }
  if (!n) snprintf(out, cap, "-");
  dz_spell_hits_free(h);
}

/* The findings of `text` are exactly `want` (as findings() writes them). */
static void expect(const dz_speller *k, const char *text, const char *want) {
  char got[4096];
  findings(k, text, got, sizeof got);
  assert_string_equal(got, want);
}

static void issue_examples(void **s) {
  (void)s;
  expect(sp, "制定城市更新总休方案", "总休方案→总体方案");
  expect(sp, "扎实推动共同富余", "共同富余→共同富裕");
  dz_spell_hit *h = NULL;
  size_t n = 0;
  assert_int_equal(dz_spell_check(&h, &n, sp, "决策部暑", strlen("决策部暑"), NULL), DZ_OK);
  assert_int_equal(n, 1);
  assert_int_equal(h[0].kind, DZ_SPELL_CHAR); /* 部暑 is no word */
  assert_int_equal(h[0].cstart, strlen("决策部"));
  assert_int_equal(h[0].cend, strlen("决策部暑"));
  dz_spell_hits_free(h);
}

/* A word of the user's is never touched; other speller instances are not affected. */
static void user_words(void **s) {
  (void)s;
  dz_speller *mine = NULL;
  dz_error e;
  assert_int_equal(dz_spell_new(&mine, NULL, &e), DZ_OK);
  assert_int_equal(dz_spell_add_word(mine, "总休", &e), DZ_OK);
  assert_int_equal(dz_spell_add_word(mine, "", &e), DZ_EINVALID);
  expect(mine, "制定城市更新总休方案", "-");
  expect(sp, "制定城市更新总休方案", "总休方案→总体方案");
  dz_spell_free(mine);
}

/* Only Han text is looked at; empty and odd input is fine. */
static void non_han(void **s) {
  (void)s;
  char got[256];
  expect(sp, "", "-");
  expect(sp, "GDP 2023 CPI 6.2% abc-def", "-");
  findings(sp, "部暑2023部暑", got, sizeof got); /* two runs, each checked on its own */
  assert_string_equal(got, "部暑→部署;部暑→部署");
  findings(sp, "暑", got, sizeof got); /* a single character has no context */
  assert_string_equal(got, "-");
  findings(sp, "\xEF\xBC\x8C\xE3\x80\x82", got, sizeof got); /* ，。 */
  assert_string_equal(got, "-");
}

/* A missing dictionary is a clear error, not a crash. */
static void bad_dictionary(void **s) {
  (void)s;
  dz_speller *k = NULL;
  dz_error e;
  dz_spell_options o = DZ_SPELL_OPTIONS_INIT;
  o.dict_path = "/nonexistent/dict.bin";
  assert_int_equal(dz_spell_new(&k, &o, &e), DZ_ENOTFOUND);
  assert_null(k);
  assert_non_null(strstr(e.message, "/nonexistent/dict.bin"));
  dz_spell_free(NULL);
  dz_spell_hits_free(NULL);
}

/* 200,000 characters of one Han run: chunked, bounded work, no crash. */
static void long_run(void **s) {
  (void)s;
  size_t reps = 20000;
  const char *unit = "总休方案部暑国加发展";
  char *big = malloc(reps * strlen(unit) + 1);
  for (size_t i = 0; i < reps; i++) memcpy(big + i * strlen(unit), unit, strlen(unit));
  big[reps * strlen(unit)] = 0;
  dz_spell_hit *h = NULL;
  size_t n = 0;
  assert_int_equal(dz_spell_check(&h, &n, sp, big, strlen(big), NULL), DZ_OK);
  assert_true(n > 0);
  for (size_t i = 1; i < n; i++) assert_true(h[i].cstart > h[i - 1].cstart);
  dz_spell_hits_free(h);
  free(big);
}

/* Does the item list `want` (with optional "?" items) accept `got`? */
static int accepts(const char *want, const char *got) {
  char w[2048], g[2048];
  snprintf(w, sizeof w, "%s", want);
  snprintf(g, sizeof g, "%s", got);
  if (!strcmp(g, "-")) g[0] = 0;
  /* Every found item must be listed; every required item must be found. */
  char *save = NULL;
  for (char *it = strtok_r(g, ";", &save); it; it = strtok_r(NULL, ";", &save)) {
    char a[256], b[256];
    snprintf(a, sizeof a, ";%s;", it);
    snprintf(b, sizeof b, ";?%s;", it);
    char ww[2100];
    snprintf(ww, sizeof ww, ";%s;", want);
    if (!strstr(ww, a) && !strstr(ww, b)) return 0;
  }
  for (char *it = strtok_r(w, ";", &save); it; it = strtok_r(NULL, ";", &save)) {
    if (it[0] == '?' || !strcmp(it, "-")) continue;
    char a[256], gg[2100];
    snprintf(a, sizeof a, ";%s;", it);
    snprintf(gg, sizeof gg, ";%s;", got);
    if (!strstr(gg, a)) return 0;
  }
  return 1;
}

/* Skip the calling test (saying why) when the build or the run has no language model. */
static void need_lm(const char *why) {
  dz_lm *lm = NULL;
  if (dz_lm_open(&lm, NULL)) {
    fprintf(stderr, "%s; skipped\n", why);
    skip();
  }
  dz_lm_free(lm);
}

static void golden_sentences(void **s) {
  (void)s;
  need_lm("golden sentences need the language model (libime)");
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/spell/golden.tsv",
           getenv("DZ_SOURCE_DIR") ? getenv("DZ_SOURCE_DIR") : ".");
  FILE *f = fopen(path, "r");
  assert_non_null(f);
  char line[4096], got[2048];
  int n = 0, bad = 0, flagged = 0, clean = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n') continue;
    char *text = strtok(line, "\t"), *want = strtok(NULL, "\t\n");
    assert_non_null(want);
    findings(sp, text, got, sizeof got);
    if (!accepts(want, got)) {
      fprintf(stderr, "golden: %s\n  want %s\n  got  %s\n", text, want, got);
      bad++;
    }
    n++;
    flagged += strcmp(got, "-") != 0;
    clean += !strcmp(want, "-");
  }
  fclose(f);
  assert_int_equal(bad, 0);
  assert_true(n >= 20);
  assert_true(clean >= 10 && flagged >= 8);
}

/* The sentence policy against a plain 0.5 threshold (dz_spell_options.min_confidence): a
** flagged sentence is completed with a less certain change (落时, 0.2-0.4), and a sentence with
** a change too unsure either way (帐销→展销, 0.05-0.2) is left alone, its sure slip included,
** unless that slip is beyond doubt (0.999). */
static void sentence_policy(void **s) {
  (void)s;
  need_lm("the sentence policy's thresholds are tuned with the language model");
  dz_spell_options o = DZ_SPELL_OPTIONS_INIT;
  o.min_confidence = 0.5;
  dz_speller *plain = NULL;
  dz_error e;
  assert_int_equal(dz_spell_new(&plain, &o, &e), DZ_OK);
  char got[1024];
  const char *two = "推动工作落时，结续用力";
  findings(sp, two, got, sizeof got);
  assert_string_equal(got, "落时→落实;结续→接续");
  expect(plain, two, "结续→接续");
  const char *doubt = "要加强对干部的教育管里和监督，做到对帐销号";
  expect(sp, doubt, "-");
  expect(plain, doubt, "管里→管理");
  /* ...unless its surest change is beyond doubt (0.999 or more). */
  expect(sp, "要不断提高政治执形力，做到对帐销号", "政治执形力→政治执行力");
  /* Sentences are judged apart: the doubt in the second does not silence the first. */
  findings(sp, "推动工作落时，结续用力。要加强对干部的教育管里和监督，做到对帐销号", got, sizeof got);
  assert_string_equal(got, "落时→落实;结续→接续");
  dz_spell_free(plain);
}

/* A second speller with the default options, whose constants a test then changes. */
static dz_speller *variant(void) {
  dz_speller *v = NULL;
  dz_error e;
  assert_int_equal(dz_spell_new(&v, NULL, &e), DZ_OK);
  return v;
}

/* The two characters before a small-place suffix standing alone (祁巷村, 甘沟村) are a local name:
** without the guard they read as slips (巷村→乡村); a suffix inside a word (乡村) guards nothing. */
static void place_names(void **s) {
  (void)s;
  need_lm("the place-name slips are scored with the language model");
  dz_speller *open = variant();
  dz_spell__params(open)->place_guard = 0;
  char got[1024];
  const char *place = "江苏省泰兴市黄桥镇祁巷村被评为文明村。";
  findings(open, place, got, sizeof got);
  assert_string_not_equal(got, "-");
  expect(sp, place, "-");
  expect(sp, "扎实推近乡村振兴", "扎实推近→扎实推进");
  dz_spell_free(open);
}

/* The cost of a one-character change depends on the word as written that holds it: inside a word
** the model knows, a change it prefers is a real-word slip (检察→检查 in 监督检察); inside a
** jieba word the model lacks (职数), the model's preference is an artefact of scoring pieces. */
static void in_word_costs(void **s) {
  (void)s;
  need_lm("the in-word costs correct the language model's score");
  dz_speller *flat = variant();
  dz_spell__params(flat)->cost_in_word = 0;
  dz_spell__params(flat)->cost_in_oov = 0;
  const char *real = "要加强对重点领域的监督检察，及时发现问题。";
  const char *term = "严格按照核定的领导职数配备干部。";
  expect(flat, real, "-");
  expect(sp, real, "监督检察→监督检查");
  expect(flat, term, "职数→指数");
  expect(sp, term, "-");
  dz_spell_free(flat);
}

/* Two errors close together (invented sentences): each spoils the other's window, so that
** scored apart neither clears the policy. Iterative correction applies the surer one and rescores
** the other in the corrected context (企也 → 企业 lifts 主体则任); joint scoring fixes two
** unsure ones together (政复建射: neither is found alone). Two changes of one word make one
** finding with the written characters and offsets; correct sentences stay unflagged. */
static void iterative_correction(void **s) {
  (void)s;
  need_lm("the rescoring in context is tuned with the language model");
  dz_speller *single = variant(), *iter = variant();
  dz_spell__params(single)->iter_rounds = 0;
  dz_spell__params(single)->pair_rounds = 0;
  dz_spell__params(iter)->pair_rounds = 0;
  char got[1024];
  const char *first = "认真做好安全生产工作，严格落实企也主体则任和部门监管责任。";
  expect(single, first, "-");
  findings(iter, first, got, sizeof got);
  assert_string_equal(got, "企也→企业;主体则任→主体责任");
  findings(sp, first, got, sizeof got);
  assert_string_equal(got, "企也→企业;主体则任→主体责任");
  const char *pair = "加快推进数字政复建射，提升政务服务效能。";
  expect(iter, pair, "-");
  findings(sp, pair, got, sizeof got);
  assert_string_equal(got, "政复→政府;建射→建设");
  const char *word = "要不断完善体只机之，推动各项工作落到实处。";
  expect(single, word, "-");
  dz_spell_hit *h = NULL;
  size_t n = 0;
  dz_error e;
  assert_int_equal(dz_spell_check(&h, &n, sp, word, strlen(word), &e), DZ_OK);
  assert_int_equal(n, 1);
  assert_int_equal(h[0].start, strlen("要不断完善"));
  assert_int_equal(h[0].cstart, strlen("要不断完善体"));
  assert_int_equal(h[0].cend, strlen("要不断完善体只机之"));
  assert_string_equal(h[0].original, "体只机之");
  assert_string_equal(h[0].suggestion, "体制机制");
  dz_spell_hits_free(h);
  const char *clean[] = {"认真做好安全生产工作，严格落实企业主体责任和部门监管责任。",
                         "加快推进数字政府建设，提升政务服务效能。",
                         "要不断完善体制机制，推动各项工作落到实处。",
                         "全面提升基层治理能力，推动社会治理重心向基层下移。"};
  for (size_t i = 0; i < sizeof clean / sizeof *clean; i++) {
    expect(sp, clean[i], "-");
    expect(single, clean[i], "-");
  }
  dz_spell_free(single);
  dz_spell_free(iter);
}

/* The seed document: its one spelling slip (述求 for 诉求) and nothing else. */
static void seed_document(void **s) {
  (void)s;
  char path[4096];
  snprintf(path, sizeof path, "%s/seed/000_1a5eb086ddff5998.txt",
           getenv("DZ_SHARED_DIR") ? getenv("DZ_SHARED_DIR") : "../shared");
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "seed not found at %s; skipped\n", path);
    skip();
  }
  static char buf[1 << 20];
  size_t len = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[len] = 0;
  expect(sp, buf, "述求→诉求");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(issue_examples), cmocka_unit_test(user_words),
      cmocka_unit_test(non_han),        cmocka_unit_test(bad_dictionary),
      cmocka_unit_test(long_run),       cmocka_unit_test(golden_sentences),
      cmocka_unit_test(seed_document),  cmocka_unit_test(sentence_policy),
      cmocka_unit_test(place_names),    cmocka_unit_test(in_word_costs),
      cmocka_unit_test(iterative_correction),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
