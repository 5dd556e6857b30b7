/* Unit test: the generated letter-or-digit table (util/alnum.h) gives ICU's u_isalnum answer
** for every code point 0..U+10FFFF and a few past it. The test links ICU; the program does not. */
#include <stddef.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <cmocka.h>
#include <unicode/uchar.h>

#include "util/alnum.h"

static void every_code_point(void **state) {
  uint32_t yes = 0, mismatches = 0, first_bad = 0;
  for (uint32_t c = 0; c <= 0x10FFFF; c++) {
    int want = u_isalnum((UChar32)c) ? 1 : 0;
    if (dz_isalnum_cp(c) != want && !mismatches++) first_bad = c;
    yes += (uint32_t)want;
  }
  if (mismatches) fail_msg("%u code points differ from ICU, the first U+%04X", mismatches, first_bad);
  /* Both answers occur in quantity: the comparison is not between two constant functions. */
  assert_true(yes > 100000);
  assert_true(yes < 0x110000 - 100000);
}

static void known_answers(void **state) {
  assert_int_equal(dz_isalnum_cp('a'), 1);
  assert_int_equal(dz_isalnum_cp('7'), 1);
  assert_int_equal(dz_isalnum_cp(' '), 0);
  assert_int_equal(dz_isalnum_cp(0x3002), 0);  /* 。 */
  assert_int_equal(dz_isalnum_cp(0x4E2D), 1);  /* 中 */
  assert_int_equal(dz_isalnum_cp(0x2160), 0);  /* Ⅰ: a letter number (Nl), neither L nor Nd */
  assert_int_equal(dz_isalnum_cp(0xFF11), 1);  /* １ */
  assert_int_equal(dz_isalnum_cp(0x110000), 0);
  assert_int_equal(dz_isalnum_cp(0xFFFFFFFFu), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(every_code_point),
      cmocka_unit_test(known_answers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
