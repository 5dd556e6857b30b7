/* Base64 encoding and decoding (RFC 4648 alphabet, '=' padding). */
#include "util/base64.h"

static const char ALPHA[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

size_t dz__base64_encode(char *out, const unsigned char *in, size_t n) {
  size_t o = 0;
  for (size_t i = 0; i < n; i += 3) {
    unsigned v = (unsigned)in[i] << 16 | (i + 1 < n ? (unsigned)in[i + 1] << 8 : 0) | (i + 2 < n ? in[i + 2] : 0);
    out[o++] = ALPHA[v >> 18 & 63];
    out[o++] = ALPHA[v >> 12 & 63];
    out[o++] = i + 1 < n ? ALPHA[v >> 6 & 63] : '=';
    out[o++] = i + 2 < n ? ALPHA[v & 63] : '=';
  }
  out[o] = 0;
  return o;
}

static int val(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

size_t dz__base64_decode(unsigned char *out, const char *in, size_t n) {
  if (n % 4) return (size_t)-1;
  size_t o = 0;
  for (size_t i = 0; i < n; i += 4) {
    int a = val(in[i]), b = val(in[i + 1]);
    int c = in[i + 2] == '=' ? -2 : val(in[i + 2]), d = in[i + 3] == '=' ? -2 : val(in[i + 3]);
    if (a < 0 || b < 0 || c == -1 || d == -1 || (c == -2 && d != -2) || ((c == -2 || d == -2) && i + 4 != n))
      return (size_t)-1;
    out[o++] = (unsigned char)(a << 2 | b >> 4);
    if (c >= 0) out[o++] = (unsigned char)((b & 15) << 4 | c >> 2);
    if (d >= 0) out[o++] = (unsigned char)((c & 3) << 6 | d);
  }
  return o;
}
