/*
** What the CPU can do, for code with an AVX2 path and a portable one. The AVX2 functions are
** compiled with __attribute__((target("avx2"))) (no global -mavx2: the binary must still run
** on any x86-64) and called only when dz__cpu_avx2() says yes.
*/
#ifndef DZ_UTIL_CPU_H
#define DZ_UTIL_CPU_H

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define DZ_HAVE_AVX2_PATH 1
#define DZ_AVX2 __attribute__((target("avx2")))
#else
#define DZ_HAVE_AVX2_PATH 0
#endif

/* 1 when the CPU runs AVX2 (and the build has AVX2 paths); the answer is computed once. */
int dz__cpu_avx2(void);
#endif
