/*
** Encoding detection and decoding. Input bytes become UTF-8 with LF line ends, and every
** decoded byte keeps the offset of the original byte it came from, so that findings are
** always reported in the coordinates of the file the user gave us.
**
** Detection order: a BOM (UTF-8, UTF-16 LE/BE); NUL bytes or control characters mean binary
** data; valid UTF-8; otherwise strict GB18030 (a superset of GBK and GB2312) or Big5. Input that
** looks like UTF-8 but breaks part-way is reported as damaged UTF-8 rather than re-read as
** GB18030, since the GB18030 reading of UTF-8 bytes is garbage that would be silently accepted.
** Bytes that are also Big5 (CP950) are read as Big5 when that reading is the more plausible
** Chinese (src/text/big5.c): a traditional-character file from Taiwan or Hong Kong.
*/
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "text/utf8.h"
#include "util/error.h"

size_t dz_utf8_valid_prefix(const unsigned char *s, size_t n, size_t *multibyte_seqs) {
  size_t i = 0, mb = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      i++;
      while (i + 8 <= n) { /* an ASCII run, eight bytes at a time */
        uint64_t x;
        memcpy(&x, s + i, 8);
        if (x & 0x8080808080808080ull) break;
        i += 8;
      }
      continue;
    }
    /* Fast path for the common CJK case: E1-EC and EE-EF lead bytes take any two continuation
    ** bytes (no overlong, surrogate or out-of-range value is possible); runs of them stay in the
    ** inner loop. */
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 3 <= n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      i += 3, mb++;
      while (i + 3 <= n) {
        unsigned char l = s[i];
        /* bit l - 0xE0 set for the leads E1-EC, EE, EF */
        if ((unsigned)(l - 0xE0) > 15u || !((0xDFFEu >> (l - 0xE0)) & 1) ||
            ((s[i + 1] & 0xC0) | (s[i + 2] & 0xC0) >> 2) != 0xA0)
          break;
        i += 3, mb++;
      }
      continue;
    }
    size_t l;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) l = 2, cp = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) l = 3, cp = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) l = 4, cp = c & 0x07, min = 0x10000;
    else break;
    if (i + l > n) break;
    size_t k;
    for (k = 1; k < l; k++) {
      if ((s[i + k] & 0xC0) != 0x80) break;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (k < l || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) break;
    i += l;
    mb++;
  }
  if (multibyte_seqs) *multibyte_seqs = mb;
  return i;
}


static const char *display_name(const dz_decode_options *o) {
  return o && o->name ? o->name : "标准输入";
}

/*
** Growable output: decoded bytes plus, per decoded byte, its original offset.
*/
typedef struct {
  char *buf;
  uint32_t *map;
  size_t len, cap;
} outbuf;

static int out_reserve(outbuf *o, size_t extra) {
  if (o->len + extra + 1 <= o->cap) return 0;
  size_t cap = o->cap ? o->cap : 256;
  while (cap < o->len + extra + 1) cap *= 2;
  char *b = realloc(o->buf, cap);
  if (!b) return -1;
  o->buf = b;
  uint32_t *m = realloc(o->map, cap * sizeof *m);
  if (!m) return -1;
  o->map = m;
  o->cap = cap;
  return 0;
}

/* Append one code point that came from original offset `orig`, folding CR and CRLF to LF.
** `*pending_cr` remembers a CR so that a following LF is swallowed. */
static int out_put(outbuf *o, uint32_t cp, size_t orig, int *pending_cr) {
  if (cp == '\n' && *pending_cr) { *pending_cr = 0; return 0; }
  *pending_cr = (cp == '\r');
  if (cp == '\r') cp = '\n';
  if (out_reserve(o, 4)) return -1;
  int n = dz_utf8_put(o->buf + o->len, cp);
  for (int k = 0; k < n; k++) o->map[o->len + (size_t)k] = (uint32_t)orig;
  o->len += (size_t)n;
  return 0;
}

static void out_free(outbuf *o) {
  free(o->buf);
  free(o->map);
}

/* Hand a finished output buffer to the text: NUL-terminate it and close the map with the
** offset of the input's end (n bytes in all). Frees the buffer on failure. */
static int out_finish(dz_text *t, outbuf *o, size_t n, dz_error *err) {
  if (out_reserve(o, 1)) {
    out_free(o);
    return dz__error_nomem(err);
  }
  o->buf[o->len] = 0;
  o->map[o->len] = (uint32_t)n;
  t->buf = o->buf, t->map = o->map, t->len = o->len;
  return DZ_OK;
}

/* Convert `in` with iconv from `from` to UTF-32LE (one unit per code point) in one call. */
static int iconv_to_u32(const char *from, const unsigned char *in, size_t n, uint32_t **out,
                        size_t *count, size_t *bad_at) {
  iconv_t cd = iconv_open("UTF-32LE", from);
  if (cd == (iconv_t)-1) return DZ_EIO;
  size_t cap = n * 4 + 8;
  uint32_t *u = malloc(cap);
  if (!u) { iconv_close(cd); return DZ_ENOMEM; }
  char *ip = (char *)in, *op = (char *)u;
  size_t il = n, ol = cap;
  size_t r = iconv(cd, &ip, &il, &op, &ol);
  int rc = DZ_OK;
  if (r == (size_t)-1) {
    *bad_at = (size_t)(ip - (char *)in);
    rc = DZ_EINVALID;
  } else if (iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1) {
    *bad_at = n;
    rc = DZ_EINVALID;
  }
  iconv_close(cd);
  if (rc) { free(u); return rc; }
  *out = u;
  *count = (cap - ol) / 4;
  return DZ_OK;
}

/* Byte length of the GB18030 character whose first byte is at p (n bytes available). */
static size_t gb18030_char_len(const unsigned char *p, size_t n) {
  if (p[0] < 0x80) return 1;
  if (n >= 2 && p[1] >= 0x30 && p[1] <= 0x39) return 4;
  return 2;
}

/* Bytes of a non-UTF-8 input that decide between GB18030 and Big5. */
#define BIG5_SNIFF 65536

/* Byte length of the Big5 character whose first byte is at p. */
static size_t big5_char_len(const unsigned char *p, size_t n) {
  (void)n;
  return p[0] >= 0x81 ? 2 : 1;
}

/* Append the code points u[0..count) that iconv read from in[0..n), mapping each to the offset
** of its first byte. DZ_EINVALID on a control character or when the characters do not account
** for exactly n bytes. */
static int emit_chars(outbuf *o, const uint32_t *u, size_t count, const unsigned char *in, size_t n,
                      size_t (*char_len)(const unsigned char *, size_t)) {
  size_t pos = 0;
  int cr = 0;
  for (size_t k = 0; k < count; k++) {
    if (pos >= n || (u[k] < 0x80 && dz_is_binary_byte((unsigned char)u[k]))) return DZ_EINVALID;
    if (out_put(o, u[k], pos, &cr)) return DZ_ENOMEM;
    pos += char_len(in + pos, n - pos);
  }
  return pos == n ? DZ_OK : DZ_EINVALID;
}

/* emit_chars, then free u; an error names the encoding. */
static int emit_all(outbuf *o, uint32_t *u, size_t count, const unsigned char *in, size_t n,
                    size_t (*char_len)(const unsigned char *, size_t), const char *enc,
                    const dz_decode_options *opts, dz_error *err) {
  int rc = emit_chars(o, u, count, in, n, char_len);
  free(u);
  if (rc == DZ_ENOMEM) return dz__error_nomem(err);
  if (rc)
    return dz__error_set(err, DZ_EINVALID, "文件 %s 的 %s 编码不完整，无法完整读取。请另存为 UTF-8 编码的文本后重试。",
                         display_name(opts), enc);
  return DZ_OK;
}

/* Double-byte Chinese: GB18030 (a superset of GBK and GB2312), or Big5 when the bytes are Big5
** and read more like Chinese that way (dz__prefer_big5). */
static int decode_legacy(dz_text *t, outbuf *o, const unsigned char *in, size_t n, const dz_decode_options *opts,
                         size_t utf8_ok, dz_error *err) {
  uint32_t *u, *b5 = NULL;
  size_t count = 0, nb5 = 0, bad = 0, bad5 = 0;
  int rc = iconv_to_u32("GB18030", in, n, &u, &count, &bad);
  if (rc && rc != DZ_EINVALID) return dz__error_set(err, rc, "无法打开 GB18030 转换器（iconv）");
  /* Decide on a prefix (whole characters in both readings), then decode all of it as Big5 only
  ** when Big5 wins there: GB text is often valid CP950 too, and reading it twice costs. */
  size_t p = 0, ngb = 0;
  while (p < n && p < BIG5_SNIFF) p += big5_char_len(in + p, n - p);
  if (p > n) p -= 2;
  for (size_t q = 0; !rc && q < p && ngb < count; ngb++) q += gb18030_char_len(in + q, n - q);
  int rc5 = iconv_to_u32("CP950", in, p, &b5, &nb5, &bad5);
  if (!rc5 && dz__prefer_big5(rc ? NULL : u, ngb, b5, nb5)) {
    if (p < n) {
      free(b5);
      b5 = NULL;
      rc5 = iconv_to_u32("CP950", in, n, &b5, &nb5, &bad5);
    }
    /* Big5 text that breaks further on: as with UTF-8, the GB18030 reading would be garbage. */
    if (rc5 == DZ_EINVALID) {
      if (!rc) free(u);
      return dz__error_set(err, rc5, "文件 %s 是 Big5 编码，但第 %zu 字节处的编码损坏%s，无法完整读取。请检查文件是否完整。",
                           display_name(opts), bad5 + 1, bad5 + 2 >= n ? "（文件可能被截断）" : "");
    }
  } else if (!rc5) {
    free(b5);
    rc5 = DZ_EINVALID;
  }
  if (rc5 == DZ_ENOMEM) {
    if (!rc) free(u);
    return dz__error_nomem(err);
  }
  if (!rc5) {
    if (!rc) free(u);
    t->enc = DZ_ENC_BIG5;
    return emit_all(o, b5, nb5, in, n, big5_char_len, "Big5", opts, err);
  }
  t->enc = DZ_ENC_GB18030;
  /* Valid UTF-8 that runs further than GB18030 did: the break is a damaged UTF-8 byte, and the
  ** place to look is where UTF-8 stopped, not where GB18030 gave up on good UTF-8. */
  if (rc == DZ_EINVALID && utf8_ok > bad)
    return dz__error_set(err, rc, "文件 %s 是 UTF-8 编码，但第 %zu 字节处的编码损坏，无法完整读取。请检查文件是否完整。",
                         display_name(opts), utf8_ok + 1);
  if (rc == DZ_EINVALID)
    return dz__error_set(err, rc, "无法识别文件 %s 的编码：第 %zu 字节处既不是 UTF-8 也不是 GB18030/GBK。请另存为 UTF-8 编码的文本后重试。",
                         display_name(opts), bad + 1);
  return emit_all(o, u, count, in, n, gb18030_char_len, "GB18030", opts, err);
}

static int decode_utf16(outbuf *o, const unsigned char *in, size_t n, int big_endian,
                        const dz_decode_options *opts, dz_error *err) {
  /* n excludes the BOM; offsets are shifted by 2 for it. */
  if (n % 2)
    return dz__error_set(err, DZ_EINVALID, "文件 %s 是 UTF-16 编码，但字节数为奇数，文件可能被截断。", display_name(opts));
  uint32_t *u;
  size_t count, bad = 0;
  int rc = iconv_to_u32(big_endian ? "UTF-16BE" : "UTF-16LE", in, n, &u, &count, &bad);
  if (rc == DZ_EINVALID)
    return dz__error_set(err, rc, "文件 %s 的 UTF-16 编码在第 %zu 字节处损坏（不成对的代理项），无法完整读取。",
                         display_name(opts), bad + 3);
  if (rc) return dz__error_set(err, rc, "无法打开 UTF-16 转换器（iconv）");
  size_t pos = 0;
  int cr = 0;
  for (size_t k = 0; k < count; k++) {
    uint32_t cp = u[k];
    if (cp < 0x80 && dz_is_binary_byte((unsigned char)cp)) {
      free(u);
      return dz__error_set(err, DZ_EINVALID, "文件 %s 含有控制字符（第 %zu 字节），不是普通文本。", display_name(opts), pos + 3);
    }
    if (out_put(o, cp, pos + 2, &cr)) { free(u); return dz__error_nomem(err); }
    pos += cp >= 0x10000 ? 4 : 2;
  }
  free(u);
  return DZ_OK;
}

/* UTF-8 is copied; the map is only needed when line ends change. */
static int decode_utf8(dz_text *t, const unsigned char *in, size_t n, size_t shift, dz_error *err) {
  int has_cr = memchr(in, '\r', n) != NULL;
  t->buf = malloc(n + 1);
  if (!t->buf) return dz__error_nomem(err);
  if (!has_cr) {
    memcpy(t->buf, in, n);
    t->buf[n] = 0;
    t->len = n;
    t->shift = shift;
    return DZ_OK;
  }
  t->map = malloc((n + 1) * sizeof *t->map);
  if (!t->map) return dz__error_nomem(err);
  size_t j = 0;
  for (size_t i = 0; i < n; i++) {
    if (in[i] == '\r') {
      t->map[j] = (uint32_t)(i + shift);
      t->buf[j++] = '\n';
      if (i + 1 < n && in[i + 1] == '\n') i++;
      continue;
    }
    t->map[j] = (uint32_t)(i + shift);
    t->buf[j++] = (char)in[i];
  }
  t->buf[j] = 0;
  t->map[j] = (uint32_t)(n + shift);
  t->len = j;
  return DZ_OK;
}

/* The error for binary byte in[i]. */
static int binary_error(const unsigned char *in, size_t i, size_t shift, const dz_decode_options *opts,
                        dz_error *err) {
  if (in[i] == 0)
    return dz__error_set(err, DZ_EINVALID, "文件 %s 含有空字节（第 %zu 字节），是二进制文件而不是文本。请提供 .txt、.md 或 .docx 文件。",
                         display_name(opts), i + shift + 1);
  return dz__error_set(err, DZ_EINVALID, "文件 %s 含有控制字符（第 %zu 字节），是二进制文件而不是文本。请提供 .txt、.md 或 .docx 文件。",
                       display_name(opts), i + shift + 1);
}

static int check_binary(const unsigned char *in, size_t n, size_t shift, const dz_decode_options *opts,
                        dz_error *err) {
  size_t i = 0;
  /* Eight bytes at a time; a word holding a byte below 0x20 or equal to 0x7F (in text: line
  ** ends, tabs, form feeds) is checked byte by byte. */
  const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    memcpy(&x, in + i, 8);
    uint64_t y = x ^ (ones * 0x7F);
    if (!(((x - ones * 0x20) & ~x & highs) | ((y - ones) & ~y & highs))) continue;
    for (size_t k = i; k < i + 8; k++)
      if (dz_is_binary_byte(in[k])) return binary_error(in, k, shift, opts, err);
  }
  for (; i < n; i++)
    if (dz_is_binary_byte(in[i])) return binary_error(in, i, shift, opts, err);
  return DZ_OK;
}

/* A lead byte followed only by continuation bytes up to the end, fewer than it needs. */
static int truncated_tail(const unsigned char *p, size_t n) {
  if (n == 0 || n > 3 || p[0] < 0xC2 || p[0] > 0xF4) return 0;
  for (size_t i = 1; i < n; i++)
    if ((p[i] & 0xC0) != 0x80) return 0;
  return n < (size_t)dz_utf8_len(p[0]);
}

static int decode_bytes(dz_text *t, const unsigned char *in, size_t n, const dz_decode_options *opts,
                        dz_error *err) {
  if (n >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF) {
    t->enc = DZ_ENC_UTF8_BOM;
    if (dz__utf8_plain_text(in + 3, n - 3)) return decode_utf8(t, in + 3, n - 3, 3, err);
    int rc = check_binary(in + 3, n - 3, 3, opts, err);
    if (rc) return rc;
    size_t ok = dz_utf8_valid_prefix(in + 3, n - 3, NULL);
    if (ok != n - 3)
      return dz__error_set(err, DZ_EINVALID, "文件 %s 标明为 UTF-8，但第 %zu 字节处的编码损坏%s，无法完整读取。",
                           display_name(opts), ok + 4, ok + 3 + 4 > n ? "（文件可能被截断）" : "");
    return decode_utf8(t, in + 3, n - 3, 3, err);
  }
  if (n >= 2 && ((in[0] == 0xFF && in[1] == 0xFE) || (in[0] == 0xFE && in[1] == 0xFF))) {
    int be = in[0] == 0xFE;
    t->enc = be ? DZ_ENC_UTF16BE : DZ_ENC_UTF16LE;
    outbuf o = {0};
    int rc = decode_utf16(&o, in + 2, n - 2, be, opts, err);
    if (rc) { out_free(&o); return rc; }
    return out_finish(t, &o, n, err);
  }
  /* The common case, checked in one fast pass; the steps below find and name any problem. */
  if (dz__utf8_plain_text(in, n)) {
    t->enc = DZ_ENC_UTF8;
    return decode_utf8(t, in, n, 0, err);
  }
  int rc = check_binary(in, n, 0, opts, err);
  if (rc) return rc;
  size_t mb = 0, ok = dz_utf8_valid_prefix(in, n, &mb);
  if (ok == n) {
    t->enc = DZ_ENC_UTF8;
    return decode_utf8(t, in, n, 0, err);
  }
  /* Broken UTF-8 rather than GB18030: many good multibyte sequences before the break, or a
  ** break in the last three bytes after at least one (a truncated final character). */
  if (mb >= 8 || (mb >= 1 && truncated_tail(in + ok, n - ok))) {
    if (truncated_tail(in + ok, n - ok))
      return dz__error_set(err, DZ_EINVALID, "文件 %s 是 UTF-8 编码，但末尾的字符不完整（第 %zu 字节），文件可能被截断。请检查文件是否完整。",
                           display_name(opts), ok + 1);
    return dz__error_set(err, DZ_EINVALID, "文件 %s 是 UTF-8 编码，但第 %zu 字节处的编码损坏，无法完整读取。请检查文件是否完整。",
                         display_name(opts), ok + 1);
  }
  outbuf o = {0};
  rc = decode_legacy(t, &o, in, n, opts, mb ? ok : 0, err);
  if (rc) { out_free(&o); return rc; }
  return out_finish(t, &o, n, err);
}

int dz_text_decode(dz_text **out, const void *bytes, size_t len, const dz_decode_options *opts,
                   dz_error *err) {
  size_t max = opts && opts->max_bytes ? opts->max_bytes : DZ_DEFAULT_MAX_BYTES;
  if (len > max)
    return dz__error_set(err, DZ_ETOOBIG, "文件 %s 大小为 %zu 字节，超过上限 %zu 字节。可用 --max-size 调高上限。",
                         display_name(opts), len, max);
  if (len >= UINT32_MAX - 8)
    return dz__error_set(err, DZ_ETOOBIG, "文件 %s 超过 4 GiB，无法处理。", display_name(opts));
  dz_text *t = calloc(1, sizeof *t);
  if (!t) return dz__error_nomem(err);
  t->orig_len = len;
  t->name = strdup(opts && opts->name ? opts->name : "-");
  int rc = t->name ? DZ_OK : dz__error_nomem(err);
  if (!rc) rc = decode_bytes(t, bytes ? bytes : (const void *)"", len, opts, err);
  if (!rc) rc = dz__text_index(t, err);
  if (rc) { dz_text_free(t); return rc; }
  *out = t;
  return DZ_OK;
}

int dz__text_from_utf8(dz_text **out, const char *utf8, size_t len, const char *name, dz_error *err) {
  dz_decode_options o = DZ_DECODE_OPTIONS_INIT;
  o.name = name;
  o.max_bytes = (size_t)UINT32_MAX - 16;
  return dz_text_decode(out, utf8, len, &o, err);
}

void dz_text_free(dz_text *t) {
  if (!t) return;
  if (t->attach_free) t->attach_free(t->attach);
  free(t->buf);
  free(t->map);
  free(t->name);
  free(t->line_starts);
  free(t->ckpt);
  free(t);
}

const char *dz_encoding_name(dz_encoding enc) {
  switch (enc) {
  case DZ_ENC_UTF8: return "UTF-8";
  case DZ_ENC_UTF8_BOM: return "UTF-8 (BOM)";
  case DZ_ENC_GB18030: return "GB18030";
  case DZ_ENC_UTF16LE: return "UTF-16LE";
  case DZ_ENC_UTF16BE: return "UTF-16BE";
  case DZ_ENC_BIG5: return "Big5";
  }
  return "?";
}
