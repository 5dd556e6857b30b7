/*
** In-process micro-benchmark of the kernels that have portable, AVX2 and AVX-512 paths: the
** UTF-8 and binary-byte check (every file read), the seed filter of the alignment and the
** stock-phrase filter. The host's speed drifts, so the paths are timed item by item, in an
** order that alternates, over many rounds in one process; it prints the median time of each
** path and the median of each round's AVX2 / AVX-512 ratio (with its quartiles).
**
** usage: bench_sim_kernels DOCS_DIR TEMPLATES_DIR [ROUNDS], e.g. on the data that
** `bench/sim/run.py --scale 0 --repeat 1 --keep --work DIR` leaves in DIR/docs, DIR/templates.
** Under DZ_NO_AVX512=1 (or without AVX-512) the third path is the AVX2 one again.
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include "duizhao.h"
#include "sim/core.h"
#include "text/utf8.h"
#include "util/cpu.h"

enum { MAX_DOCS = 400, MAX_TPL = 400, MAX_ROUNDS = 201 };

typedef struct {
  char *raw[MAX_DOCS];
  size_t rawlen[MAX_DOCS];
  char *path[MAX_DOCS];
  size_t pathlen[MAX_DOCS];
  dz_sdoc doc[MAX_DOCS], tpl[MAX_TPL];
  dz_align_index ix[MAX_TPL];
  uint64_t *h0[MAX_DOCS]; /* each document's k-gram hashes before stock masking */
  int best[MAX_DOCS];     /* the template with the most seeds */
  size_t ndoc, ntpl;
  dz_simctx ctx;
} data;

/* One timed unit: item i on path simd (0 portable, 1 AVX2, 2 best; -1 the untimed part alone). */
typedef void job_fn(data *d, size_t i, int simd);

static int dcmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Time paths 0-2 (and -1 when `base`) of job over every item, `rounds` times; ns per unit. */
static void measure(const char *what, const char *unit, data *d, size_t nitems, double units, job_fn *job, int reps,
                    int base, int rounds) {
  static double t[4][MAX_ROUNDS], q[MAX_ROUNDS];
  for (int r = 0; r < rounds; r++) {
    double acc[4] = {0};
    for (size_t i = 0; i < nitems; i++) {
      job(d, i, 0); /* warm the caches: the data of a check is hot when its kernels run */
      for (int k = 0; k < 4; k++) {
        int p = (r + (int)i) % 2 ? 3 - k : k; /* path p - 1 */
        if (p == 0 && !base) continue;
        double t0 = bench_now();
        for (int n = 0; n < reps; n++) job(d, i, p - 1);
        acc[p] += bench_now() - t0;
      }
    }
    for (int p = 0; p < 4; p++) t[p][r] = acc[p] * 1e9 / (reps * units) - (base && p ? acc[0] * 1e9 / (reps * units) : 0);
    q[r] = t[2][r] / t[3][r];
  }
  for (int p = 0; p < 4; p++) qsort(t[p], (size_t)rounds, sizeof(double), dcmp);
  qsort(q, (size_t)rounds, sizeof(double), dcmp);
  int m = rounds / 2;
  printf("%-44s portable %.3f  AVX2 %.3f  AVX-512 %.3f ns a %s; AVX2/AVX-512 %.2fx (quartiles %.2f-%.2f)\n", what,
         t[1][m], t[2][m], t[3][m], unit, q[m], q[rounds / 4], q[3 * rounds / 4]);
}

static void job_utf8(data *d, size_t i, int simd) {
  if (!dz__utf8_check((const unsigned char *)d->raw[i], d->rawlen[i], 1, simd)) exit(1);
}
static void job_utf8_path(data *d, size_t i, int simd) {
  if (!dz__utf8_check((const unsigned char *)d->path[i], d->pathlen[i], 1, simd)) exit(1);
}
static void seeds(data *d, size_t i, int t, int simd) {
  dz_seed *s;
  size_t n;
  if (dz__align_seeds(&s, &n, &d->doc[i].nt, d->doc[i].h, d->doc[i].nh, &d->tpl[t].nt, &d->ix[t], d->ctx.k, 16, simd))
    exit(1);
  free(s);
}
static void job_seeds_true(data *d, size_t i, int simd) { seeds(d, i, d->best[i], simd); }
static void job_seeds_other(data *d, size_t i, int simd) { seeds(d, i, (d->best[i] + 1) % (int)d->ntpl, simd); }
/* the copy that restores the unmasked hashes is the untimed part (path -1) */
static void job_stock(data *d, size_t i, int simd) {
  memcpy(d->doc[i].h, d->h0[i], d->doc[i].nh * sizeof *d->h0[i]);
  if (simd >= 0) dz__sdoc_mask_stock(&d->ctx, &d->doc[i], simd);
}

/* Read up to max .txt files of dir (paths malloc'd into out); returns how many. */
static size_t list_txt(const char *dir, char **out, size_t max) {
  DIR *dp = opendir(dir);
  if (!dp) {
    perror(dir);
    exit(2);
  }
  size_t n = 0;
  struct dirent *e;
  while (n < max && (e = readdir(dp))) {
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 4, ".txt")) continue;
    out[n] = malloc(strlen(dir) + l + 2);
    sprintf(out[n++], "%s/%s", dir, e->d_name);
  }
  closedir(dp);
  return n;
}

static void prepare(data *d, const char *path, dz_sdoc *sd, char **raw, size_t *rawlen) {
  size_t len;
  char *buf = bench_slurp(path, &len);
  dz_text *t;
  dz_error e;
  if (dz_text_decode(&t, buf, len, NULL, &e) || dz__sdoc_prepare(&d->ctx, t, sd, &e)) {
    fprintf(stderr, "%s: %s\n", path, e.message);
    exit(2);
  }
  dz_text_free(t); /* the prepared document keeps no pointer into it */
  if (raw) *raw = buf, *rawlen = len;
  else free(buf);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: bench_sim_kernels DOCS_DIR TEMPLATES_DIR [ROUNDS]\n");
    return 2;
  }
  int rounds = argc > 3 ? atoi(argv[3]) : 51;
  if (rounds < 3 || rounds > MAX_ROUNDS) rounds = 51;
  static data d;
  static char *tpath[MAX_TPL];
  dz_error e;
  if (dz__simctx_init(&d.ctx, 0, 0, 0, 0, &e)) return 1;
  d.ndoc = list_txt(argv[1], d.path, MAX_DOCS);
  d.ntpl = list_txt(argv[2], tpath, MAX_TPL);
  if (!d.ndoc || !d.ntpl) return 2;
  double bytes = 0, hashes = 0, plen = 0;
  for (size_t t = 0; t < d.ntpl; t++) {
    prepare(&d, tpath[t], &d.tpl[t], NULL, NULL);
    if (dz__align_index_build(&d.ix[t], d.tpl[t].h, d.tpl[t].nh)) return 1;
  }
  for (size_t i = 0; i < d.ndoc; i++) {
    prepare(&d, d.path[i], &d.doc[i], &d.raw[i], &d.rawlen[i]);
    d.h0[i] = malloc((d.doc[i].nh + 1) * sizeof *d.h0[i]);
    dz__kgram_hashes(d.doc[i].nt.c, d.doc[i].nt.n, d.ctx.k, d.h0[i]);
    size_t most = 0;
    for (size_t t = 0; t < d.ntpl; t++) {
      dz_seed *s;
      size_t n;
      if (dz__align_seeds(&s, &n, &d.doc[i].nt, d.doc[i].h, d.doc[i].nh, &d.tpl[t].nt, &d.ix[t], d.ctx.k, 16, 0)) return 1;
      free(s);
      if (n > most) most = n, d.best[i] = (int)t;
    }
    d.pathlen[i] = strlen(d.path[i]);
    bytes += (double)d.rawlen[i], hashes += (double)d.doc[i].nh, plen += (double)d.pathlen[i];
  }
  printf("%zu documents, %zu templates, %d rounds; AVX-512 %s\n", d.ndoc, d.ntpl, rounds,
         dz__cpu_avx512() ? "on" : "off (the third path is AVX2)");
  char what[96];
  snprintf(what, sizeof what, "UTF-8 check, files (%.0f bytes):", bytes / (double)d.ndoc);
  measure(what, "byte", &d, d.ndoc, bytes, job_utf8, 4, 0, rounds);
  snprintf(what, sizeof what, "UTF-8 check, file paths (%.0f bytes):", plen / (double)d.ndoc);
  measure(what, "byte", &d, d.ndoc, plen, job_utf8_path, 64, 0, rounds);
  measure("seed filter, against the copied template:", "hash", &d, d.ndoc, hashes, job_seeds_true, 4, 0, rounds);
  measure("seed filter, against another template:", "hash", &d, d.ndoc, hashes, job_seeds_other, 4, 0, rounds);
  measure("stock-phrase filter:", "hash", &d, d.ndoc, hashes, job_stock, 4, 1, rounds);
  return 0;
}
