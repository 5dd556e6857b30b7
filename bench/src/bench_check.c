/*
** In-process check benchmark: loads the checker once (timed: this is the start-up cost of every
** `duizhao check`), decodes and parses the input once, then times dz_check with every built-in
** rule (the statistical spelling rule is not part of it) over the whole document, best of N.
** Prints MB/s next to a same-process baseline: parsing the same text (the step before checking).
*/
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench_util.h"
#include "duizhao.h"

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_check FILE [RUNS]\n");
    return 2;
  }
  int runs = argc > 2 ? atoi(argv[2]) : 5;
  size_t flen;
  char *buf = bench_slurp(argv[1], &flen);
  long n = (long)flen;
  dz_error e;
  double t0 = bench_now();
  dz_checker *ck = NULL;
  /* The figure is for the list and structure rules; the statistical spelling check
  ** has its own benchmark (bench/csc). */
  dz_checker_options co = DZ_CHECKER_OPTIONS_INIT;
  co.ignore = "spell.*";
  if (dz_checker_new(&ck, &co, &e)) {
    fprintf(stderr, "%s\n", e.message);
    return 1;
  }
  double load = bench_now() - t0;
  double best_parse = 1e9, best_check = 1e9;
  size_t found = 0;
  for (int r = 0; r < runs; r++) {
    dz_text *t = NULL;
    dz_doc *d = NULL;
    t0 = bench_now();
    if (dz_text_decode(&t, buf, (size_t)n, NULL, &e) || dz_doc_parse(&d, t, NULL, &e)) {
      fprintf(stderr, "%s\n", e.message);
      return 1;
    }
    double t1 = bench_now();
    if (t1 - t0 < best_parse) best_parse = t1 - t0;
    dz_result *res = NULL;
    t0 = bench_now();
    if (dz_check(&res, ck, d, NULL, &e)) {
      fprintf(stderr, "%s\n", e.message);
      return 1;
    }
    t1 = bench_now();
    if (t1 - t0 < best_check) best_check = t1 - t0;
    found = dz_result_count(res);
    dz_result_free(res);
    dz_doc_free(d);
  }
  double mb = (double)n / 1e6;
  printf("input: %.1f MB, %zu findings\n", mb, found);
  printf("checker load (lexicons, profiles, automaton): %.2f ms\n", load * 1e3);
  printf("decode+parse (baseline): %.0f MB/s\n", mb / best_parse);
  printf("check, all built-in rules except spell.*: %.0f MB/s (%.2fx the parse time)\n", mb / best_check, best_check / best_parse);
  dz_checker_free(ck);
  free(buf);
  return 0;
}
