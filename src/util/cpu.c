/* CPU feature test (see cpu.h). */
#include <stdlib.h>

#include "util/cpu.h"

#if DZ_HAVE_AVX2_PATH
static int probe_avx2(void) { return __builtin_cpu_supports("avx2") ? 1 : 0; }

static int probe_avx512(void) {
  const char *off = getenv("DZ_NO_AVX512");
  return dz__cpu_avx2() && !(off && *off == '1') && __builtin_cpu_supports("avx512f") &&
         __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vbmi");
}

/* probe()'s answer, kept in *v (-1: not yet asked). Threads may race to fill it, but every one
** computes the same value; relaxed atomics (plain loads and stores on x86-64) make that race
** well defined. */
static int cached(int *v, int (*probe)(void)) {
  int r = __atomic_load_n(v, __ATOMIC_RELAXED);
  if (r < 0) {
    __builtin_cpu_init();
    r = probe();
    __atomic_store_n(v, r, __ATOMIC_RELAXED);
  }
  return r;
}
#endif

int dz__cpu_avx2(void) {
#if DZ_HAVE_AVX2_PATH
  static int v = -1;
  return cached(&v, probe_avx2);
#else
  return 0;
#endif
}

/* See cpu.h. */
int dz__cpu_avx512(void) {
#if DZ_HAVE_AVX2_PATH
  static int v = -1;
  return cached(&v, probe_avx512);
#else
  return 0;
#endif
}
