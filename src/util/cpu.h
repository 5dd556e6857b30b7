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
/* AVX-512 with 64-bit multiplies (DQ), byte permutes (VBMI) and 256-bit forms (VL, BW). */
#define DZ_AVX512 __attribute__((target("avx512f,avx512dq,avx512bw,avx512vl,avx512vbmi,avx2")))
#else
#define DZ_HAVE_AVX2_PATH 0
#endif

/* 1 when the CPU runs AVX2 (and the build has AVX2 paths); the answer is computed once. */
int dz__cpu_avx2(void);
/* 1 when it also runs the AVX-512 subsets of DZ_AVX512 (computed once). DZ_NO_AVX512=1 in the
** environment says no, so that tests can run the AVX2 paths on such a CPU too. */
int dz__cpu_avx512(void);
#endif
