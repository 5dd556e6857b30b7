/* SHA-1 and SHA-512 (FIPS 180-4), small and dependency-free. Used for Word's edit-protection
** password hash, which needs nothing faster; tested against the NIST example vectors. */
#ifndef DZ_UTIL_SHA_H
#define DZ_UTIL_SHA_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
  uint64_t h[8];
  unsigned char buf[128];
  uint64_t total; /* bytes hashed so far (inputs here are far below 2^61 bytes) */
  size_t fill;
} dz_sha512_ctx;

typedef struct {
  uint32_t h[5];
  unsigned char buf[64];
  uint64_t total;
  size_t fill;
} dz_sha1_ctx;

void dz__sha512_init(dz_sha512_ctx *c);
void dz__sha512_update(dz_sha512_ctx *c, const void *data, size_t len);
void dz__sha512_final(dz_sha512_ctx *c, unsigned char out[64]);

void dz__sha1_init(dz_sha1_ctx *c);
void dz__sha1_update(dz_sha1_ctx *c, const void *data, size_t len);
void dz__sha1_final(dz_sha1_ctx *c, unsigned char out[20]);
#endif
