/* CPU feature test (see cpu.h). */
#include <stdlib.h>

#include "util/cpu.h"

/* A benign race: every thread computes the same value, and an int store is atomic on x86-64. */
int dz__cpu_avx2(void) {
#if DZ_HAVE_AVX2_PATH
  static volatile int v = -1;
  if (v < 0) {
    __builtin_cpu_init();
    v = __builtin_cpu_supports("avx2") ? 1 : 0;
  }
  return v;
#else
  return 0;
#endif
}

/* See cpu.h; the same benign race as dz__cpu_avx2. */
int dz__cpu_avx512(void) {
#if DZ_HAVE_AVX2_PATH
  static volatile int v = -1;
  if (v < 0) {
    __builtin_cpu_init();
    const char *off = getenv("DZ_NO_AVX512");
    v = dz__cpu_avx2() && !(off && *off == '1') && __builtin_cpu_supports("avx512f") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vbmi");
  }
  return v;
#else
  return 0;
#endif
}
