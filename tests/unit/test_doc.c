/* Unit tests: numbering markers, the parser's tree on small inputs, iterator, invariants. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "doc/marker.h"
#include "duizhao.h"

static void numerals(void **s) {
  (void)s;
  size_t used;
  assert_int_equal(dz_cn_numeral("一", 3, &used), 1);
  assert_int_equal(dz_cn_numeral("十", 3, &used), 10);
  assert_int_equal(dz_cn_numeral("十二是", 9, &used), 12);
  assert_int_equal(used, 6);
  assert_int_equal(dz_cn_numeral("二十三", 9, &used), 23);
  assert_int_equal(dz_cn_numeral("九十", 6, &used), 90);
  assert_int_equal(dz_cn_numeral("甲", 3, &used), 0);
}

static void headings(void **s) {
  (void)s;
  dz_marker m;
  struct { const char *in; int level, ord; dz_numbering st; } ok[] = {
      {"一、存在问题", 1, 1, DZ_NUM_CN_DUN}, {"十一．其他", 1, 11, DZ_NUM_CN_DOT},
      {"三，打算", 1, 3, DZ_NUM_CN_COMMA}, {"（二）政治", 2, 2, DZ_NUM_CN_PAREN},
      {"(四)作风", 2, 4, DZ_NUM_CN_HALFPAREN}, {"（五)混合", 2, 5, DZ_NUM_CN_HALFPAREN},
      {"3.加强", 3, 3, DZ_NUM_ARABIC_DOT}, {"１２．全角", 3, 12, DZ_NUM_ARABIC_DOT},
      {"4、顿号", 3, 4, DZ_NUM_ARABIC_DUN}, {"（1）小项", 4, 1, DZ_NUM_ARABIC_PAREN},
      {"(2)半角", 4, 2, DZ_NUM_ARABIC_HALFPAREN}, {"③圈码", 4, 3, DZ_NUM_CIRCLED},
  };
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
    assert_true(dz_match_heading(ok[i].in, strlen(ok[i].in), &m));
    assert_int_equal(m.level, ok[i].level);
    assert_int_equal(m.ordinal, ok[i].ord);
    assert_int_equal(m.style, ok[i].st);
  }
  const char *no[] = {"1.5亿元", "2023年", "一是学习", "一些问题", "（注）", "(a)", "第一，", "0.项"};
  for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
    assert_false(dz_match_heading(no[i], strlen(no[i]), &m));
}

static void points(void **s) {
  (void)s;
  dz_marker m;
  assert_true(dz_match_point("三是学习", strlen("三是学习"), &m));
  assert_int_equal(m.ordinal, 3);
  assert_int_equal(m.style, DZ_NUM_POINT_SHI);
  assert_true(dz_match_point("其次，要", strlen("其次，要"), &m));
  assert_int_equal(m.ordinal, 2);
  assert_true(dz_match_point("最后：", strlen("最后："), &m));
  assert_int_equal(m.ordinal, 0);
  assert_true(dz_match_point("第十，", strlen("第十，"), &m));
  assert_int_equal(m.ordinal, 10);
  assert_false(dz_match_point("首先要", strlen("首先要"), &m));
  assert_false(dz_match_point("第一位", strlen("第一位"), &m));
  assert_false(dz_match_point("是一", strlen("是一"), &m));
}

static void examples(void **s) {
  (void)s;
  assert_int_equal(dz_match_example("如：某", strlen("如：某"), 1), strlen("如："));
  assert_int_equal(dz_match_example("如，某", strlen("如，某"), 1), strlen("如，"));
  assert_int_equal(dz_match_example("如：某", strlen("如：某"), 0), 0);
  assert_int_equal(dz_match_example("如何", strlen("如何"), 1), 0);
  assert_int_equal(dz_match_example("比如说", strlen("比如说"), 0), strlen("比如"));
  assert_int_equal(dz_match_example("例如，", strlen("例如，"), 0), strlen("例如，"));
}

static dz_doc *parse(const char *src) {
  dz_text *t = NULL;
  dz_doc *d = NULL;
  dz_error e;
  assert_int_equal(dz_text_decode(&t, src, strlen(src), NULL, &e), DZ_OK);
  assert_int_equal(dz_doc_parse(&d, t, NULL, &e), DZ_OK);
  assert_int_equal(dz_doc_check(d), 0);
  return d;
}

static void tree_shape(void **s) {
  (void)s;
  const char *src = "标题\n前言。\n一、存在问题\n（一）学习方面。\n一是不深入。如：读书少。\n二是不系统。\n"
                    "二、整改措施\n一是加强学习。\n\n本文档编辑密码：123\n";
  dz_doc *d = parse(src);
  const dz_node *root = dz_doc_root(d);
  const dz_node *n = dz_node_first_child(root);
  assert_int_equal(dz_node_get_kind(n), DZ_NODE_TITLE);
  n = dz_node_next(n);
  assert_int_equal(dz_node_get_kind(n), DZ_NODE_PREAMBLE);
  n = dz_node_next(n);
  assert_int_equal(dz_node_get_kind(n), DZ_NODE_HEADING);
  assert_int_equal(dz_node_level(n), 1);
  size_t len;
  const char *t = dz_node_title(n, &len);
  assert_int_equal(len, strlen("存在问题"));
  assert_memory_equal(t, "存在问题", len);
  const dz_node *aspect = dz_node_first_child(n);
  t = dz_node_title(aspect, &len);
  assert_memory_equal(t, "学习", len); /* 方面 and 。 stripped */
  const dz_node *p1 = dz_node_first_child(aspect);
  assert_int_equal(dz_node_get_kind(p1), DZ_NODE_POINT);
  assert_int_equal(dz_node_ordinal(p1), 1);
  assert_int_equal(dz_node_get_kind(dz_node_last_child(p1)), DZ_NODE_EXAMPLE);
  assert_int_equal(dz_node_ordinal(dz_node_next(p1)), 2);
  const dz_node *last = dz_node_last_child(root);
  assert_int_equal(dz_node_get_kind(last), DZ_NODE_RESIDUE);
  assert_int_equal(dz_node_start(last), strstr(src, "本文档") - src);
  /* The iterator enters and exits every container once and balances. */
  dz_iter it;
  dz_iter_init(&it, root);
  int depth = 0, enters = 0, max = 0;
  dz_event ev;
  while ((ev = dz_iter_next(&it)) != DZ_EVENT_NONE) {
    const dz_node *c = dz_iter_node(&it);
    if (ev == DZ_EVENT_ENTER) {
      enters++;
      if (dz_node_first_child(c) || c == root) depth++;
    } else {
      depth--;
    }
    if (depth > max) max = depth;
  }
  assert_int_equal(depth, 0);
  assert_true(enters > 10);
  assert_int_equal(max, 5); /* root > heading > heading > point > example (sentences are leaves) */
  dz_doc_free(d);
}

static void empty_doc(void **s) {
  (void)s;
  dz_doc *d = parse("");
  const dz_node *root = dz_doc_root(d);
  assert_null(dz_node_first_child(root));
  dz_iter it;
  dz_iter_init(&it, root);
  assert_int_equal(dz_iter_next(&it), DZ_EVENT_ENTER);
  assert_int_equal(dz_iter_next(&it), DZ_EVENT_EXIT);
  assert_int_equal(dz_iter_next(&it), DZ_EVENT_NONE);
  dz_doc_free(d);
}

/* Pathological input: one very long line of markers must parse in bounded time. */
static void many_markers(void **s) {
  (void)s;
  size_t n = 20000;
  char *buf = malloc(n * 16 + 1), *p = buf;
  for (size_t i = 0; i < n; i++) p += sprintf(p, "一是。");
  dz_doc *d = parse(buf);
  free(buf);
  dz_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(numerals), cmocka_unit_test(headings), cmocka_unit_test(points),
      cmocka_unit_test(examples), cmocka_unit_test(tree_shape), cmocka_unit_test(empty_doc),
      cmocka_unit_test(many_markers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
