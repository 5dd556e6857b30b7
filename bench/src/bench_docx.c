/*
** In-process .docx benchmark: read (unzip + XML + numbering + source map), parse, check (all
** rules, the checker compiled once outside the timing, as a server would), and write back the
** findings plus ~1 synthetic suggestion per 300 bytes as tracked changes and comments
** (dz_docx_fix), on a .docx held in memory; best of N runs. The baseline, in the same process,
** only inflates every zip entry (the least any reader must do).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "bench_util.h"
#include "duizhao.h"

/* Inflate every entry: the floor for reading a package. */
static size_t inflate_all(const void *buf, size_t n) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(buf, n, 0, &ze);
  zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
  zip_error_fini(&ze);
  size_t total = 0;
  char chunk[65536];
  for (zip_int64_t i = 0; za && i < zip_get_num_entries(za, 0); i++) {
    zip_file_t *f = zip_fopen_index(za, (zip_uint64_t)i, 0);
    zip_int64_t r;
    while (f && (r = zip_fread(f, chunk, sizeof chunk)) > 0) total += (size_t)r;
    if (f) zip_fclose(f);
  }
  if (za) zip_discard(za);
  return total;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: bench_docx FILE.docx [RUNS]\n"); return 2; }
  int runs = argc > 2 ? atoi(argv[2]) : 5;
  size_t flen;
  char *buf = bench_slurp(argv[1], &flen);
  long n = (long)flen;
  double best[5] = {1e9, 1e9, 1e9, 1e9, 1e9}; /* baseline, read, parse, check, write */
  size_t chars = 0, edits_n = 0, out_len = 0, applied = 0, nfind = 0;
  dz_checker *ck = NULL;
  dz_error ce;
  if (dz_checker_new(&ck, NULL, &ce)) { fprintf(stderr, "%s\n", ce.message); return 1; }
  for (int r = 0; r < runs; r++) {
    double t0 = bench_now();
    inflate_all(buf, (size_t)n);
    double t1 = bench_now();
    dz_text *t = NULL;
    dz_doc *d = NULL;
    dz_error e;
    if (dz_read_bytes(&t, buf, (size_t)n, NULL, &e)) { fprintf(stderr, "%s\n", e.message); return 1; }
    double t2 = bench_now();
    size_t len;
    const char *s = dz_text_data(t, &len);
    if (dz_doc_parse(&d, t, NULL, &e)) { fprintf(stderr, "%s\n", e.message); return 1; }
    double t3 = bench_now();
    dz_result *res = NULL;
    if (dz_check(&res, ck, d, NULL, &e)) { fprintf(stderr, "%s\n", e.message); return 1; }
    double t3b = bench_now();
    nfind = dz_result_count(res);
    /* the findings, then two characters replaced every ~300 bytes, on character boundaries */
    size_t cap = len / 300 + 1 + nfind, k = 0;
    dz_docx_edit *ed = calloc(cap, sizeof *ed);
    for (size_t i = 0; i < nfind; i++) {
      const dz_finding *fd = dz_result_get(res, i);
      ed[k++] = (dz_docx_edit){dz_finding_dstart(fd), dz_finding_dend(fd), dz_finding_rule(fd),
                               dz_finding_message(fd), dz_finding_suggestion(fd)};
    }
    for (size_t off = 150; off + 6 < len && k < cap; off += 300) {
      size_t a = off;
      while (a < len && ((unsigned char)s[a] & 0xC0) == 0x80) a++;
      if (a + 6 > len || s[a] == '\n') continue;
      ed[k++] = (dz_docx_edit){a, a + 6, "bench", "基准测试意见", "测试"};
    }
    dz_docx_options o = DZ_DOCX_OPTIONS_INIT;
    dz_docx_bytes out = {0};
    if (dz_docx_fix(&out, d, ed, k, &o, &applied, &e)) { fprintf(stderr, "%s\n", e.message); return 1; }
    double t4 = bench_now();
    double dt[5] = {t1 - t0, t2 - t1, t3 - t2, t3b - t3, t4 - t3b};
    for (int i = 0; i < 5; i++) if (dt[i] < best[i]) best[i] = dt[i];
    dz_result_free(res);
    chars = 0;
    for (size_t i = 0; i < len; i++) chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    edits_n = k;
    out_len = out.len;
    dz_docx_bytes_free(&out);
    free(ed);
    dz_doc_free(d);
  }
  printf("input: %ld bytes .docx, %zu characters (~%zu pages of 22 x 28)\n", n, chars, chars / 616);
  printf("baseline (inflate all entries): %.2f ms\n", best[0] * 1e3);
  printf("read .docx: %.2f ms (%.1fx baseline)\n", best[1] * 1e3, best[1] / best[0]);
  printf("parse: %.2f ms\n", best[2] * 1e3);
  printf("check: %.2f ms (%zu findings)\n", best[3] * 1e3, nfind);
  printf("write %zu comments, %zu tracked suggestions: %.2f ms (%zu bytes out)\n", edits_n, applied, best[4] * 1e3, out_len);
  printf("read + parse + check + write: %.2f ms (target <= 100 ms)\n", (best[1] + best[2] + best[3] + best[4]) * 1e3);
  dz_checker_free(ck);
  return 0;
}
