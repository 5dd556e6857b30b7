/*
** Fuzz target: the JSON loaders of the check engine on arbitrary bytes, both as a user config
** (duizhao.json) and as a profile (data/profiles/). Either succeeds or fails with a message;
** nothing crashes or leaks. A checker shell (pool and automaton only) receives the entries.
*/
#include <stdint.h>
#include <stdlib.h>

#include "check/check_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dz_checker *ck = calloc(1, sizeof *ck);
  if (!ck) return 0;
  ck->ac = dz_ac_new();
  dz_error e;
  if (ck->ac) {
    dz__config_parse(ck, (const char *)data, size, "fuzz.json", &e);
    dz_profile p;
    dz__profile_parse(ck, (const char *)data, size, "profiles/fuzz.json", &p, &e);
    dz_ac_compile(ck->ac);
  }
  dz_checker_free(ck);
  return 0;
}
