/*
** In-process parse benchmark: times dz_text_decode + dz_doc_parse on a file held in memory
** (no I/O, no rendering), best of N runs, next to a baseline in the same process: one pass
** that counts characters and lines (the least any parser must do). Prints MB/s for both.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"
#include "duizhao.h"

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: bench_parse FILE [RUNS]\n"); return 2; }
  int runs = argc > 2 ? atoi(argv[2]) : 5;
  size_t flen;
  char *buf = bench_slurp(argv[1], &flen);
  long n = (long)flen;
  double best_parse = 1e9, best_base = 1e9;
  size_t nodes = 0, chars = 0;
  for (int r = 0; r < runs; r++) {
    double t0 = bench_now();
    size_t c = 0, l = 0;
    for (long i = 0; i < n; i++) {
      c += ((unsigned char)buf[i] & 0xC0) != 0x80;
      l += buf[i] == '\n';
    }
    double t1 = bench_now();
    chars = c + l;
    if (t1 - t0 < best_base) best_base = t1 - t0;
    dz_text *t = NULL;
    dz_doc *d = NULL;
    dz_error e;
    t0 = bench_now();
    if (dz_text_decode(&t, buf, (size_t)n, NULL, &e) || dz_doc_parse(&d, t, NULL, &e)) {
      fprintf(stderr, "%s\n", e.message);
      return 1;
    }
    t1 = bench_now();
    if (t1 - t0 < best_parse) best_parse = t1 - t0;
    dz_iter it;
    dz_iter_init(&it, dz_doc_root(d));
    nodes = 0;
    while (dz_iter_next(&it) != DZ_EVENT_NONE) nodes++;
    dz_doc_free(d);
  }
  double mb = n / 1048576.0;
  printf("input: %.1f MB, %zu chars, %zu node events\n", mb, chars, nodes);
  printf("decode+parse: %.1f ms  %.1f MB/s\n", best_parse * 1e3, mb / best_parse);
  printf("baseline (count chars and lines): %.1f ms  %.1f MB/s\n", best_base * 1e3, mb / best_base);
  printf("parse / baseline time ratio: %.1f\n", best_parse / best_base);
  return 0;
}
