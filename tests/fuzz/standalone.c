/*
** Replays fuzz inputs without libFuzzer: every file named on the command line, or every file
** inside a named folder, is passed once to LLVMFuzzerTestOneInput. Used by ctest so that inputs
** that once crashed stay fixed in ordinary and sanitizer builds.
*/
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); return 1; }
  size_t cap = 1 << 16, len = 0;
  uint8_t *buf = malloc(cap);
  size_t n;
  while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
    len += n;
    if (len == cap) { cap *= 2; buf = realloc(buf, cap); }
  }
  fclose(f);
  if (!buf) return 1;
  LLVMFuzzerTestOneInput(buf, len);
  free(buf);
  return 0;
}

int main(int argc, char **argv) {
  int files = 0;
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0) continue; /* an absent corpus is fine */
    if (!S_ISDIR(st.st_mode)) { if (run_file(argv[i])) return 1; files++; continue; }
    DIR *d = opendir(argv[i]);
    struct dirent *e;
    while (d && (e = readdir(d))) {
      if (e->d_name[0] == '.') continue;
      char p[4096];
      snprintf(p, sizeof p, "%s/%s", argv[i], e->d_name);
      if (run_file(p)) { closedir(d); return 1; }
      files++;
    }
    if (d) closedir(d);
  }
  printf("replayed %d inputs\n", files);
  return 0;
}
