/* Internal layout of batch cross-check results, and the renderers' entry points. */
#ifndef DZ_SIM_BATCH_H
#define DZ_SIM_BATCH_H
#include <stdio.h>
#include "duizhao.h"
#include "util/buf.h"

struct dz_sim_batch {
  size_t n;
  char **files;
  double *matrix;        /* n x n, row i = share of file i found in file j */
  size_t *group_members; /* all groups back to back */
  size_t *group_start;   /* ngroups + 1 offsets into group_members */
  size_t ngroups;
  dz_sim_pair *pairs;
  size_t npairs;
};

int dz__sim_render_json(FILE *f, const dz_sim_result *const *r, size_t n);

/* Element i of the JSON array that dz__sim_render_json writes for several results (first: i ==
** 0), appended to b, so that a caller can render each result as soon as it is checked and give
** the same bytes: the array opens with '[' and closes with "\n]\n" around the elements. */
void dz__sim_json_element(dz_buf *b, const dz_sim_result *r, int first);
int dz__sim_render_text(FILE *f, const dz_sim_result *const *r, size_t n, int color);
int dz__sim_render_html(FILE *f, const dz_sim_result *const *r, size_t n);
int dz__batch_render_json(FILE *f, const dz_sim_batch *b);
int dz__batch_render_text(FILE *f, const dz_sim_batch *b, int color);
int dz__batch_render_html(FILE *f, const dz_sim_batch *b);
#endif
