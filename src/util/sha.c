/*
** SHA-1 and SHA-512 after FIPS 180-4. Word's document-protection hash (SHA-512, 100000
** rounds) is the only user; SHA-1 is here because the one Word-authored test vector that is
** published (Apache POI's bug56076.docx) uses it, and the protection algorithm is the same
** for both. Written out plainly rather than pulling in a crypto library for one hash.
*/
#include <string.h>

#include "util/sha.h"

static const uint64_t K512[80] = {
  0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
  0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
  0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
  0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
  0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
  0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
  0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
  0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
  0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
  0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
  0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
  0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
  0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
  0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
  0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
  0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
  0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
  0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
  0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
  0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL};

/* Buffer input into blocks of `bs` bytes and hand each full block to `block`. */
static void feed(unsigned char *buf, size_t *fill, size_t bs, const unsigned char *p, size_t len,
                 void (*block)(void *h, const unsigned char *), void *h) {
  while (len) {
    size_t n = bs - *fill < len ? bs - *fill : len;
    memcpy(buf + *fill, p, n);
    *fill += n, p += n, len -= n;
    if (*fill == bs) block(h, buf), *fill = 0;
  }
}

static uint64_t ror64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }
static uint32_t rol32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

/* One 1024-bit block of SHA-512 (FIPS 180-4 section 6.4.2). */
static void block512(void *hv, const unsigned char *p) {
  uint64_t *h = hv;
  uint64_t w[80];
  for (int t = 0; t < 16; t++) {
    uint64_t v = 0;
    for (int k = 0; k < 8; k++) v = (v << 8) | p[t * 8 + k];
    w[t] = v;
  }
  for (int t = 16; t < 80; t++) {
    uint64_t s0 = ror64(w[t - 15], 1) ^ ror64(w[t - 15], 8) ^ (w[t - 15] >> 7);
    uint64_t s1 = ror64(w[t - 2], 19) ^ ror64(w[t - 2], 61) ^ (w[t - 2] >> 6);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int t = 0; t < 80; t++) {
    uint64_t t1 = hh + (ror64(e, 14) ^ ror64(e, 18) ^ ror64(e, 41)) + ((e & f) ^ (~e & g)) + K512[t] + w[t];
    uint64_t t2 = (ror64(a, 28) ^ ror64(a, 34) ^ ror64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void dz__sha512_init(dz_sha512_ctx *c) {
  static const uint64_t iv[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                                 0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                                 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
  memcpy(c->h, iv, sizeof iv);
  c->total = 0;
  c->fill = 0;
}

void dz__sha512_update(dz_sha512_ctx *c, const void *data, size_t len) {
  c->total += len;
  feed(c->buf, &c->fill, 128, data, len, block512, c->h);
}

void dz__sha512_final(dz_sha512_ctx *c, unsigned char out[64]) {
  uint64_t bits = c->total * 8;
  unsigned char pad = 0x80;
  dz__sha512_update(c, &pad, 1);
  pad = 0;
  while (c->fill != 112) dz__sha512_update(c, &pad, 1);
  unsigned char len[16] = {0};
  for (int k = 0; k < 8; k++) len[15 - k] = (unsigned char)(bits >> (8 * k));
  dz__sha512_update(c, len, 16);
  for (int i = 0; i < 8; i++)
    for (int k = 0; k < 8; k++) out[i * 8 + k] = (unsigned char)(c->h[i] >> (56 - 8 * k));
}

/* One 512-bit block of SHA-1 (FIPS 180-4 section 6.1.2). */
static void block1(void *hv, const unsigned char *p) {
  uint32_t *h = hv;
  uint32_t w[80];
  for (int t = 0; t < 16; t++)
    w[t] = (uint32_t)p[t * 4] << 24 | (uint32_t)p[t * 4 + 1] << 16 | (uint32_t)p[t * 4 + 2] << 8 | p[t * 4 + 3];
  for (int t = 16; t < 80; t++) w[t] = rol32(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (int t = 0; t < 80; t++) {
    uint32_t f, k;
    if (t < 20) f = (b & c) | (~b & d), k = 0x5a827999;
    else if (t < 40) f = b ^ c ^ d, k = 0x6ed9eba1;
    else if (t < 60) f = (b & c) | (b & d) | (c & d), k = 0x8f1bbcdc;
    else f = b ^ c ^ d, k = 0xca62c1d6;
    uint32_t tmp = rol32(a, 5) + f + e + k + w[t];
    e = d; d = c; c = rol32(b, 30); b = a; a = tmp;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
}

void dz__sha1_init(dz_sha1_ctx *c) {
  c->h[0] = 0x67452301; c->h[1] = 0xefcdab89; c->h[2] = 0x98badcfe; c->h[3] = 0x10325476;
  c->h[4] = 0xc3d2e1f0;
  c->total = 0;
  c->fill = 0;
}

void dz__sha1_update(dz_sha1_ctx *c, const void *data, size_t len) {
  c->total += len;
  feed(c->buf, &c->fill, 64, data, len, block1, c->h);
}

void dz__sha1_final(dz_sha1_ctx *c, unsigned char out[20]) {
  uint64_t bits = c->total * 8;
  unsigned char pad = 0x80;
  dz__sha1_update(c, &pad, 1);
  pad = 0;
  while (c->fill != 56) dz__sha1_update(c, &pad, 1);
  unsigned char len[8];
  for (int k = 0; k < 8; k++) len[7 - k] = (unsigned char)(bits >> (8 * k));
  dz__sha1_update(c, len, 8);
  for (int i = 0; i < 5; i++)
    for (int k = 0; k < 4; k++) out[i * 4 + k] = (unsigned char)(c->h[i] >> (24 - 8 * k));
}
