/*
** Word's edit-protection password hash, exactly as Word writes it (see docs/docx.md):
**
**  1. the legacy Word 97 key of the password (at most 15 UTF-16 units, each reduced to its
**     low byte, or its high byte when the low byte is 0), 32 bits, from the initial code array
**     and the encryption matrix of MS-OFFCRYPTO 2.3.7.1;
**  2. its four bytes in reversed order written as 8 upper-case hex digits, in UTF-16LE
**     (ECMA-376 Part 4 2.15.1.28 implementation note: "7EEDCE64" for "Example");
**  3. H0 = H(salt + that), then spinCount rounds of Hn = H(Hn-1 + LE32(n)) (MS-OI29500
**     17.15.1.29: the salt is prepended in binary, the iterator is appended).
** Word 2013 and later write this with SHA-512 (cryptAlgorithmSid 14) and 100000 rounds.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "io/docx_protect.h"
#include "text/utf8.h"
#include "util/base64.h"
#include "util/error.h"
#include "util/sha.h"

/* MS-OFFCRYPTO 2.3.7.1: initial high-order word by password length, and the XOR matrix. */
static const uint16_t INITIAL[15] = {0xE1F0, 0x1D0F, 0xCC9C, 0x84C0, 0x110C, 0x0E10, 0xF1CE, 0x313E,
                                     0x1872, 0xE139, 0xD40F, 0x84F9, 0x280C, 0xA96A, 0x4EC3};
static const uint16_t MATRIX[15][7] = {
  {0xAEFC, 0x4DD9, 0x9BB2, 0x2745, 0x4E8A, 0x9D14, 0x2A09}, {0x7B61, 0xF6C2, 0xFDA5, 0xEB6B, 0xC6F7, 0x9DCF, 0x2BBF},
  {0x4563, 0x8AC6, 0x05AD, 0x0B5A, 0x16B4, 0x2D68, 0x5AD0}, {0x0375, 0x06EA, 0x0DD4, 0x1BA8, 0x3750, 0x6EA0, 0xDD40},
  {0xD849, 0xA0B3, 0x5147, 0xA28E, 0x553D, 0xAA7A, 0x44D5}, {0x6F45, 0xDE8A, 0xAD35, 0x4A4B, 0x9496, 0x390D, 0x721A},
  {0xEB23, 0xC667, 0x9CEF, 0x29FF, 0x53FE, 0xA7FC, 0x5FD9}, {0x47D3, 0x8FA6, 0x0F6D, 0x1EDA, 0x3DB4, 0x7B68, 0xF6D0},
  {0xB861, 0x60E3, 0xC1C6, 0x93AD, 0x377B, 0x6EF6, 0xDDEC}, {0x45A0, 0x8B40, 0x06A1, 0x0D42, 0x1A84, 0x3508, 0x6A10},
  {0xAA51, 0x4483, 0x8906, 0x022D, 0x045A, 0x08B4, 0x1168}, {0x76B4, 0xED68, 0xCAF1, 0x85C3, 0x1BA7, 0x374E, 0x6E9C},
  {0x3730, 0x6E60, 0xDCC0, 0xA9A1, 0x4363, 0x86C6, 0x1DAD}, {0x3331, 0x6662, 0xCCC4, 0x89A9, 0x0373, 0x06E6, 0x0DCC},
  {0x1021, 0x2042, 0x4084, 0x8108, 0x1231, 0x2462, 0x48C4}};

uint32_t dz__word_legacy_key(const char *password) {
  unsigned char b[15];
  size_t n = 0, i = 0, len = strlen(password);
  while (i < len && n < 15) {
    uint32_t c = dz_utf8_next(password, len, &i);
    uint16_t units[2];
    int k = 1;
    if (c >= 0x10000) units[0] = (uint16_t)(0xD800 + ((c - 0x10000) >> 10)), units[1] = (uint16_t)(0xDC00 + ((c - 0x10000) & 0x3FF)), k = 2;
    else units[0] = (uint16_t)c;
    for (int j = 0; j < k && n < 15; j++) b[n++] = (unsigned char)((units[j] & 0xFF) ? (units[j] & 0xFF) : (units[j] >> 8));
  }
  if (n == 0) return 0;
  uint16_t high = INITIAL[n - 1];
  for (size_t p = 0; p < n; p++)
    for (int bit = 0; bit < 7; bit++)
      if (b[p] >> bit & 1) high ^= MATRIX[15 - n + p][bit];
  uint16_t low = 0;
  for (size_t p = n; p-- > 0;) low = (uint16_t)((((low >> 14) & 1) | ((low << 1) & 0x7FFF)) ^ b[p]);
  low = (uint16_t)((((low >> 14) & 1) | ((low << 1) & 0x7FFF)) ^ n ^ 0xCE4B);
  return (uint32_t)high << 16 | low;
}

/* One hash over two pieces, with either algorithm. */
static size_t hash2(unsigned char out[64], int sid, const void *a, size_t an, const void *b, size_t bn) {
  if (sid == DZ_WORD_SHA1) {
    dz_sha1_ctx c;
    dz__sha1_init(&c);
    dz__sha1_update(&c, a, an);
    dz__sha1_update(&c, b, bn);
    dz__sha1_final(&c, out);
    return 20;
  }
  dz_sha512_ctx c;
  dz__sha512_init(&c);
  dz__sha512_update(&c, a, an);
  dz__sha512_update(&c, b, bn);
  dz__sha512_final(&c, out);
  return 64;
}

size_t dz__word_protect_hash(unsigned char out[64], int sid, const char *password,
                             const unsigned char *salt, size_t salt_len, uint32_t spin) {
  uint32_t key = dz__word_legacy_key(password);
  char hex[9];
  snprintf(hex, sizeof hex, "%02X%02X%02X%02X", key & 0xFF, key >> 8 & 0xFF, key >> 16 & 0xFF, key >> 24 & 0xFF);
  unsigned char u16[16];
  for (int i = 0; i < 8; i++) u16[2 * i] = (unsigned char)hex[i], u16[2 * i + 1] = 0;
  size_t n = hash2(out, sid, salt, salt_len, u16, sizeof u16);
  unsigned char prev[64];
  for (uint32_t i = 0; i < spin; i++) {
    unsigned char it[4] = {(unsigned char)i, (unsigned char)(i >> 8), (unsigned char)(i >> 16), (unsigned char)(i >> 24)};
    memcpy(prev, out, n);
    hash2(out, sid, prev, n, it, 4);
  }
  return n;
}

int dz__word_protection_xml(char **out, const char *password, dz_error *err) {
  unsigned char salt[16], hash[64];
  size_t got = 0;
  while (got < sizeof salt) {
    ssize_t r = getrandom(salt + got, sizeof salt - got, 0);
    if (r <= 0) return dz__error_set(err, DZ_EIO, "无法获取随机数，不能设置编辑保护密码。");
    got += (size_t)r;
  }
  size_t n = dz__word_protect_hash(hash, DZ_WORD_SHA512, password, salt, sizeof salt, DZ_WORD_SPIN_COUNT);
  char h64[96], s64[32];
  dz__base64_encode(h64, hash, n);
  dz__base64_encode(s64, salt, sizeof salt);
  char *x = malloc(512);
  if (!x) return dz__error_nomem(err);
  snprintf(x, 512,
           "<w:documentProtection w:edit=\"readOnly\" w:enforcement=\"1\" w:cryptProviderType=\"rsaAES\" "
           "w:cryptAlgorithmClass=\"hash\" w:cryptAlgorithmType=\"typeAny\" w:cryptAlgorithmSid=\"14\" "
           "w:cryptSpinCount=\"%u\" w:hash=\"%s\" w:salt=\"%s\"/>",
           DZ_WORD_SPIN_COUNT, h64, s64);
  *out = x;
  return DZ_OK;
}
