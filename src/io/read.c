/*
** Input sniffing: decide from the first bytes what a file is, and route it to the right
** reader. Types we cannot read get a message that says what to do instead of a garbled result.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/docx.h"
#include "text/text.h"
#include "text/utf8.h"
#include "util/error.h"
#include "util/file.h"

static const char *nm(const dz_decode_options *o) { return o && o->name ? o->name : "标准输入"; }

/* Nothing but white space (ASCII, full-width U+3000, no-break and zero-width spaces, BOMs)? */
static int blank(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    uint32_t c = dz_utf8_next(s, n, &i);
    if (c != ' ' && (c < '\t' || c > '\r') && c != 0x3000 && c != 0xA0 && c != 0x200B && c != 0xFEFF &&
        c != 0x2060)
      return 0;
  }
  return 1;
}

/* An empty input has nothing to check or compare: checking it would print 未发现问题 and a
** copy check 0%, both of which read as a clean result. Refuse it instead. */
static int refuse_blank(dz_text **out, size_t len, const dz_decode_options *opts, dz_error *err) {
  size_t n;
  const char *s = dz_text_data(*out, &n);
  if (!blank(s, n)) return DZ_OK;
  dz_text_free(*out);
  *out = NULL;
  const char *what = len ? "（只有空格或空行）" : "";
  if (!strcmp(nm(opts), "标准输入"))
    return dz__error_set(err, DZ_EINVALID, "标准输入是空的%s，没有可检查的内容。", what);
  return dz__error_set(err, DZ_EINVALID, "文件 %s 是空的%s，没有可检查的内容。请确认选择了正确的文件。", nm(opts), what);
}

/* Sniff the type and read: .docx, refused formats, or text. */
static int read_any(dz_text **out, const void *bytes, size_t len, const dz_decode_options *opts, dz_error *err) {
  const unsigned char *b = bytes;
  if (len >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 || b[2] == 5 || b[2] == 7))
    return dz__docx_read(out, bytes, len, opts, err);
  if (len >= 8 && !memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    /* A password-encrypted .docx is an OLE file holding an "EncryptedPackage" stream
    ** (MS-OFFCRYPTO 2.3.4.4); its directory entry names it in UTF-16LE. */
    static const char enc[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    if (memmem(b, len, enc, sizeof enc - 1))
      return dz__error_set(err, DZ_EFORMAT,
                           "文件 %s 设置了打开密码（已加密），无法读取。请在 Word 或 WPS 中输入密码打开，取消加密后另存为 .docx 再试。",
                           nm(opts));
    return dz__error_set(err, DZ_EFORMAT,
                         "文件 %s 是旧版 Word（.doc）或 WPS（.wps）格式，无法读取。请在 Word 或 WPS 中“另存为” .docx 后重试。",
                         nm(opts));
  }
  if (len >= 5 && !memcmp(b, "%PDF-", 5))
    return dz__error_set(err, DZ_EFORMAT, "文件 %s 是 PDF，暂不支持。请提供 .docx 或 .txt 文件。", nm(opts));
  if (len >= 5 && !memcmp(b, "{\\rtf", 5))
    return dz__error_set(err, DZ_EFORMAT, "文件 %s 是 RTF 格式，无法读取。请另存为 .docx 后重试。", nm(opts));
  return dz_text_decode(out, bytes, len, opts, err);
}

/* Read, then refuse a result without any text. */
int dz_read_bytes(dz_text **out, const void *bytes, size_t len, const dz_decode_options *opts,
                  dz_error *err) {
  dz_text *t = NULL;
  int rc = read_any(&t, bytes, len, opts, err);
  if (!rc) rc = refuse_blank(&t, len, opts, err);
  if (!rc) *out = t;
  return rc;
}

/* Read a file whole, honouring the size limit before reading all of it. */
static int slurp(const char *path, const dz_decode_options *opts, char **buf, size_t *len,
                 dz_error *err) {
  size_t max = opts && opts->max_bytes ? opts->max_bytes : DZ_DEFAULT_MAX_BYTES;
  int is_stdin = !strcmp(path, "-");
  int rc = is_stdin ? dz__read_all(stdin, max, buf, len) : dz__read_path_all(path, max, buf, len, NULL);
  if (rc == DZ_ENOMEM) return dz__error_nomem(err);
  if (rc && !is_stdin) {
    if (errno == ENOENT) return dz__error_set(err, DZ_ENOTFOUND, "找不到文件 %s，请检查路径。", path);
    if (errno == EACCES) return dz__error_set(err, DZ_EIO, "没有权限读取文件 %s。", path);
    if (errno == EISDIR) return dz__error_set(err, DZ_EIO, "%s 是文件夹，不是文件。", path);
    if (errno != EIO) return dz__error_set(err, DZ_EIO, "无法打开文件 %s：%s", path, strerror(errno));
  }
  if (rc) return dz__error_set(err, rc, "读取文件 %s 失败。", is_stdin ? "标准输入" : path);
  if (*len > max) {
    free(*buf);
    return dz__error_set(err, DZ_ETOOBIG, "文件 %s 超过大小上限 %zu 字节。可用 --max-size 调高上限。",
                         is_stdin ? "标准输入" : path, max);
  }
  return DZ_OK;
}

static int read_path(dz_text **out, const char *path, const dz_decode_options *opts, int any_type,
                     dz_error *err) {
  char *buf = NULL;
  size_t len = 0;
  dz_decode_options o = DZ_DECODE_OPTIONS_INIT;
  if (opts) o = *opts;
  /* Reports name stdin in words: a bare "-" reads as a stray dash to a user. */
  if (!strcmp(path, "-") && (!o.name || !strcmp(o.name, "-"))) o.name = "标准输入";
  if (!o.name) o.name = path;
  int rc = slurp(path, &o, &buf, &len, err);
  if (rc) return rc;
  rc = any_type ? dz_read_bytes(out, buf, len, &o, err) : dz_text_decode(out, buf, len, &o, err);
  free(buf);
  return rc;
}

int dz_read_file(dz_text **out, const char *path, const dz_decode_options *opts, dz_error *err) {
  return read_path(out, path, opts, 1, err);
}

int dz_text_read_file(dz_text **out, const char *path, const dz_decode_options *opts, dz_error *err) {
  return read_path(out, path, opts, 0, err);
}
