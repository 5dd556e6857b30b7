/* Whether a code point is a letter or digit, with exactly ICU's u_isalnum answers, from a
** table generated at build time (tools/alnum_table.c, cmake/alnum.cmake): the normaliser asks
** this for every non-Han character, and linking ICU for it cost every process about 1 ms of
** start-up (libicuuc, libicudata, libstdc++). */
#ifndef DZ_UTIL_ALNUM_H
#define DZ_UTIL_ALNUM_H
#include <stdint.h>

extern const uint8_t dz_alnum_index[0x110000 / 256];
extern const uint8_t dz_alnum_blocks[][32];

/* u_isalnum(c): 0 past U+10FFFF, as ICU. */
static inline int dz_isalnum_cp(uint32_t c) {
  if (c > 0x10FFFF) return 0;
  return (dz_alnum_blocks[dz_alnum_index[c >> 8]][(c & 0xFF) >> 3] >> (c & 7)) & 1;
}
#endif
