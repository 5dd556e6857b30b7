/* Unit test: the word-at-a-time and fast paths of the text layer (UTF-8 validation, binary
** detection, the line and column index) agree with plain byte-by-byte reference versions on
** random inputs mixing ASCII, CJK, other UTF-8 lengths, broken sequences and control bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <cmocka.h>

#include "duizhao.h"
#include "text/utf8.h"

/* The straightforward validator the fast paths must agree with. */
static size_t ref_valid(const unsigned char *s, size_t n, size_t *mbo) {
  size_t i = 0, mb = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) { i++; continue; }
    size_t l;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) l = 2, cp = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) l = 3, cp = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) l = 4, cp = c & 0x07, min = 0x10000;
    else break;
    if (i + l > n) break;
    size_t k;
    for (k = 1; k < l; k++) {
      if ((s[i + k] & 0xC0) != 0x80) break;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (k < l || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) break;
    i += l;
    mb++;
  }
  *mbo = mb;
  return i;
}

static uint32_t st = 12345;
static uint32_t rnd(void) {
  st = st * 1103515245u + 12345u;
  return st >> 8;
}

/* A random piece: mostly well-formed characters, sometimes a stray or broken byte. */
static size_t piece(unsigned char *o) {
  static const unsigned char odd[] = {0x80, 0xBF, 0xC0, 0xC1, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF, 0x00, 0x7F, '\n', '\r', '\t', 0x01};
  uint32_t r = rnd() % 100;
  if (r < 40) return o[0] = (unsigned char)(0x20 + rnd() % 0x5F), 1;
  if (r < 80) return (size_t)dz_utf8_put((char *)o, 0x4E00 + rnd() % 0x5000);
  if (r < 85) return (size_t)dz_utf8_put((char *)o, 0x80 + rnd() % 0x700);
  if (r < 90) return (size_t)dz_utf8_put((char *)o, 0x10000 + rnd() % 0x20000);
  if (r < 95) { /* a 3-byte-looking sequence with any lead */
    o[0] = (unsigned char)(0xE0 + rnd() % 32), o[1] = (unsigned char)(0x80 + rnd() % 64), o[2] = (unsigned char)(0x80 + rnd() % 64);
    return 3;
  }
  return o[0] = odd[rnd() % sizeof odd], 1;
}

static void valid_prefix(void **s) {
  (void)s;
  unsigned char buf[512];
  for (int round = 0; round < 20000; round++) {
    size_t n = 0, want = rnd() % 200;
    while (n < want) n += piece(buf + n);
    size_t mb1, mb2;
    size_t a = dz_utf8_valid_prefix(buf, n, &mb1), b = ref_valid(buf, n, &mb2);
    assert_int_equal(a, b);
    assert_int_equal(mb1, mb2);
  }
}

/* The reference answer of the whole-buffer checks (dz__utf8_all_valid, dz__utf8_plain_text). */
static int ref_plain(const unsigned char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (b[i] == 0x7F || (b[i] < 0x20 && b[i] != '\t' && b[i] != '\n' && b[i] != '\v' && b[i] != '\f' && b[i] != '\r'))
      return 0;
  size_t mb;
  return ref_valid(b, n, &mb) == n;
}

/* Both whole-buffer checks against the references on one buffer, and the character counts of
** its 64-byte blocks (for line and column lookups) against a byte-by-byte count. */
static void check_whole(const unsigned char *b, size_t n) {
  size_t mb;
  int valid = ref_valid(b, n, &mb) == n, plain = ref_plain(b, n);
  assert_int_equal(dz__utf8_all_valid(b, n), valid);
  assert_int_equal(dz__utf8_plain_text(b, n), plain);
  for (int simd = 0; simd <= 2; simd++) { /* each path by name; 2 is AVX2 under DZ_NO_AVX512=1 */
    assert_int_equal(dz__utf8_check(b, n, 0, simd), valid);
    assert_int_equal(dz__utf8_check(b, n, 1, simd), plain);
  }
  uint32_t before[16]; /* n < 1024 */
  size_t total = dz__utf8_block_chars(b, n, before), c = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i % 64 == 0) assert_int_equal(before[i / 64], c);
    if (i < n) c += (b[i] & 0xC0) != 0x80;
  }
  assert_int_equal(total, c);
}

/* The SIMD checks: random mixtures, every byte value at every place of a valid buffer that
** spans several 32- and 64-byte blocks (so errors sit at, before and after block edges), and
** every truncation of a buffer of 1- to 4-byte characters (sequences cut at a block end). */
static void whole_buffer(void **s) {
  (void)s;
  unsigned char buf[512];
  for (int round = 0; round < 20000; round++) {
    size_t n = 0, want = rnd() % 300;
    while (n < want) n += piece(buf + n);
    check_whole(buf, n);
  }
  size_t n = 0;
  static const uint32_t cps[] = {0x4E2D, 'a', 0x6587, 0xE9, 0x1F600, 0x3002, '\n', 0x20AC, 0x10FFFF, 0x800};
  for (size_t i = 0; n < 270; i++) n += (size_t)dz_utf8_put((char *)buf + n, cps[i % 10]);
  check_whole(buf, n);
  for (size_t p = 0; p < n; p++) {
    unsigned char keep = buf[p];
    for (int v = 0; v < 256; v++) {
      buf[p] = (unsigned char)v;
      check_whole(buf, n);
    }
    buf[p] = keep;
  }
  for (size_t m = 0; m <= n; m++) check_whole(buf, m);
}

/* Buffers that end at an unreadable page: the AVX-512 path's last, masked block must not touch
** the bytes past the end; every length, with and without a cut sequence or a control byte last. */
static void page_end(void **s) {
  (void)s;
  long pg = sysconf(_SC_PAGESIZE);
  unsigned char *map = mmap(NULL, 2 * (size_t)pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  assert_true(map != MAP_FAILED);
  assert_int_equal(mprotect(map + pg, (size_t)pg, PROT_NONE), 0);
  unsigned char src[400];
  size_t n = 0;
  while (n < 390) n += (size_t)dz_utf8_put((char *)src + n, n % 5 ? 0x4E00 + (uint32_t)n : 'a' + (uint32_t)n % 26);
  for (size_t len = 0; len <= n; len++)
    for (int last = 0; last < 3; last++) {
      unsigned char *b = map + pg - len;
      memcpy(b, src, len);
      if (len && last == 1) b[len - 1] = 0xE4; /* a lead byte with nothing after it */
      if (len && last == 2) b[len - 1] = 0x01;
      check_whole(b, len);
    }
  munmap(map, 2 * (size_t)pg);
}

/* Binary detection reports the first control byte (other than TAB, LF, VT, FF, CR) or DEL at
** its exact position; otherwise decoding succeeds and line/column lookups match a byte count. */
static void binary_and_lines(void **s) {
  (void)s;
  unsigned char buf[1024];
  for (int round = 0; round < 5000; round++) {
    size_t n = 0, want = rnd() % 400;
    while (n < want) {
      uint32_t r = rnd() % 100;
      if (r < 3) buf[n++] = (unsigned char)(rnd() % 0x20);
      else if (r < 4) buf[n++] = 0x7F;
      else if (r < 10) buf[n++] = '\n';
      else if (r < 50) buf[n++] = (unsigned char)(0x20 + rnd() % 0x5F);
      else n += (size_t)dz_utf8_put((char *)buf + n, 0x4E00 + rnd() % 0x5000);
    }
    size_t bad = n;
    for (size_t i = 0; i < n && bad == n; i++)
      if (buf[i] == 0x7F || (buf[i] < 0x20 && buf[i] != '\t' && buf[i] != '\n' && buf[i] != '\v' &&
                             buf[i] != '\f' && buf[i] != '\r'))
        bad = i;
    int has_cr = memchr(buf, '\r', n) != NULL;
    dz_text *t = NULL;
    dz_error e;
    int rc = dz_text_decode(&t, buf, n, NULL, &e);
    if (bad < n) {
      assert_int_equal(rc, DZ_EINVALID);
      char want_pos[64];
      snprintf(want_pos, sizeof want_pos, "第 %zu 字节", bad + 1);
      assert_non_null(strstr(e.message, want_pos));
      continue;
    }
    assert_int_equal(rc, DZ_OK);
    if (!has_cr) {
      /* line and column of every character start, counted by hand */
      size_t line = 1, col = 1;
      for (size_t i = 0; i < n; i++) {
        if ((buf[i] & 0xC0) == 0x80) continue;
        size_t l, c;
        dz_text_linecol(t, i, &l, &c);
        assert_int_equal(l, line);
        assert_int_equal(c, col);
        if (buf[i] == '\n') line++, col = 1;
        else col++;
      }
    }
    dz_text_free(t);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(valid_prefix),
      cmocka_unit_test(binary_and_lines),
      cmocka_unit_test(whole_buffer),
      cmocka_unit_test(page_end),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
