/* Unit tests: the compiled dictionary (against its sources), pinyin and shape relations,
** jieba segmentation and the DAG cache, and spelling candidates. */
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
#include "lexicon/dict.h"
#include "lexicon/pinyin.h"
#include "lexicon/segment.h"
#include "lexicon/spell_cand.h"
#include "text/utf8.h"
#include "vocab_file.h"

#define JIEBA "/usr/lib/python3/dist-packages/jieba/dict.txt"

static dz_dict *dict;

static int setup(void **s) {
  (void)s;
  dz_error e;
  int rc = dz_dict_open(&dict, NULL, &e);
  if (rc) fprintf(stderr, "%s\n", e.message);
  return rc;
}

static int teardown(void **s) {
  (void)s;
  dz_dict_free(dict);
  return 0;
}

static uint32_t cp_of(const char *s) {
  size_t i = 0;
  return dz_utf8_next(s, strlen(s), &i);
}

static int64_t look(const char *w) { return dz_dict_lookup(dict, w, strlen(w), NULL); }

/* Is w one of the terms of our vocabulary? (Those merge with jieba by maximum frequency.) */
static int64_t gongwen_freq(const char *w) {
  FILE *f = dz_test_open_vocab();
  assert_non_null(f);
  char line[2048];
  int64_t fr = -1;
  while (fgets(line, sizeof line, f)) {
    char *t = strtok(line, "\t");
    char *q = strtok(NULL, "\t");
    if (line[0] != '#' && t && q && !strcmp(t, w)) fr = atol(q);
  }
  fclose(f);
  return fr;
}

/* Every 997th entry of jieba's dict.txt comes back with its frequency and flags. */
static void dict_matches_jieba(void **s) {
  (void)s;
  FILE *f = fopen(JIEBA, "r");
  assert_non_null(f);
  char line[1024];
  int n = 0, checked = 0;
  while (fgets(line, sizeof line, f)) {
    if (n++ % 997) continue;
    char *w = strtok(line, " "), *fr = strtok(NULL, " \n");
    unsigned fl = 0;
    int64_t got = dz_dict_lookup(dict, w, strlen(w), &fl);
    int64_t want = atol(fr) ? atol(fr) : 1, gw = gongwen_freq(w);
    if (gw > want) want = gw;
    assert_int_equal(got, want);
    assert_true(fl & DZ_DW_WORD);
    checked++;
  }
  fclose(f);
  assert_true(checked > 300);
  assert_true(dz_dict_word_count(dict) >= 349000);
}

/* Every term of data/lexicon/gongwen_vocab.tsv is a word carrying the 公文 flag. */
static void dict_has_gongwen(void **s) {
  (void)s;
  FILE *f = dz_test_open_vocab();
  assert_non_null(f);
  char line[2048];
  int terms = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n') continue;
    char *t = strtok(line, "\t"), *fr = strtok(NULL, "\t");
    unsigned fl = 0;
    int64_t got = dz_dict_lookup(dict, t, strlen(t), &fl);
    assert_true(got >= atol(fr));
    assert_true(fl & DZ_DW_GONGWEN);
    assert_true(fl & DZ_DW_HAN);
    terms++;
  }
  fclose(f);
  assert_true(terms >= 100);
}

/* Prefixes of words are present with frequency 0; strangers are absent. */
static void dict_prefix_entries(void **s) {
  (void)s;
  assert_int_equal(look("中华人民共和"), 0);
  assert_true(look("中华人民共和国") > 0);
  assert_int_equal(look("qqqzzz"), -1);
  assert_int_equal(dz_dict_lookup(dict, "", 0, NULL), -1);
  unsigned fl = 0;
  assert_true(dz_dict_lookup(dict, "中华人民共和国", strlen("中华人民共和国"), &fl) > 0);
  assert_true(fl & DZ_DW_PLACE); /* jieba tags it ns */
}

typedef struct pref {
  size_t lens[16];
  int n;
} pref;

static int on_prefix(void *ctx, size_t len, uint32_t freq) {
  pref *p = ctx;
  assert_true(freq > 0);
  p->lens[p->n++] = len;
  return p->n == 16;
}

/* Prefix iteration reports the words that start the text, shortest first. */
static void dict_prefix_iteration(void **s) {
  (void)s;
  const char *t = "中华人民共和国成立";
  pref p = {{0}, 0};
  assert_int_equal(dz_dict_prefixes(dict, t, strlen(t), on_prefix, &p), 0);
  assert_true(p.n >= 3);
  for (int i = 1; i < p.n; i++) assert_true(p.lens[i] > p.lens[i - 1]);
  assert_int_equal(p.lens[0], strlen("中"));
  int full = 0;
  for (int i = 0; i < p.n; i++) full |= p.lens[i] == strlen("中华人民共和国");
  assert_true(full);
  for (int i = 0; i < p.n; i++) assert_true(dz_dict_lookup(dict, t, p.lens[i], NULL) > 0);
}

/* A damaged file is refused with a Chinese message naming it; a missing one is NOTFOUND. */
static void dict_bad_files(void **s) {
  (void)s;
  dz_dict *d = NULL;
  dz_error e;
  char tmp[] = "/tmp/dz_dict_XXXXXX";
  int fd = mkstemp(tmp);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "wb");
  /* A real header followed by nothing: sizes disagree. */
  FILE *real = fopen(dz_dict_default_path(), "rb");
  assert_non_null(real);
  char head[4096];
  size_t got = fread(head, 1, sizeof head, real);
  fclose(real);
  fwrite(head, 1, got, f);
  fclose(f);
  assert_int_equal(dz_dict_open(&d, tmp, &e), DZ_EINVALID);
  assert_non_null(strstr(e.message, tmp));
  assert_non_null(strstr(e.message, "格式不对或已损坏"));
  f = fopen(tmp, "wb");
  fputs("not a dictionary at all, just some text that is long enough", f);
  fclose(f);
  assert_int_equal(dz_dict_open(&d, tmp, &e), DZ_EINVALID);
  unlink(tmp);
  assert_int_equal(dz_dict_open(&d, tmp, &e), DZ_ENOTFOUND);
  assert_non_null(strstr(e.message, "DZ_DICT"));
  assert_null(d);
}

/* Readings from ICU and the fuzzy folds. */
static void pinyin_relations(void **s) {
  (void)s;
  assert_string_equal(dz_pinyin_of(dict, cp_of("机")), "ji");
  assert_string_equal(dz_pinyin_of(dict, cp_of("制")), "zhi");
  assert_string_equal(dz_pinyin_of(dict, cp_of("a")), "");
  assert_int_equal(dz_pinyin_confusion(dict, cp_of("智"), cp_of("制")), DZ_CONF_SAME_PINYIN);
  assert_int_equal(dz_pinyin_confusion(dict, cp_of("资"), cp_of("知")), DZ_CONF_FUZZY_PINYIN); /* z/zh */
  assert_int_equal(dz_pinyin_confusion(dict, cp_of("兰"), cp_of("南")), DZ_CONF_FUZZY_PINYIN); /* n/l */
  assert_int_equal(dz_pinyin_confusion(dict, cp_of("心"), cp_of("星")), DZ_CONF_FUZZY_PINYIN); /* in/ing */
  assert_int_equal(dz_pinyin_confusion(dict, cp_of("互"), cp_of("负")), DZ_CONF_FUZZY_PINYIN); /* f/h */
  assert_int_equal(dz_pinyin_confusion(dict, cp_of("湖"), cp_of("福")), DZ_CONF_FUZZY_PINYIN);
  assert_int_equal(dz_pinyin_confusion(dict, cp_of("热"), cp_of("乐")), DZ_CONF_NONE); /* l/r is not folded */
  assert_int_equal(dz_pinyin_confusion(dict, cp_of("休"), cp_of("体")), DZ_CONF_SHAPE);
  assert_int_equal(dz_pinyin_confusion(dict, cp_of("呆"), cp_of("保")), DZ_CONF_SHAPE);
  assert_int_equal(dz_pinyin_confusion(dict, cp_of("机"), cp_of("海")), DZ_CONF_NONE);
  assert_int_equal(dz_shape_distance(dict, cp_of("休"), cp_of("体")), 1);
  assert_int_equal(dz_shape_distance(dict, cp_of("a"), cp_of("体")), -1);
  size_t n;
  const uint32_t *l = dz_dict_lookalikes(dict, cp_of("休"), &n);
  assert_true(n > 0);
  for (size_t i = 1; i < n; i++) assert_true(DZ_LOOK_CP(l[i]) > DZ_LOOK_CP(l[i - 1])); /* sorted */
}

/* Frequency of a character as a one-character word. */
static int64_t look_char(uint32_t cp) {
  char w[4];
  return dz_dict_lookup(dict, w, (size_t)dz_utf8_put(w, cp), NULL);
}

/* A character's readings: ICU's first, then libime's other common ones. */
static int reads(const char *c, const char *syl) {
  uint16_t r[1 + DZ_DICT_ALT];
  int n = dz_dict_readings(dict, cp_of(c), r);
  for (int i = 0; i < n; i++)
    if (!strcmp(dz_dict_syllable_text(dict, r[i]), syl)) return i + 1;
  return 0;
}

/* One-character words by reading, most frequent first, each read so. */
static void syllable_chars(void **s) {
  (void)s;
  size_t n;
  uint16_t he = dz_dict_syllable(dict, cp_of("和"));
  const uint32_t *c = dz_dict_syllable_chars(dict, he, &n);
  assert_true(n >= 3);
  assert_int_equal(c[0], cp_of("和"));
  int has_he = 0;
  for (size_t i = 0; i < n; i++) {
    assert_int_equal(dz_dict_syllable(dict, c[i]), he);
    assert_true(i == 0 || look_char(c[i]) <= look_char(c[i - 1]));
    has_he |= c[i] == cp_of("河");
  }
  assert_true(has_he);
  assert_null(dz_dict_syllable_chars(dict, 0, &n));
  assert_int_equal(n, 0);
}

static void polyphones(void **s) {
  (void)s;
  assert_int_equal(reads("长", "zhang"), 1); /* ICU's reading comes first */
  assert_true(reads("长", "chang") > 1);
  assert_true(reads("地", "di") && reads("地", "de"));
  assert_true(reads("行", "xing") && reads("行", "hang"));
  assert_int_equal(reads("机", "ji"), 1);
  assert_false(reads("机", "qi"));
  uint16_t r[1 + DZ_DICT_ALT];
  assert_int_equal(dz_dict_readings(dict, cp_of("a"), r), 0);
}

/* Is b in a's look-alike list? 1: a plain look-alike, 2: a weaker one, 3: a component one. */
static int alike(const char *a, const char *b) {
  size_t n;
  const uint32_t *l = dz_dict_lookalikes(dict, cp_of(a), &n);
  for (size_t i = 0; i < n; i++)
    if (DZ_LOOK_CP(l[i]) == cp_of(b)) return l[i] & DZ_LOOK_WEAK ? 2 : l[i] & DZ_LOOK_PART ? 3 : 1;
  return 0;
}

/* The look-alikes found on glyph images (tools/glyphsim.c) join the Cangjie/Wubi ones: pairs
** whose codes are far apart are present both ways, and unrelated characters are not. */
static void lookalike_table(void **s) {
  (void)s;
  static const char *pairs[][2] = {{"大", "太"}, {"木", "术"}, {"己", "已"}, {"未", "末"},
                                   {"土", "士"}, {"贝", "见"}, {"人", "入"}, {"休", "体"}};
  for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
    assert_true(alike(pairs[i][0], pairs[i][1]));
    assert_true(alike(pairs[i][1], pairs[i][0]));
  }
  assert_int_equal(dz_pinyin_confusion(dict, cp_of("太"), cp_of("大")), DZ_CONF_SHAPE);
  assert_int_equal(dz_pinyin_confusion(dict, cp_of("术"), cp_of("木")), DZ_CONF_SHAPE);
  static const char *unrelated[][2] = {{"大", "口"}, {"的", "是"}, {"在", "再"}, {"为", "位"},
                                       {"和", "合"}, {"国", "人"}};
  for (size_t i = 0; i < sizeof unrelated / sizeof *unrelated; i++)
    assert_false(alike(unrelated[i][0], unrelated[i][1]));
  /* The glyph comparison keeps at most 6 partners a character: 大 has no code-based ones. */
  size_t n;
  const uint32_t *l = dz_dict_lookalikes(dict, cp_of("大"), &n);
  size_t plain = 0;
  for (size_t i = 0; i < n; i++) plain += !(l[i] & (DZ_LOOK_WEAK | DZ_LOOK_PART));
  assert_true(plain >= 2 && plain <= 6);
  /* Weaker look-alikes: codes two edits apart that the glyphs confirm, both ways. */
  assert_int_equal(alike("言", "信"), 2);
  assert_int_equal(alike("信", "言"), 2);
  assert_int_equal(alike("但", "何"), 2);
  assert_int_equal(alike("大", "太"), 1); /* a plain look-alike stays plain */
  assert_int_equal(dz_pinyin_confusion(dict, cp_of("信"), cp_of("言")), DZ_CONF_SHAPE);
  /* Component look-alikes (dictgen.c, wubi_contains), both ways, flagged as such; common
  ** characters only, and no key-name character's repeated code (女 vvvv in 安). */
  static const char *parts[][2] = {{"列", "例"}, {"军", "挥"}, {"斗", "科"}};
  for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
    assert_int_equal(alike(parts[i][0], parts[i][1]), 3);
    assert_int_equal(alike(parts[i][1], parts[i][0]), 3);
  }
  assert_int_equal(alike("女", "安"), 0);
  assert_int_equal(alike("谷", "俗"), 1); /* a plain look-alike by Cangjie stays plain */
}

/* A look-alike or homophone-character section whose list bounds are damaged makes the file
** invalid at open. */
static void dict_bad_lookalikes(void **s) {
  (void)s;
  FILE *real = fopen(dz_dict_default_path(), "rb");
  assert_non_null(real);
  fseek(real, 0, SEEK_END);
  long size = ftell(real);
  fseek(real, 0, SEEK_SET);
  unsigned char *b = malloc((size_t)size);
  assert_non_null(b);
  assert_int_equal(fread(b, 1, (size_t)size, real), (size_t)size);
  fclose(real);
  dz_dict_header h;
  memcpy(&h, b, sizeof h);
  char tmp[] = "/tmp/dz_dict_look_XXXXXX";
  dz_dict *d = NULL;
  dz_error e;
  /* The start of the list of 大 moved past the start of the next list, then the end moved
  ** past the items; the same for the last list of homophone characters. */
  for (int k = 0; k < 3; k++) {
    unsigned char *c = malloc((size_t)size);
    assert_non_null(c);
    memcpy(c, b, (size_t)size);
    uint32_t *st = (uint32_t *)(c + h.look_start_off);
    if (k == 0) st[cp_of("大") - h.cp_first] = st[cp_of("大") - h.cp_first + 1] + 1;
    else if (k == 1) st[h.cp_count] = h.look_n_items + 1;
    else ((uint32_t *)(c + h.sylc_start_off))[h.syl_count] = h.sylc_n_items + 1;
    int fd = mkstemp(tmp);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, c, (size_t)size), size);
    close(fd);
    assert_int_equal(dz_dict_open(&d, tmp, &e), DZ_EINVALID);
    assert_non_null(strstr(e.message, "格式不对或已损坏"));
    assert_null(d);
    unlink(tmp);
    strcpy(tmp, "/tmp/dz_dict_look_XXXXXX");
    free(c);
  }
  free(b);
}

/* Segment and compare the tokens with a '|'-joined expectation. */
static void seg_is(const char *text, const char *want) {
  dz_seg_token tok[64];
  long n = dz_segment(dict, text, strlen(text), tok, 64);
  assert_true(n >= 0 && n <= 64);
  char got[512] = "";
  for (long i = 0; i < n; i++) {
    if (i) strcat(got, "|");
    strncat(got, text + tok[i].start, tok[i].end - tok[i].start);
  }
  assert_string_equal(got, want);
}

static void segmentation(void **s) {
  (void)s;
  seg_is("发展机制", "发展|机制");
  seg_is("总体方案", "总体方案");           /* our vocabulary */
  seg_is("制定总体规划", "制定|总体规划");
  seg_is("扎实推动共同富裕", "扎实|推动|共同富裕"); /* our vocabulary */
  seg_is("GDP增长6.2%", "GDP|增长|6|.|2|%");
  seg_is("", "");
  dz_seg_token one[1];
  assert_true(dz_segment(dict, "发展机制", strlen("发展机制"), one, 1) == 2); /* count > cap */
}

/* The DAG cache gives the same best path as the plain DAG on every window. */
static void seg_cache_agrees(void **s) {
  (void)s;
  const char *t = "各级党组织要认真贯彻落实党中央决策部署推动高质量发展";
  uint32_t off[64];
  int n = 0;
  size_t i = 0, len = strlen(t);
  while (i < len) {
    off[n++] = (uint32_t)i;
    dz_utf8_next(t, len, &i);
  }
  off[n] = (uint32_t)len;
  dz_seg_cache *c = malloc(sizeof *c);
  dz_seg_cache_build(c, dict, t, off, n);
  for (int lo = 0; lo < n; lo += 3)
    for (int hi = lo + 1; hi <= n; hi += 2) {
      uint32_t woff[64];
      for (int k = lo; k <= hi; k++) woff[k - lo] = off[k] - off[lo];
      int n1[64], n2[64];
      double route[64];
      double a = dz_seg_best(dict, t + off[lo], woff, hi - lo, n1, route);
      double b = dz_seg_cache_best(c, dict, t + off[lo], woff, lo, hi, -1, -1, n2);
      assert_true(a - b < 1e-3 && b - a < 1e-3);
      for (int k = 0; k < hi - lo; k = n1[k]) assert_int_equal(n1[k], n2[k]);
    }
  free(c);
}

/* Run the candidate generator over `text` and look for replacing character p0 by c0. */
/* The relation (DZ_REL_*) of the candidate changing p0 to c0 (and p1 to c1) in text, 0 when
** there is none. */
static int candidate_rel(const char *text, int p0, const char *c0, int p1, const char *c1) {
  uint32_t cps[64], off[65];
  int n = 0;
  size_t i = 0, len = strlen(text);
  while (i < len) {
    off[n] = (uint32_t)i;
    cps[n++] = dz_utf8_next(text, len, &i);
  }
  off[n] = (uint32_t)len;
  dz_seg_cache *c = malloc(sizeof *c);
  dz_seg_cache_build(c, dict, text, off, n);
  unsigned char guard[64] = {0};
  uint8_t ws[64], we[64];
  int next[65];
  dz_seg_cache_best(c, dict, text, off, 0, n, -1, -1, next); /* the words as written */
  for (int k = 0; k < n; k = next[k])
    for (int j = k; j < next[k]; j++) ws[j] = (uint8_t)k, we[j] = (uint8_t)next[k];
  dz_spell_chunk ch = {text, cps, off, n, guard, c, ws, we, NULL};
  dz_spell_params p;
  dz_spell_params_default(&p, 1);
  dz_spell_cand *out = malloc(DZ_SPELL_MAX_CANDS * sizeof *out);
  int nc = dz_spell_candidates(dict, &p, &ch, out), found = 0;
  for (int k = 0; k < nc; k++) {
    assert_true(k == 0 || out[k].p0 >= out[k - 1].p0); /* sorted, distinct */
    if (out[k].p0 == p0 && out[k].c0 == cp_of(c0) && out[k].p1 == p1 &&
        (p1 < 0 || out[k].c1 == cp_of(c1)))
      found = out[k].rel;
  }
  free(out);
  free(c);
  return found;
}

static int has_candidate(const char *text, int p0, const char *c0, int p1, const char *c1) {
  return candidate_rel(text, p0, c0, p1, c1) != 0;
}

static void candidates(void **s) {
  (void)s;
  assert_true(has_candidate("决策部暑", 3, "署", -1, NULL));       /* same pinyin */
  assert_true(has_candidate("由县政府互责落实", 4, "负", -1, NULL)); /* fuzzy pinyin f/h */
  assert_true(has_candidate("总休方案", 1, "体", -1, NULL));       /* look-alike */
  assert_true(has_candidate("太力推进", 0, "大", -1, NULL));       /* look-alike from glyphs */
  assert_true(has_candidate("十六个低区", 3, "地", -1, NULL));     /* 地区 read di qu, not ICU's de */
  assert_true(has_candidate("承担日长工作", 3, "常", -1, NULL));   /* 长 typed for its reading chang */
  assert_true(has_candidate("我们禾他们一起", 2, "和", -1, NULL)); /* a lone one-character homophone */
  assert_false(has_candidate("我们和他们一起", 2, "禾", -1, NULL)); /* never towards a rarer one */
  assert_true(has_candidate("有关淡味同志", 2, "单", 3, "位"));    /* a whole sound-alike word */
  assert_false(has_candidate("决策部署", 3, "暑", -1, NULL));      /* never towards a rarer word */
  /* A whole-word pick may replace a somewhat more common word (树脂 422 for 述职 107)... */
  assert_true(has_candidate("抓好党建树脂评议", 4, "述", 5, "职"));
  /* ...but only a word that the segmentation keeps whole: 省民 in 省民政厅 is no pick. */
  assert_false(has_candidate("省民政厅负责", 0, "声", 1, "明"));
  /* Two characters that make no word and stand alone may be swapped for a common word (建设 at
  ** 26,381), not for a rare one (a name: 汤晔 is no slip for 糖业, at 37). */
  assert_true(has_candidate("全面加强党的剑射", 6, "建", 7, "设"));
  assert_false(has_candidate("本报记者汤晔报道", 4, "糖", 5, "业"));
  /* A character for its phonetic component or back (Wubi: 例 wgqj spells 列 gqjh after 亻):
  ** 举列 → 举例, 斗学发展 → 科学发展; 列 stays where it makes a word (列入). */
  assert_int_equal(candidate_rel("举列说明", 1, "例", -1, NULL), DZ_REL_SHAPE_PART);
  assert_int_equal(candidate_rel("坚持斗学发展", 2, "科", -1, NULL), DZ_REL_SHAPE_PART);
  assert_false(has_candidate("列入议事日程", 0, "例", -1, NULL));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(dict_matches_jieba),   cmocka_unit_test(dict_has_gongwen),
      cmocka_unit_test(dict_prefix_entries),  cmocka_unit_test(dict_prefix_iteration),
      cmocka_unit_test(dict_bad_files),       cmocka_unit_test(pinyin_relations),
      cmocka_unit_test(segmentation),         cmocka_unit_test(seg_cache_agrees),
      cmocka_unit_test(candidates),           cmocka_unit_test(lookalike_table),
      cmocka_unit_test(dict_bad_lookalikes),  cmocka_unit_test(polyphones),
      cmocka_unit_test(syllable_chars),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
