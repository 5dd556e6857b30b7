/* Word edit protection: the password hash Word writes into w:documentProtection. */
#ifndef DZ_IO_DOCX_PROTECT_H
#define DZ_IO_DOCX_PROTECT_H
#include <stddef.h>
#include <stdint.h>
#include "duizhao.h"

enum { DZ_WORD_SHA1 = 4, DZ_WORD_SHA512 = 14 }; /* the w:cryptAlgorithmSid values */
#define DZ_WORD_SPIN_COUNT 100000u

/* The Word 97 password key (ECMA-376 Part 4 2.15.1.28 / MS-OFFCRYPTO 2.3.7.1-2.3.7.4) of a
** UTF-8 password: "Example" -> 0x64CEED7E. 0 for an empty password. */
uint32_t dz__word_legacy_key(const char *password);

/* Word's protection hash: H(salt + UTF-16LE(hex of the byte-reversed legacy key)), then
** `spin` rounds of H(prev + LE32(i)). `sid` selects SHA-1 or SHA-512; out receives 20 or 64
** bytes and the function returns that length. */
size_t dz__word_protect_hash(unsigned char out[64], int sid, const char *password,
                             const unsigned char *salt, size_t salt_len, uint32_t spin);

/* The w:documentProtection element (read-only, enforced, SHA-512, 100000 rounds, a fresh
** 16-byte salt from getrandom) for `password`, malloc'd and NUL-terminated. */
int dz__word_protection_xml(char **out, const char *password, dz_error *err);
#endif
