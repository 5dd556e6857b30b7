/*
** Query latency over an opened corpus: checks every file named on the command line with
** dz_index_query and prints the median and 90th percentile in milliseconds (the index is
** opened once, as a server or a `similar` run over many files would). Run by bench/sim/run.py.
**   build/bench/bench_sim_query DB FILE...
*/
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "duizhao.h"

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int dcmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 3) return 2;
  dz_index *idx;
  dz_error e;
  if (dz_index_open(&idx, argv[1], NULL, &e)) { fprintf(stderr, "%s\n", e.message); return 1; }
  int n = argc - 2, found = 0;
  double *ms = malloc((size_t)n * sizeof *ms);
  for (int i = 0; i < n; i++) {
    dz_text *t;
    if (dz_read_file(&t, argv[i + 2], NULL, &e)) { fprintf(stderr, "%s\n", e.message); return 1; }
    double t0 = now_ms();
    dz_sim_result *r;
    if (dz_index_query(&r, idx, t, NULL, &e)) { fprintf(stderr, "%s\n", e.message); return 1; }
    ms[i] = now_ms() - t0;
    found += dz_sim_result_passage_count(r) > 0;
    dz_sim_result_free(r);
    dz_text_free(t);
  }
  qsort(ms, (size_t)n, sizeof *ms, dcmp);
  printf("queries %d  median %.2f ms  p90 %.2f ms  with passages %d\n", n, ms[n / 2], ms[n * 9 / 10], found);
  free(ms);
  dz_index_close(idx);
  return 0;
}
