/* Unit tests of the server's pure parts: multipart parsing, the token check, listen address
** parsing with the loopback rule, and the per-request finding filter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "server/check_filter.h"
#include "server/listen.h"
#include "server/multipart.h"
#include "server/server.h"

static void boundary_forms(void **state) {
  char b[80];
  assert_int_equal(srv_multipart_boundary("multipart/form-data; boundary=abc", b), 3);
  assert_string_equal(b, "abc");
  assert_int_equal(srv_multipart_boundary("Multipart/Form-Data;boundary=\"a b;c\"", b), 5);
  assert_string_equal(b, "a b;c");
  assert_int_equal(srv_multipart_boundary("multipart/form-data", b), 0);
  assert_int_equal(srv_multipart_boundary("application/json; boundary=x", b), 0);
}

static void parts_and_files(void **state) {
  const char body[] =
      "preamble\r\n--B\r\nContent-Disposition: form-data; name=\"options\"\r\n\r\n{\"a\":1}\r\n"
      "--B\r\ncontent-disposition: form-data; name=\"file\"; filename=\"C:\\\\x\\\\材料.txt\"\r\n"
      "Content-Type: text/plain\r\n\r\n一、存在问题\r\n--B--\r\n";
  srv_part parts[4];
  int n = srv_multipart_parse(body, sizeof body - 1, "B", parts, 4);
  assert_int_equal(n, 2);
  assert_string_equal(parts[0].name, "options");
  assert_false(parts[0].has_filename);
  assert_int_equal(parts[0].len, 7);
  assert_memory_equal(parts[0].data, "{\"a\":1}", 7);
  assert_string_equal(parts[1].name, "file");
  assert_true(parts[1].has_filename);
  assert_string_equal(parts[1].filename, "材料.txt"); /* Windows path stripped */
  assert_string_equal(parts[1].content_type, "text/plain");
  assert_int_equal(parts[1].len, strlen("一、存在问题"));
}

static void malformed_and_capped(void **state) {
  srv_part parts[2];
  const char *noclose = "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nxyz";
  assert_int_equal(srv_multipart_parse(noclose, strlen(noclose), "B", parts, 2), -1);
  const char *noboundary = "hello";
  assert_int_equal(srv_multipart_parse(noboundary, strlen(noboundary), "B", parts, 2), -1);
  const char *three = "--B\n\na\n--B\n\nb\n--B\n\nc\n--B--";
  assert_int_equal(srv_multipart_parse(three, strlen(three), "B", parts, 2), -2);
  const char *lf = "--B\nContent-Disposition: form-data; name=x\n\nv\n--B--";
  assert_int_equal(srv_multipart_parse(lf, strlen(lf), "B", parts, 2), 1);
  assert_string_equal(parts[0].name, "x");
  assert_int_equal(parts[0].len, 1);
}

static void token_rule(void **state) {
  srv_app app;
  memset(&app, 0, sizeof app);
  assert_true(srv_auth_ok(&app, NULL)); /* no token: open */
  app.token = "s3cret";
  assert_false(srv_auth_ok(&app, NULL));
  assert_false(srv_auth_ok(&app, "Bearer s3cre"));
  assert_false(srv_auth_ok(&app, "Bearer s3cret2"));
  assert_false(srv_auth_ok(&app, "Basic s3cret"));
  assert_true(srv_auth_ok(&app, "Bearer s3cret"));
  assert_true(srv_auth_ok(&app, "bearer s3cret"));
  assert_true(srv_needs_auth("/api/check"));
  assert_false(srv_needs_auth("/healthz"));
  assert_false(srv_needs_auth("/app.js"));
}

static void listen_addresses(void **state) {
  srv_addr a;
  dz_error err = {0};
  assert_int_equal(srv_addr_parse(&a, "127.0.0.1:8080", &err), 0);
  assert_true(a.loopback);
  assert_int_equal(srv_addr_parse(&a, "127.1.2.3:0", &err), 0);
  assert_true(a.loopback);
  assert_int_equal(srv_addr_parse(&a, "[::1]:9", &err), 0);
  assert_true(a.loopback);
  assert_int_equal(srv_addr_parse(&a, "0.0.0.0:8080", &err), 0);
  assert_false(a.loopback);
  assert_int_equal(srv_addr_parse(&a, ":8080", &err), 0);
  assert_false(a.loopback);
  assert_int_equal(srv_addr_parse(&a, "127.0.0.1", &err), DZ_EINVALID);
  assert_string_equal(err.message, "监听地址“127.0.0.1”格式不对：请写成 地址:端口，例如 127.0.0.1:8080 或 [::1]:8080。");
  assert_int_equal(srv_addr_parse(&a, "127.0.0.1:99999", &err), DZ_EINVALID);
}

static void non_loopback_needs_token(void **state) {
  dz_server_options o = DZ_SERVER_OPTIONS_INIT;
  o.listen = "0.0.0.0:0";
  dz_server *s = NULL;
  dz_error err = {0};
  assert_int_equal(dz_server_start(&s, &o, &err), DZ_EINVALID);
  assert_null(s);
  assert_string_equal(err.message,
                      "拒绝在非本机地址 0.0.0.0:0 上提供服务：请用 --token 或环境变量 DUIZHAO_TOKEN 设置访问令牌，"
                      "或改用 127.0.0.1。");
}

static void filter_dictionary_and_globs(void **state) {
  json_t *p = json_pack("{s:[s,s],s:s}", "dictionary", "张三丰", "  ", "ignore", "text.placeholder, spell.*");
  srv_filter f;
  srv_resp resp = {0};
  assert_int_equal(srv_filter_init(&f, p, &resp), 0);
  const char *s = "我和张三丰见面";
  size_t n = strlen(s), at = strlen("我和");
  assert_true(srv_filter_drops(&f, "text.repeat", s, n, at + 3, at + 6));   /* 三 inside 张三丰 */
  assert_false(srv_filter_drops(&f, "text.repeat", s, n, 0, 3));           /* 我 */
  assert_true(srv_filter_drops(&f, "spell.char", s, n, 0, 3));             /* ignored glob */
  assert_true(srv_filter_drops(&f, "text.placeholder", s, n, 0, 3));
  srv_filter_free(&f);
  json_decref(p);
  p = json_pack("{s:i}", "dictionary", 3);
  assert_int_equal(srv_filter_init(&f, p, &resp), 400);
  srv_filter_free(&f);
  srv_resp_clear(&resp);
  json_decref(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(boundary_forms),    cmocka_unit_test(parts_and_files),
      cmocka_unit_test(malformed_and_capped), cmocka_unit_test(token_rule),
      cmocka_unit_test(listen_addresses),  cmocka_unit_test(non_loopback_needs_token),
      cmocka_unit_test(filter_dictionary_and_globs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
