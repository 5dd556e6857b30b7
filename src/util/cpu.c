/* CPU feature test (see cpu.h). */
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
