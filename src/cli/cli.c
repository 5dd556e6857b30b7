/* Shared helpers of the command-line shell. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

int cli_usage_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "duizhao %s: ", cmd);
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n运行 duizhao %s --help 查看用法。\n", cmd);
  va_end(ap);
  return DZ_EXIT_USAGE;
}

int cli_fail(const char *cmd, const dz_error *err) {
  fprintf(stderr, "duizhao %s: %s\n", cmd, err->message[0] ? err->message : dz_strerror(err->code));
  switch (err->code) {
  case DZ_ENOMEM: return DZ_EXIT_INTERNAL;
  default: return DZ_EXIT_USAGE;
  }
}

int cli_opt(const char *cmd, int argc, char **argv, int *i, const char *name, const char **value) {
  const char *a = argv[*i];
  size_t n = strlen(name);
  if (strncmp(a, name, n) != 0) return 0;
  if (a[n] == '=') {
    *value = a + n + 1;
    return 1;
  }
  if (a[n] != '\0') return 0;
  if (*i + 1 >= argc) {
    cli_usage_error(cmd, "选项 %s 需要一个值。", name);
    return -1;
  }
  *value = argv[++*i];
  return 1;
}

int cli_parse_size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  if (*s < '0' || *s > '9') return -1; /* strtoull takes "-5M" as a huge number */
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s) return -1;
  unsigned long long mul = 1;
  if (*end == 'K' || *end == 'k') mul = 1ULL << 10, end++;
  else if (*end == 'M' || *end == 'm') mul = 1ULL << 20, end++;
  else if (*end == 'G' || *end == 'g') mul = 1ULL << 30, end++;
  if (*end == 'i' || *end == 'B') end++;
  if (*end == 'B') end++;
  if (*end || v > SIZE_MAX / mul) return -1;
  *out = (size_t)(v * mul);
  return 0;
}

int cli_color(FILE *f) {
  const char *nc = getenv("NO_COLOR");
  if (nc && *nc) return 0;
  return isatty(fileno(f));
}
