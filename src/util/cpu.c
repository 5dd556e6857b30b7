/* CPU feature test (see cpu.h). */
#include <stdlib.h>

#include "util/cpu.h"

/* Threads may race to fill the cache, but every one computes the same value; relaxed atomics
** (plain loads and stores on x86-64) make that race well defined. */
int dz__cpu_avx2(void) {
#if DZ_HAVE_AVX2_PATH
  static int v = -1;
  int r = __atomic_load_n(&v, __ATOMIC_RELAXED);
  if (r < 0) {
    __builtin_cpu_init();
    r = __builtin_cpu_supports("avx2") ? 1 : 0;
    __atomic_store_n(&v, r, __ATOMIC_RELAXED);
  }
  return r;
#else
  return 0;
#endif
}

/* See cpu.h; cached as dz__cpu_avx2. */
int dz__cpu_avx512(void) {
#if DZ_HAVE_AVX2_PATH
  static int v = -1;
  int r = __atomic_load_n(&v, __ATOMIC_RELAXED);
  if (r < 0) {
    __builtin_cpu_init();
    const char *off = getenv("DZ_NO_AVX512");
    r = dz__cpu_avx2() && !(off && *off == '1') && __builtin_cpu_supports("avx512f") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vbmi");
    __atomic_store_n(&v, r, __ATOMIC_RELAXED);
  }
  return r;
#else
  return 0;
#endif
}
