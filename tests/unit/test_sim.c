/* Unit tests: normalisation offsets, the winnowing guarantee, alignment with gap merging. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "duizhao.h"
#include "sim/core.h"
#include "sim/result.h"
#include "text/utf8.h"
#include "util/embed.h"

extern const dz_embedded_file dz_embedded_data[];

static dz_simctx ctx;

static int setup(void **s) {
  (void)s;
  dz_error e;
  return dz__simctx_init(&ctx, 0, 0, 0, 0, &e);
}
static int teardown(void **s) {
  (void)s;
  dz__simctx_free(&ctx);
  return 0;
}

static dz_text *mk(const char *bytes, size_t n) {
  dz_text *t = NULL;
  dz_error e;
  assert_int_equal(dz_text_decode(&t, bytes, n, NULL, &e), DZ_OK);
  return t;
}

/* Width folding, case, dropped punctuation and spaces, traditional -> simplified, and the
** original byte offsets of each kept character (through a BOM and CRLF). */
static void normalise_offsets(void **s) {
  (void)s;
  const char in[] = "\xEF\xBB\xBF" "學習，ＡＢ１\r\n 发展。";
  dz_text *t = mk(in, sizeof in - 1);
  dz_sdoc d;
  dz_error e;
  assert_int_equal(dz__sdoc_prepare(&ctx, t, &d, &e), DZ_OK);
  const uint32_t want[] = {0x5B66 /* 学 */, 0x4E60 /* 习 */, 'a', 'b', '1', 0x53D1, 0x5C55};
  assert_int_equal(d.nt.n, 7);
  for (size_t i = 0; i < 7; i++) assert_int_equal(d.nt.c[i], want[i]);
  assert_int_equal(d.nt.ostart[0], 3);  /* after the BOM */
  assert_int_equal(d.nt.oend[1], 9);
  assert_int_equal(d.nt.ostart[2], 12); /* Ａ after ， */
  assert_int_equal(d.nt.oend[4], 21);
  assert_int_equal(d.nt.ostart[5], 24); /* after CRLF and a space */
  assert_int_equal(d.nt.oend[6], 30);
  dz__sdoc_free(&d);
  dz_text_free(t);
}

static uint32_t rnd(uint32_t *st) {
  *st = *st * 1103515245u + 12345u;
  return (*st >> 8) & 0xFFFF;
}

/* Any shared run of t = k + w - 1 characters shares a winnowed fingerprint. */
static void winnow_guarantee(void **s) {
  (void)s;
  int k = ctx.k, w = ctx.w, t = k + w - 1;
  uint32_t st = 7;
  for (int trial = 0; trial < 200; trial++) {
    uint32_t a[300], b[300];
    for (int i = 0; i < 300; i++) a[i] = 0x4E00 + rnd(&st) % 500, b[i] = 0x4E00 + rnd(&st) % 500;
    int pa = (int)(rnd(&st) % (300 - t)), pb = (int)(rnd(&st) % (300 - t));
    memcpy(b + pb, a + pa, (size_t)t * sizeof *a);
    uint64_t ha[300], hb[300];
    dz_fp fa[300], fb[300];
    size_t na = dz__winnow(ha, dz__kgram_hashes(a, 300, k, ha), w, fa);
    size_t nb = dz__winnow(hb, dz__kgram_hashes(b, 300, k, hb), w, fb);
    int shared = 0;
    for (size_t i = 0; i < na && !shared; i++)
      for (size_t j = 0; j < nb && !shared; j++)
        shared = fa[i].h == fb[j].h && (int)fa[i].pos >= pa && (int)fa[i].pos + k <= pa + t;
    assert_true(shared);
  }
  /* Density is about 2 / (w + 1). */
  uint32_t c[20000];
  uint64_t h[20000];
  dz_fp f[20000];
  for (int i = 0; i < 20000; i++) c[i] = 0x4E00 + rnd(&st) % 3000;
  size_t n = dz__winnow(h, dz__kgram_hashes(c, 20000, k, h), w, f);
  double dens = (double)n / 20000.0, want = 2.0 / (w + 1);
  assert_true(dens > want * 0.8 && dens < want * 1.2);
}

/* The textbook winnowing: for every full window, scan it for the rightmost minimum, and
** select it unless it is masked or was selected for the previous window. */
static size_t winnow_reference(const uint64_t *h, size_t nh, size_t w, dz_fp *out) {
  size_t n = 0, last = (size_t)-1, end = nh < w ? 1 : nh - w + 1;
  for (size_t s = 0; s < end; s++) {
    size_t m = s;
    for (size_t j = s; j < s + w && j < nh; j++)
      if (h[j] <= h[m]) m = j;
    if (m == last) continue;
    last = m;
    if (h[m] != DZ_FP_SKIP) out[n++] = (dz_fp){h[m], (uint32_t)m};
  }
  return n;
}

/* dz__winnow selects exactly what the textbook definition selects, with ties (few distinct
** values), masked hashes, runs of equal or decreasing values and texts shorter than a window. */
static void winnow_matches_reference(void **s) {
  (void)s;
  uint32_t st = 11;
  uint64_t h[600];
  dz_fp got[600], want[600];
  for (int trial = 0; trial < 2000; trial++) {
    size_t nh = 1 + rnd(&st) % 600, w = trial % 4 ? 1 + rnd(&st) % 20 : 16; /* 16 (the default) has a kernel of its own */
    unsigned kind = rnd(&st) % 4, distinct = 2 + rnd(&st) % 50;
    for (size_t i = 0; i < nh; i++) {
      uint64_t v = kind == 0 ? (uint64_t)rnd(&st) << 40 | rnd(&st)
                 : kind == 1 ? rnd(&st) % distinct
                 : kind == 2 ? (uint64_t)(nh - i) / (1 + distinct % 5)
                             : (uint64_t)((i / 7) % 3);
      h[i] = rnd(&st) % 9 == 0 ? DZ_FP_SKIP : v;
    }
    size_t ng = dz__winnow(h, nh, (int)w, got), nw = winnow_reference(h, nh, w, want);
    assert_int_equal(ng, nw);
    for (size_t i = 0; i < nw; i++) {
      assert_int_equal(got[i].pos, want[i].pos);
      assert_true(got[i].h == want[i].h);
    }
  }
}

/* Build a UTF-8 string of n random ideographs. */
static char *rand_han(uint32_t *st, size_t n) {
  char *s = malloc(n * 3 + 1);
  size_t l = 0;
  for (size_t i = 0; i < n; i++) l += (size_t)dz_utf8_put(s + l, 0x4E00 + rnd(st) % 2000);
  s[l] = 0;
  return s;
}

/* A 400-character passage with one character in 40 substituted aligns as ONE passage with the
** exact original offsets of both ends; shared stock phrases alone give nothing. */
static void align_merges_edits(void **s) {
  (void)s;
  uint32_t st = 99;
  char *pass = rand_han(&st, 400), *f1 = rand_han(&st, 300), *f2 = rand_han(&st, 500);
  char *edited = strdup(pass);
  for (size_t i = 20; i < 400; i += 40) {
    char buf[4];
    dz_utf8_put(buf, 0x9F00 + (uint32_t)i % 100); /* outside the random range */
    memcpy(edited + i * 3, buf, 3);
  }
  size_t la = strlen(f1) + strlen(pass) + strlen(f2);
  char *a = malloc(la + 1), *b = malloc(strlen(edited) + 1);
  strcpy(a, f1), strcat(a, pass), strcat(a, f2);
  strcpy(b, edited);
  dz_text *ta = mk(a, la), *tb = mk(b, strlen(b));
  dz_sdoc A, B;
  dz_error e;
  assert_int_equal(dz__sdoc_prepare(&ctx, ta, &A, &e), 0);
  assert_int_equal(dz__sdoc_prepare(&ctx, tb, &B, &e), 0);
  dz_npassage *p;
  size_t n;
  assert_int_equal(dz__sdoc_align(&ctx, &A, &B, &p, &n), 0);
  assert_int_equal(n, 1);
  assert_int_equal(A.nt.ostart[p[0].a0], strlen(f1));
  assert_int_equal(A.nt.oend[p[0].a1 - 1], strlen(f1) + strlen(pass));
  assert_int_equal(p[0].b0, 0);
  assert_int_equal(p[0].b1, 400);
  assert_int_equal(p[0].matched, 390);
  free(p);
  dz__sdoc_free(&A);
  dz__sdoc_free(&B);
  dz_text_free(ta);
  dz_text_free(tb);
  /* Two documents sharing only stock phrases. */
  const char *x = "我们要深入学习习近平新时代中国特色社会主义思想，以习近平同志为核心的党中央坚强领导。甲乙丙丁";
  const char *y = "全体同志以习近平同志为核心的党中央周围，深入学习习近平新时代中国特色社会主义思想。戊己庚辛";
  ta = mk(x, strlen(x)), tb = mk(y, strlen(y));
  assert_int_equal(dz__sdoc_prepare(&ctx, ta, &A, &e), 0);
  assert_int_equal(dz__sdoc_prepare(&ctx, tb, &B, &e), 0);
  assert_int_equal(dz__sdoc_align(&ctx, &A, &B, &p, &n), 0);
  assert_int_equal(n, 0);
  free(p);
  dz__sdoc_free(&A);
  dz__sdoc_free(&B);
  dz_text_free(ta);
  dz_text_free(tb);
  free(pass), free(f1), free(f2), free(edited), free(a), free(b);
}

static int u64_cmp(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return (a > b) - (a < b);
}

/* The radix sort agrees with qsort, for short and long arrays, with duplicates and with
** digits that are the same in every value. */
static void u64_sort(void **s) {
  (void)s;
  uint32_t st = 11;
  const size_t sizes[] = {0, 1, 2, 47, 48, 49, 300, 5000};
  for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++) {
    for (int kind = 0; kind < 3; kind++) {
      size_t n = sizes[z];
      uint64_t *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b);
      for (size_t i = 0; i < n; i++) {
        uint64_t v = (uint64_t)rnd(&st) << 48 | (uint64_t)rnd(&st) << 32 | (uint64_t)rnd(&st) << 16 | rnd(&st);
        a[i] = kind == 0 ? v : kind == 1 ? (v & 0xFF00) : (v % 7) << 40;
      }
      memcpy(b, a, n * sizeof *a);
      assert_int_equal(dz__u64_sort(a, n), 0);
      qsort(b, n, sizeof *b, u64_cmp);
      assert_memory_equal(a, b, n * sizeof *a + 0);
      free(a), free(b);
    }
  }
}

/* The parts pre-check never misses a level-1 heading the parser finds (random lines with
** every kind of prefix the parser trims or recognises), and does rule out plain prose. */
static void parts_precheck(void **s) {
  (void)s;
  const char *pre[] = {"", " ", "\t", "\xE3\x80\x80", "# ", "## ", "- ", "* ", "（", "(", "1. ", "#"};
  const char *mark[] = {"一、", "十一．", "二，", "三.", "九,", "十、", "（一）", "1、", "一是", "第一，", "首先，", "",
                        "①", "二十三、", "四 ", "零、"};
  const char *body[] = {"存在问题", "加强理论学习，提高政治站位。", "的一是在不了有和人这中大为上个国"};
  uint32_t st = 7;
  int found = 0, ruled_out = 0;
  for (int round = 0; round < 3000; round++) {
    char buf[1024];
    size_t n = 0;
    int lines = 1 + (int)(rnd(&st) % 5);
    for (int l = 0; l < lines; l++) {
      n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s%s\n", pre[rnd(&st) % 12], mark[rnd(&st) % 16],
                            body[rnd(&st) % 3]);
    }
    dz_text *t = mk(buf, n);
    dz_doc *doc = NULL;
    dz_sim_part *parts = NULL;
    size_t np = 0;
    dz_error e;
    int may = dz__sim_may_have_parts(t);
    assert_int_equal(dz_doc_parse(&doc, t, NULL, &e), DZ_OK);
    assert_int_equal(dz_sim_doc_parts(&parts, &np, doc, &e), DZ_OK);
    if (np) assert_true(may), found++;
    if (!may) ruled_out++;
    dz_sim_parts_free(parts, np);
    dz_doc_free(doc);
  }
  assert_true(found > 100);
  assert_true(ruled_out > 100);
  const char prose[] = "加强理论学习，提高政治站位。\n的一是在不了有和人这中大为上个国，\n  发展是第一要务。";
  dz_text *t = mk(prose, sizeof prose - 1);
  assert_int_equal(dz__sim_may_have_parts(t), 0);
  dz_text_free(t);
}

/* The vector paths of normalisation give what the portable loop gives, on random mixtures of
** common ideographs, the punctuation the AVX-512 path drops in passing, other punctuation,
** ASCII, full-width letters, traditional characters, 2- and 4-byte characters and line ends,
** at every alignment; and that punctuation is indeed dropped alone. */
static void normalise_paths_agree(void **s) {
  (void)s;
  dz_norm *nm[3];
  dz_error e;
  for (int l = 0; l < 3; l++) assert_int_equal(dz__norm_open(&nm[l], &e), 0), dz__norm_set_simd(nm[l], l);
  static const uint32_t odd[] = {0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0xFF08, 0xFF09, 0x300A,
                                 0x300B, 0x300C, 0x300D, 0x201C, 0x201D, 0x3010, 0x3011, 0x3005, 0x3007, 0x2014,
                                 0xFF21, 0xFF41, 0xFF10, 'a', 'Z', '7', ',', ' ', '\n', 0xE9, 0x20000, 0x3400,
                                 0x9FA5, 0x4E00, 0x5F8C /* 後 */, 0x570B /* 國 */, 0x6642 /* 時 */, 0xF900};
  uint32_t st = 77;
  char buf[4096];
  for (int round = 0; round < 3000; round++) {
    size_t n = 0, want = rnd(&st) % 1200;
    while (n < want) {
      uint32_t r = rnd(&st) % 100, c;
      if (r < 75) c = 0x4E00 + rnd(&st) % 0x5200;
      else c = odd[rnd(&st) % (sizeof odd / sizeof *odd)];
      n += (size_t)dz_utf8_put(buf + n, c);
    }
    dz_ntext out[3];
    for (int l = 0; l < 3; l++) assert_int_equal(dz__norm_utf8(nm[l], buf, n, &out[l], &e), 0);
    for (int l = 1; l < 3; l++) {
      assert_int_equal(out[l].n, out[0].n);
      assert_memory_equal(out[l].c, out[0].c, out[0].n * sizeof *out[0].c);
      assert_memory_equal(out[l].ostart, out[0].ostart, out[0].n * sizeof *out[0].c);
      assert_memory_equal(out[l].oend, out[0].oend, out[0].n * sizeof *out[0].c);
    }
    for (int l = 0; l < 3; l++) dz__ntext_free(&out[l]);
  }
  for (size_t q = 0; q < 16; q++) { /* dropped alone, as the AVX-512 path drops it */
    size_t n = (size_t)dz_utf8_put(buf, odd[q]);
    dz_ntext out;
    assert_int_equal(dz__norm_utf8(nm[0], buf, n, &out, &e), 0);
    assert_int_equal(out.n, 0);
    dz__ntext_free(&out);
  }
  for (int l = 0; l < 3; l++) dz__norm_close(nm[l]);
}

/* Fingerprints by hash then position. */
static int fp_ref_cmp(const void *x, const void *y) {
  const dz_fp *a = x, *b = y;
  if (a->h != b->h) return a->h < b->h ? -1 : 1;
  return (a->pos > b->pos) - (a->pos < b->pos);
}

/* dz__fp_sort against qsort: random, clustered and heavily tied hashes, in position order (the
** bucket path) and shuffled (its fallback), at sizes around its thresholds. */
static void fp_sort(void **s) {
  (void)s;
  uint32_t st = 21;
  const size_t sizes[] = {0, 1, 2, 16, 17, 300, 2100, 70000};
  for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++)
    for (int kind = 0; kind < 4; kind++) {
      size_t n = sizes[z];
      dz_fp *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b);
      for (size_t i = 0; i < n; i++) {
        uint64_t v = (uint64_t)rnd(&st) << 48 | (uint64_t)rnd(&st) << 32 | (uint64_t)rnd(&st) << 16 | rnd(&st);
        a[i].h = kind == 0 ? v : kind == 1 ? v >> 40 : kind == 2 ? (v % 5) << 61 : v % 3;
        a[i].pos = kind == 3 ? (uint32_t)(n - i) : (uint32_t)i;
      }
      memcpy(b, a, n * sizeof *a);
      dz__fp_sort(a, n);
      qsort(b, n, sizeof *b, fp_ref_cmp);
      for (size_t i = 0; i < n; i++) assert_true(a[i].h == b[i].h && a[i].pos == b[i].pos);
      free(a), free(b);
    }
}

/* Coverage (the union of passages' spans, either side, clipped to the text) against a byte
** mask, on random, overlapping, nested, empty and unsorted spans. */
static void coverage_union(void **s) {
  (void)s;
  uint32_t st = 99;
  for (int round = 0; round < 3000; round++) {
    dz_npassage p[12];
    size_t n = (size_t)(round % 12), len = 1 + (round * 7) % 300;
    uint8_t mask[2][400] = {{0}};
    for (size_t i = 0; i < n; i++) {
      uint32_t v[4];
      for (int j = 0; j < 4; j++) st = st * 1103515245u + 12345u, v[j] = (st >> 8) % 320;
      p[i] = (dz_npassage){v[0], v[0] + v[1] % 60, v[2], v[2] + v[3] % 60, 0};
      for (uint32_t c = p[i].a0; c < p[i].a1 && c < len; c++) mask[0][c] = 1;
      for (uint32_t c = p[i].b0; c < p[i].b1 && c < len; c++) mask[1][c] = 1;
    }
    for (int side = 0; side < 2; side++) {
      size_t want = 0;
      for (size_t c = 0; c < len; c++) want += mask[side][c];
      assert_int_equal(dz__coverage(p, n, side, len), want);
    }
  }
}

/* k-gram hashes: the AVX2 path (four rolling hashes side by side) gives the portable values at
** every length around its lanes' split, for several k, and never the reserved mask value. */
static void kgram_paths_agree(void **s) {
  (void)s;
  uint32_t c[700], st = 5;
  uint64_t a[700], b[700];
  for (size_t i = 0; i < 700; i++) st = st * 1103515245u + 12345u, c[i] = i % 7 ? 0x4E00 + (st >> 8) % 0x5000 : (st >> 8) % 0x110000;
  for (int k = 1; k <= 12; k += 3)
    for (size_t n = 0; n < 700; n += n < 80 ? 1 : 37) {
      size_t m1 = dz__kgram_hashes(c, n, k, a), m2 = dz__kgram_hashes_scalar(c, n, k, b);
      assert_int_equal(m1, m2);
      assert_memory_equal(a, b, m1 * sizeof *a);
      for (size_t i = 0; i < m1; i++) assert_true(a[i] != DZ_FP_SKIP);
    }
}

/* The seed filter's paths (portable, AVX2, AVX-512 under the default dispatch; portable and
** AVX2 under DZ_NO_AVX512=1) give the same seeds in the same order. A copies runs of B (chains
** of seeds), and its hashes are then mixed with B's hashes over other characters (collisions:
** a chain must not start there), B's hashes with bit 13 flipped (they pass the filter, whose
** word and bits do not use that bit, but are not in B), masked hashes, and, with a small
** alphabet, hashes occurring more than max_occ times in B; A has every length around the
** vector widths, and chains run into the end of B. */
static void seed_paths_agree(void **s) {
  (void)s;
  uint32_t st = 21, cb[420], ca[420];
  uint64_t hb[420], ha[420];
  const int k = 4;
  size_t found = 0;
  for (int trial = 0; trial < 4000; trial++) {
    uint32_t alpha = trial % 3 ? 3000 : 4;
    size_t nbc = (size_t)k + rnd(&st) % 400, nac = trial < 600 ? (size_t)trial / 8 : rnd(&st) % 400;
    for (size_t i = 0; i < nbc; i++) cb[i] = 0x4E00 + rnd(&st) % alpha;
    for (size_t i = 0; i < nac;) {
      size_t len = 1 + rnd(&st) % 100, from = rnd(&st) % nbc;
      int copy = rnd(&st) % 2;
      for (size_t j = 0; j < len && i < nac; j++, i++)
        ca[i] = copy && from + j < nbc ? cb[from + j] : 0x4E00 + rnd(&st) % alpha;
    }
    size_t nhb = dz__kgram_hashes(cb, nbc, k, hb), nha = nac >= (size_t)k ? dz__kgram_hashes(ca, nac, k, ha) : 0;
    for (size_t j = 0; j < nhb; j++)
      if (rnd(&st) % 20 == 0) hb[j] = DZ_FP_SKIP;
    for (size_t i = 0; i < nha; i++) {
      uint32_t r = rnd(&st) % 40;
      if (r == 0) ha[i] = hb[rnd(&st) % nhb];
      else if (r == 1) ha[i] = hb[rnd(&st) % nhb] ^ (1ull << 13);
      else if (r == 2) ha[i] = DZ_FP_SKIP;
    }
    /* sometimes the index covers only a prefix of B's hashes: chains run into its end while
    ** the hashes past it still equal A's */
    size_t nix = trial % 4 == 1 ? nhb - rnd(&st) % (nhb < 20 ? nhb : 20) : nhb;
    dz_align_index ix;
    assert_int_equal(dz__align_index_build(&ix, hb, nix), 0);
    dz_ntext A = {ca, NULL, NULL, nac}, B = {cb, NULL, NULL, nbc};
    int max_occ = 1 + (int)(rnd(&st) % 4);
    dz_seed *want = NULL;
    size_t nwant = 0;
    assert_int_equal(dz__align_seeds(&want, &nwant, &A, ha, nha, &B, &ix, k, max_occ, 0), 0);
    for (int simd = 1; simd <= 2; simd++) {
      dz_seed *got = NULL;
      size_t ngot = 0;
      assert_int_equal(dz__align_seeds(&got, &ngot, &A, ha, nha, &B, &ix, k, max_occ, simd), 0);
      assert_int_equal(ngot, nwant);
      assert_memory_equal(got, want, ngot * sizeof *got);
      free(got);
    }
    found += nwant;
    free(want);
    dz__align_index_free(&ix);
  }
  assert_true(found > 100000); /* the inputs did make seeds */
}

/* The stock-phrase masking's paths give the same hashes and marks: hashes of stock k-grams,
** stock hashes with bit 13 flipped (they pass the filter, whose word and bits do not use that
** bit, but are not stock), the mask value and random hashes, at every length around the vector
** widths. */
static void stock_paths_agree(void **s) {
  (void)s;
  assert_true(ctx.nstock > 100);
  uint32_t st = 77;
  uint64_t h0[300], h[300];
  uint8_t want[320], got[320]; /* nh + k - 1 marks */
  size_t masked = 0, kept = 0;
  for (int trial = 0; trial < 3000; trial++) {
    size_t nh = trial < 300 ? (size_t)trial : rnd(&st) % 300;
    for (size_t i = 0; i < nh; i++) {
      uint32_t r = rnd(&st) % 10;
      uint64_t sh = ctx.stock[rnd(&st) % ctx.nstock];
      h0[i] = r < 3 ? sh : r < 6 ? sh ^ (1ull << 13) : r == 6 ? DZ_FP_SKIP : (uint64_t)rnd(&st) << 40 ^ rnd(&st);
    }
    uint64_t wanth[300];
    for (int simd = 0; simd <= 2; simd++) {
      uint8_t *marks = simd ? got : want;
      memcpy(h, h0, nh * sizeof *h);
      memset(marks, 0, sizeof want);
      dz_sdoc d = {.h = h, .nh = nh, .stock = marks};
      dz__sdoc_mask_stock(&ctx, &d, simd);
      if (!simd) {
        memcpy(wanth, h, nh * sizeof *h);
        for (size_t i = 0; i < nh; i++) masked += h0[i] != DZ_FP_SKIP && h[i] == DZ_FP_SKIP, kept += h[i] == h0[i];
        continue;
      }
      assert_memory_equal(h, wanth, nh * sizeof *h);
      assert_memory_equal(got, want, sizeof want);
    }
  }
  assert_true(masked > 10000 && kept > 10000);
}

static int u64_less(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

/* The stock set, built from each list normalised whole, equals the k-grams of every phrase
** normalised on its own (a phrase a line, before any tab, # comments skipped). */
static void stock_set_per_phrase(void **s) {
  (void)s;
  size_t n = 0, cap = 1 << 16;
  uint64_t *want = malloc(cap * sizeof *want);
  assert_non_null(want);
  size_t phrases = 0;
  for (const dz_embedded_file *f = dz_embedded_data; f->name; f++) {
    if (strncmp(f->name, "lexicon/stock_phrases", 21) || !strstr(f->name, ".tsv")) continue;
    const char *p = (const char *)f->data, *end = p + f->len;
    while (p < end) {
      const char *eol = memchr(p, '\n', (size_t)(end - p));
      if (!eol) eol = end;
      const char *tab = memchr(p, '\t', (size_t)(eol - p));
      const char *pe = tab ? tab : eol;
      if (pe > p && *p != '#') {
        dz_ntext nt;
        dz_error e;
        assert_int_equal(dz__norm_utf8(ctx.nm, p, (size_t)(pe - p), &nt, &e), DZ_OK);
        if (nt.n >= (size_t)ctx.k) {
          while (n + nt.n > cap) want = realloc(want, (cap *= 2) * sizeof *want);
          n += dz__kgram_hashes(nt.c, nt.n, ctx.k, want + n);
        }
        dz__ntext_free(&nt);
        phrases++;
      }
      p = eol + 1;
    }
  }
  assert_true(phrases > 500);
  qsort(want, n, sizeof *want, u64_less);
  assert_int_equal(ctx.nstock, n);
  assert_memory_equal(ctx.stock, want, n * sizeof *want);
  free(want);
}

/* n random ideographs (U+4E00 + 0..19999, UTF-8) appended at *o: two such texts share no
** 8-gram by chance. */
static char *ideographs(char *o, size_t n, uint32_t *st) {
  for (size_t i = 0; i < n; i++) {
    uint32_t c = 0x4E00 + rnd(st) % 20000;
    *o++ = (char)(0xE0 | c >> 12), *o++ = (char)(0x80 | (c >> 6 & 0x3F)), *o++ = (char)(0x80 | (c & 0x3F));
  }
  return o;
}

/* Query idx with t: exactly one source, named `path`. */
static void expect_one_source(dz_index *idx, const dz_text *t, const char *path) {
  dz_sim_result *r = NULL;
  dz_error e;
  assert_int_equal(dz_index_query(&r, idx, t, NULL, &e), DZ_OK);
  assert_int_equal(dz_sim_result_source_count(r), 1);
  assert_string_equal(dz_sim_result_source(r, 0)->path, path);
  dz_sim_result_free(r);
}

/* rm -rf a test's temporary folder. */
static void remove_dir(const char *dir) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  assert_int_equal(system(cmd), 0);
}

/* Candidates are ranked by DISTINCT shared fingerprints, in the store and in memory alike: a
** short passage of source B pasted five times must not outrank a long passage of source A
** pasted once (with max_sources = 1 only the first candidate is aligned). Queries 1-3 look
** postings up in the store, the later ones in memory. */
static void candidates_by_distinct_fingerprints(void **s) {
  (void)s;
  char dir[] = "/tmp/dz_test_simXXXXXX", path[64], a[1200], b[400], q[4000];
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/c.db", dir);
  uint32_t st = 5;
  char *pa = ideographs(a, 120, &st), *pb = ideographs(b, 40, &st), *o = q;
  dz_index_options opts = DZ_INDEX_OPTIONS_INIT;
  opts.max_sources = 1;
  dz_index *idx = NULL;
  dz_error e;
  int64_t id;
  assert_int_equal(dz_index_open(&idx, path, &opts, &e), DZ_OK);
  assert_int_equal(dz_index_add(&id, idx, "a", a, (size_t)(pa - a), 0, NULL, &e), DZ_OK);
  assert_int_equal(dz_index_add(&id, idx, "b", b, (size_t)(pb - b), 0, NULL, &e), DZ_OK);
  for (int k = 0; k < 5; k++) { /* B five times, each between new text */
    o = ideographs(o, 30, &st), *o++ = '\n';
    memcpy(o, b, (size_t)(pb - b)), o += pb - b, *o++ = '\n';
  }
  memcpy(o, a, (size_t)(pa - a)), o += pa - a;
  dz_text *t = mk(q, (size_t)(o - q));
  for (int round = 0; round < 6; round++) expect_one_source(idx, t, "a");
  dz_text_free(t);
  dz_index_close(idx);
  remove_dir(dir);
}

/* dz_index_publish writes a corpus built in memory to its path, unless a database appeared
** there meanwhile: then *raced is set and that database is left as it was. */
static void publish_new_corpus(void **s) {
  (void)s;
  char dir[] = "/tmp/dz_test_pubXXXXXX", path[64], a[400], b[400];
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/sub/c.db", dir); /* the folder is created too */
  uint32_t st = 9;
  char *pa = ideographs(a, 100, &st), *pb = ideographs(b, 100, &st);
  dz_index *mem = NULL, *disk = NULL;
  dz_error e;
  int64_t id, n = 0;
  int raced = -1;
  for (int round = 0; round < 2; round++) { /* 0: the path stays free; 1: another corpus takes it first */
    assert_int_equal(dz_index_open_new(&mem, path, NULL, &e), DZ_OK);
    assert_int_equal(dz_index_add(&id, mem, "a", a, (size_t)(pa - a), 0, NULL, &e), DZ_OK);
    if (round == 1) {
      assert_int_equal(remove(path), 0);
      assert_int_equal(dz_index_open(&disk, path, NULL, &e), DZ_OK);
      assert_int_equal(dz_index_add(&id, disk, "b", b, (size_t)(pb - b), 0, NULL, &e), DZ_OK);
      dz_index_close(disk);
    }
    assert_int_equal(dz_index_publish(mem, &raced, &e), DZ_OK);
    assert_int_equal(raced, round);
    dz_index_close(mem);
    assert_int_equal(dz_index_open(&disk, path, NULL, &e), DZ_OK);
    dz_text *t = mk(round ? b : a, (size_t)(round ? pb - b : pa - a));
    assert_int_equal(dz_index_count(&n, disk, &e), DZ_OK);
    assert_int_equal(n, 1);
    expect_one_source(disk, t, round ? "b" : "a"); /* the round's document, found */
    dz_text_free(t);
    dz_index_close(disk);
  }
  remove_dir(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(normalise_offsets),
      cmocka_unit_test(winnow_guarantee),
      cmocka_unit_test(winnow_matches_reference),
      cmocka_unit_test(candidates_by_distinct_fingerprints),
      cmocka_unit_test(publish_new_corpus),
      cmocka_unit_test(align_merges_edits),
      cmocka_unit_test(parts_precheck),
      cmocka_unit_test(u64_sort),
      cmocka_unit_test(coverage_union),
      cmocka_unit_test(kgram_paths_agree),
      cmocka_unit_test(seed_paths_agree),
      cmocka_unit_test(stock_paths_agree),
      cmocka_unit_test(fp_sort),
      cmocka_unit_test(normalise_paths_agree),
      cmocka_unit_test(stock_set_per_phrase),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
