/*
** Checking many files and writing their report in one step (dz_index_query_files_render). For
** JSON with several files each result is rendered on the thread that checked it and freed at
** once: keeping 2,000 results until the end grew the heap by about 14 KB a file, and the page
** faults of that growth cost more than the rendering. The rendered elements are joined in
** input order, so the bytes are those of dz_sim_render.
*/
#include <stdlib.h>

#include "duizhao.h"
#include "sim/batch.h"

/* Callback of dz_index_query_files_each: render result i into its own buffer and free it. */
static void render_one(void *ud, size_t i, dz_sim_result *r) {
  dz_buf *b = &((dz_buf *)ud)[i];
  if ((b->data = malloc(4096))) b->cap = 4096, b->data[0] = 0; /* a result is ~2.5 KB: no regrowth */
  dz__sim_json_element(b, r, i == 0);
  dz_sim_result_free(r);
  /* Kept until the end: give back the doubling's slack (about a third) to the next results. */
  char *d = b->oom ? NULL : realloc(b->data, b->len + 1);
  if (d) b->data = d, b->cap = b->len + 1;
}

/* See sim.h. */
int dz_index_query_files_render(FILE *f, const char *db, const char *const *paths, size_t n, dz_sim_format fmt,
                                int flags, dz_error *err) {
  if (fmt == DZ_SIM_JSON && n > 1) {
    dz_buf *el = calloc(n, sizeof *el);
    if (!el) return DZ_ENOMEM;
    int rc = dz_index_query_files_each(db, paths, n, NULL, render_one, el, err);
    if (!rc) rc = dz__sim_json_array(f, el, n);
    for (size_t i = 0; i < n; i++) dz_buf_free(&el[i]);
    free(el);
    return rc;
  }
  dz_sim_result **res = calloc(n ? n : 1, sizeof *res);
  if (!res) return DZ_ENOMEM;
  int rc = dz_index_query_files(res, db, paths, n, NULL, err);
  if (!rc) rc = dz_sim_render(f, (const dz_sim_result *const *)res, n, fmt, flags);
  for (size_t i = 0; i < n; i++) dz_sim_result_free(res[i]); /* all NULL after a failed check */
  free(res);
  return rc;
}
