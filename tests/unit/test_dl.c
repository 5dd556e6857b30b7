/* Unit tests: libraries loaded on first use (util/dl.h). A missing library or symbol gives the
** Chinese message naming the package, once and for every later call; a fallback file is
** tried after the first; the tables of the real on-demand libraries resolve. */
#include <math.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "io/zip_load.h"
#include "server/mhd_load.h"
#include "util/dl.h"

typedef double (*unary_fn)(double);
static unary_fn got_cos;

static void fill_cos(void *const *addr) { got_cos = (unary_fn)addr[0]; }

static void missing_library(void **state) {
  static const char *const files[] = {"libdz-missing.so.0", NULL};
  static const char *const names[] = {"cos"};
  dz_dl lib = {.files = files, .package = "libdz-missing0", .need = "测试", .names = names, .n = 1, .fill = fill_cos};
  const char *want = "测试需要动态库 libdz-missing.so.0，但无法加载（libdz-missing.so.0: cannot open shared object "
                     "file: No such file or directory）。请安装 Debian 软件包 libdz-missing0（scripts/install-deps "
                     "会安装）后再试。";
  for (int round = 0; round < 2; round++) { /* the second answer comes from the first */
    dz_error err = {0};
    assert_int_equal(dz__dl_load(&lib, &err), DZ_ENOTFOUND);
    assert_int_equal(err.code, DZ_ENOTFOUND);
    assert_string_equal(err.message, want);
    assert_int_equal(lib.state, -1);
  }
}

static void missing_symbol(void **state) {
  static const char *const files[] = {"libm.so.6", NULL};
  static const char *const names[] = {"cos", "dz_no_such_function"};
  dz_dl lib = {.files = files, .package = "libc6", .need = "测试", .names = names, .n = 2, .fill = fill_cos};
  dz_error err = {0};
  assert_int_equal(dz__dl_load(&lib, &err), DZ_ENOTFOUND);
  assert_string_equal(err.message, "测试需要动态库 libm.so.6，但无法加载（libm.so.6 中没有函数 dz_no_such_function，"
                                   "版本不符）。请安装 Debian 软件包 libc6（scripts/install-deps 会安装）后再试。");
}

static void fallback_file(void **state) {
  static const char *const files[] = {"libdz-missing.so.0", "libm.so.6", NULL};
  static const char *const names[] = {"cos"};
  dz_dl lib = {.files = files, .package = "libc6", .need = "测试", .names = names, .n = 1, .fill = fill_cos};
  got_cos = NULL;
  assert_int_equal(dz__dl_load(&lib, NULL), DZ_OK);
  assert_non_null(got_cos);
  assert_true(got_cos(0.0) == 1.0);
  got_cos = NULL;
  assert_int_equal(dz__dl_load(&lib, NULL), DZ_OK); /* loaded once: fill is not called again */
  assert_null(got_cos);
}

static void microhttpd_table(void **state) {
  dz_error err = {0};
  assert_int_equal(srv_mhd_load(&err), DZ_OK);
  const srv_mhd_api *m = srv_mhd();
  assert_non_null(m->MHD_start_daemon);
  assert_non_null(m->MHD_destroy_response);
  struct MHD_Response *r = m->MHD_create_response_from_buffer(2, "ok", MHD_RESPMEM_PERSISTENT);
  assert_non_null(r);
  assert_int_equal(m->MHD_add_response_header(r, "X-Test", "1"), MHD_YES);
  m->MHD_destroy_response(r);
}

static void libzip_table(void **state) {
  dz_error err = {0};
  assert_int_equal(dz__zip_load(&err), DZ_OK);
  const dz_zip_api *Z = dz__zip();
  zip_error_t ze;
  Z->zip_error_init(&ze);
  zip_source_t *src = Z->zip_source_buffer_create("not a zip", 9, 0, &ze);
  assert_non_null(src);
  assert_null(Z->zip_open_from_source(src, ZIP_RDONLY, &ze)); /* refused, and src is still ours */
  Z->zip_source_free(src);
  Z->zip_error_fini(&ze);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(missing_library),
      cmocka_unit_test(missing_symbol),
      cmocka_unit_test(fallback_file),
      cmocka_unit_test(microhttpd_table),
      cmocka_unit_test(libzip_table),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
