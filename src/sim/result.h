/* Internal layout of check results and the helpers that fill them (shared by the corpus
** query and the batch cross-check). */
#ifndef DZ_SIM_RESULT_H
#define DZ_SIM_RESULT_H
#include "duizhao.h"
#include "sim/core.h"

struct dz_sim_result {
  char *file;
  size_t chars;
  double copy_ratio;
  dz_sim_source *sources;   /* path owned */
  size_t nsources;
  dz_sim_passage *passages; /* text, source_text owned */
  size_t npassages;
  dz_sim_part *parts;       /* title owned */
  size_t nparts;
};

/* Fill a public passage from a normalised one: original offsets, line/column, the two texts
** (malloc'd). Returns 0 or DZ_ENOMEM. */
int dz__passage_fill(dz_sim_passage *out, const dz_npassage *np, int64_t source, const dz_sdoc *A,
                     const dz_text *ta, const dz_sdoc *B, const dz_text *tb);
void dz__passage_clear(dz_sim_passage *p);

/* Share of each part's normalised characters covered by `mask` (one byte per character). */
void dz__parts_ratio(dz_sim_part *parts, size_t nparts, const dz_sdoc *A, const uint8_t *mask);
/* 0 when text t certainly has no level-1 heading (so no per-part ratios and no need for the
** document tree); 1 when it may have one. */
int dz__sim_may_have_parts(const dz_text *t);
#endif
