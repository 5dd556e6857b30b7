/* Base64 (RFC 4648, with padding), for the hash and salt attributes of Word protection. */
#ifndef DZ_UTIL_BASE64_H
#define DZ_UTIL_BASE64_H
#include <stddef.h>
/* Encode n bytes into out (room for 4*((n+2)/3)+1 bytes); returns the length, NUL-terminated. */
size_t dz__base64_encode(char *out, const unsigned char *in, size_t n);
/* Decode; returns the byte count, or (size_t)-1 on bad input. out needs 3*(strlen/4) bytes. */
size_t dz__base64_decode(unsigned char *out, const char *in, size_t n);
#endif
