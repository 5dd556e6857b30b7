/* Unit tests: reading a file whole (dz__read_all), by one read(2) of the size fstat gives for a
** regular file and by stdio otherwise: exact bytes, the size limit, a pipe, and a stream that
** stdio has already started to read. */
#include <errno.h>
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
#include "util/file.h"

/* A temporary file holding n bytes of a pattern; returns it rewound. */
static FILE *pattern_file(size_t n, char **data) {
  FILE *f = tmpfile();
  assert_non_null(f);
  char *d = malloc(n + 1);
  for (size_t i = 0; i < n; i++) d[i] = (char)('a' + (i * 7 + i / 13) % 26);
  assert_int_equal(fwrite(d, 1, n, f), n);
  fflush(f);
  rewind(f);
  *data = d;
  return f;
}

static void regular_files(void **state) {
  (void)state;
  size_t sizes[] = {1, 7, 4096, 65536, 65537, 300000};
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    char *want, *got = NULL;
    size_t len = 0;
    FILE *f = pattern_file(sizes[k], &want);
    assert_int_equal(dz__read_all(f, 1 << 20, &got, &len), 0);
    assert_int_equal(len, sizes[k]);
    assert_memory_equal(got, want, len);
    free(got), free(want), fclose(f);
  }
}

/* Over the limit: max + 1 bytes come back, so that the caller can say the file is too big;
** exactly at the limit: the whole file. */
static void size_limit(void **state) {
  (void)state;
  char *want, *got = NULL;
  size_t len = 0;
  FILE *f = pattern_file(5000, &want);
  assert_int_equal(dz__read_all(f, 1000, &got, &len), 0);
  assert_int_equal(len, 1001);
  assert_memory_equal(got, want, len);
  free(got);
  rewind(f);
  assert_int_equal(dz__read_all(f, 5000, &got, &len), 0);
  assert_int_equal(len, 5000);
  free(got), free(want), fclose(f);
}

/* Part of the file already read through stdio: the rest, from where stdio is. */
static void started_stream(void **state) {
  (void)state;
  char *want, *got = NULL, head[10];
  size_t len = 0;
  FILE *f = pattern_file(20000, &want);
  assert_int_equal(fread(head, 1, sizeof head, f), sizeof head);
  assert_int_equal(dz__read_all(f, 1 << 20, &got, &len), 0);
  assert_int_equal(len, 20000 - sizeof head);
  assert_memory_equal(got, want + sizeof head, len);
  free(got), free(want), fclose(f);
}

/* A pipe has no size: stdio reads it to the end. */
static void pipe_input(void **state) {
  (void)state;
  int fd[2];
  assert_int_equal(pipe(fd), 0);
  char *want;
  FILE *src = pattern_file(30000, &want);
  fclose(src);
  /* 30,000 bytes exceed no pipe buffer of Linux (64 KiB), so one write fills it before reading */
  assert_int_equal(write(fd[1], want, 30000), 30000);
  close(fd[1]);
  FILE *f = fdopen(fd[0], "rb");
  char *got = NULL;
  size_t len = 0;
  assert_int_equal(dz__read_all(f, 1 << 20, &got, &len), 0);
  assert_int_equal(len, 30000);
  assert_memory_equal(got, want, len);
  free(got), free(want), fclose(f);
}

/* dz__read_path_all: exact bytes at several sizes, the limit (one byte more read), a folder
** (EISDIR), a missing file (ENOENT) and a character device of size 0 (read to its end). */
static void by_path(void **state) {
  (void)state;
  char path[] = "/tmp/dz-read-path-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  size_t sizes[] = {1, 4096, 65537, 300000};
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    char *want = malloc(sizes[k]), *got = NULL;
    for (size_t i = 0; i < sizes[k]; i++) want[i] = (char)('a' + (i * 7 + i / 13) % 26);
    assert_int_equal(ftruncate(fd, 0), 0);
    assert_int_equal(pwrite(fd, want, sizes[k], 0), (ssize_t)sizes[k]);
    size_t len = 0;
    int64_t mtime = 0;
    assert_int_equal(dz__read_path_all(path, 1 << 20, &got, &len, &mtime), 0);
    assert_int_equal(len, sizes[k]);
    assert_memory_equal(got, want, len);
    assert_true(mtime > 0);
    free(got);
    assert_int_equal(dz__read_path_all(path, 100, &got, &len, NULL), 0); /* past the limit: 101 bytes */
    assert_int_equal(len, sizes[k] > 100 ? 101 : sizes[k]);
    free(got), free(want);
  }
  close(fd);
  unlink(path);
  char *got = NULL;
  size_t len = 0;
  assert_int_equal(dz__read_path_all("/tmp", 100, &got, &len, NULL), DZ_EIO);
  assert_int_equal(errno, EISDIR);
  assert_int_equal(dz__read_path_all("/nonexistent/dz", 100, &got, &len, NULL), DZ_EIO);
  assert_int_equal(errno, ENOENT);
  assert_int_equal(dz__read_path_all("/dev/null", 100, &got, &len, NULL), 0);
  assert_int_equal(len, 0);
  free(got);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(by_path),
      cmocka_unit_test(regular_files),
      cmocka_unit_test(size_limit),
      cmocka_unit_test(started_stream),
      cmocka_unit_test(pipe_input),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
