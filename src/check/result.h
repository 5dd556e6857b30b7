/* The result of one check: findings in original and decoded coordinates, owned strings. */
#ifndef DZ_CHECK_RESULT_H
#define DZ_CHECK_RESULT_H
#include "check/check_int.h"

struct dz_finding {
  const char *rule; /* points into dz_result.rules */
  dz_severity sev;
  int rank;
  size_t seq; /* emission order: the last tie-breaker, so equal spans keep the rule's order */
  size_t start, end, ds, de, line, col;
  char *text, *msg, *sugg;
  double conf;
};

struct dz_result {
  dz_finding *f;
  size_t n;
  char *profile_id, *profile_reason, *rules; /* rules: pool of copied rule ids */
  size_t count[3];
};

/* Turn the context's filtered raw findings into a sorted, merged result (takes the raw
** strings; the context's raw list is left empty). */
int dz__result_build(dz_result **out, dz_rule_ctx *ctx, dz_error *err);
#endif
