/*
** Line and column lookups on decoded text. Line starts are kept in a sorted array (binary
** search, O(log n)); columns count characters, using a checkpoint every 64 bytes that holds
** the number of characters before it, so a column costs at most one 64-byte scan.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text/text.h"
#include "text/utf8.h"
#include "util/error.h"
#include "util/file.h"

int dz__text_index(dz_text *t, dz_error *err) {
  size_t n = 1;
  for (const char *p = t->buf; (p = memchr(p, '\n', t->len - (size_t)(p - t->buf))); p++) n++;
  t->line_starts = malloc(n * sizeof *t->line_starts);
  size_t nblocks = (t->len >> DZ_CKPT_SHIFT) + 1;
  t->ckpt = malloc(nblocks * sizeof *t->ckpt);
  if (!t->line_starts || !t->ckpt) return dz__error_nomem(err);
  size_t k = 0;
  t->line_starts[k++] = 0;
  uint32_t chars = 0;
  for (const char *p = t->buf; (p = memchr(p, '\n', t->len - (size_t)(p - t->buf))); p++)
    t->line_starts[k++] = (size_t)(p - t->buf) + 1;
  /* Characters per checkpoint block: bytes that are not UTF-8 continuation bytes. */
  for (size_t b = 0; (b << DZ_CKPT_SHIFT) < t->len; b++) {
    const unsigned char *p = (const unsigned char *)t->buf + (b << DZ_CKPT_SHIFT);
    size_t m = t->len - (b << DZ_CKPT_SHIFT);
    if (m > (1u << DZ_CKPT_SHIFT)) m = 1u << DZ_CKPT_SHIFT;
    t->ckpt[b] = chars;
    uint32_t c = (uint32_t)dz__utf8_count_chars(p, m);
    chars += c;
  }
  if ((t->len & ((1u << DZ_CKPT_SHIFT) - 1)) == 0) t->ckpt[t->len >> DZ_CKPT_SHIFT] = chars;
  t->nlines = k;
  return DZ_OK;
}

/* Characters in buf[0..off). */
static size_t chars_before(const dz_text *t, size_t off) {
  size_t block = off >> DZ_CKPT_SHIFT;
  size_t n = t->ckpt[block];
  for (size_t i = block << DZ_CKPT_SHIFT; i < off; i++)
    if (((unsigned char)t->buf[i] & 0xC0) != 0x80) n++;
  return n;
}

void dz_text_linecol(const dz_text *t, size_t off, size_t *line, size_t *col) {
  if (off > t->len) off = t->len;
  size_t lo = 0, hi = t->nlines; /* last line start <= off */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->line_starts[mid] <= off) lo = mid;
    else hi = mid;
  }
  if (line) *line = lo + 1;
  if (col) *col = chars_before(t, off) - chars_before(t, t->line_starts[lo]) + 1;
}

size_t dz_text_line_count(const dz_text *t) { return t->nlines; }

int dz_text_line_span(const dz_text *t, size_t line, size_t *start, size_t *end) {
  if (line < 1 || line > t->nlines) return DZ_ENOTFOUND;
  size_t s = t->line_starts[line - 1];
  size_t e = line < t->nlines ? t->line_starts[line] - 1 : t->len;
  *start = s;
  *end = e;
  return DZ_OK;
}

const char *dz_text_data(const dz_text *t, size_t *len) {
  if (len) *len = t->len;
  return t->buf;
}

const char *dz_text_name(const dz_text *t) { return t->name ? t->name : "-"; }
dz_encoding dz_text_encoding(const dz_text *t) { return t->enc; }
size_t dz_text_orig_size(const dz_text *t) { return t->orig_len; }

size_t dz_text_orig_offset(const dz_text *t, size_t off) {
  if (off > t->len) off = t->len;
  if (!t->map) return off + t->shift;
  return t->map[off];
}

size_t dz_text_decoded_offset(const dz_text *t, size_t orig) {
  if (!t->map) return orig < t->shift ? 0 : (orig - t->shift > t->len ? t->len : orig - t->shift);
  size_t lo = 0, hi = t->len; /* first decoded offset whose original offset >= orig */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->map[mid] < orig) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Read the rest of a regular file of known size with read(2): one system call for the whole
** file where stdio took three (its own fstat, the data, the end). Returns 0 when done, 1 when
** the caller must go on with stdio (not a regular file, or it grew while read: *out then holds
** what was read so far, *cap its capacity, possibly NULL and 0), or a negative error. */
static int read_sized(FILE *f, size_t max, char **out, size_t *len, size_t *cap) {
  struct stat st;
  int fd = fileno(f);
  *out = NULL, *len = 0, *cap = 0;
  if (fd < 0 || fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size <= 0) return 1;
  /* Only a stream that nothing has read yet: once stdio has read, the descriptor's offset is
  ** past what stdio handed out, and stdio must go on. */
  off_t pos = lseek(fd, 0, SEEK_CUR);
  if (pos != 0) return 1;
  size_t rest = (size_t)(st.st_size - pos), want = rest < max ? rest : max;
  size_t c = want + 1; /* one byte more than expected shows growth or a passed limit */
  char *buf = malloc(c);
  if (!buf) return DZ_ENOMEM;
  size_t n = 0;
  while (n < c) {
    ssize_t r = read(fd, buf + n, c - n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) { free(buf); return DZ_EIO; }
    n += (size_t)r;
    if (r == 0 || n == rest) break; /* the end, or all that fstat announced */
  }
  *out = buf, *len = n, *cap = c;
  return n == c && want < max ? 1 : 0; /* grew meanwhile: stdio reads the rest */
}

/* See util/file.h. */
int dz__read_path_all(const char *path, size_t max, char **out, size_t *len, int64_t *mtime) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return DZ_EIO;
  struct stat st;
  int e = 0;
  char *buf = NULL;
  size_t n = 0, cap = 0, size = 0;
  if (fstat(fd, &st)) e = errno;
  else if (S_ISDIR(st.st_mode)) e = EISDIR;
  if (e) goto fail;
  if (mtime) *mtime = (int64_t)st.st_mtime;
  int sized = S_ISREG(st.st_mode) && st.st_size > 0;
  size = sized ? (size_t)st.st_size : 0;
  cap = sized ? (size < max ? size : max) + 1 : 1 << 16; /* one byte more shows a passed limit */
  if (!(buf = malloc(cap))) { close(fd); return DZ_ENOMEM; }
  for (;;) {
    if (n == cap) {
      if (cap > max) break;
      char *b = realloc(buf, cap *= 2);
      if (!b) { free(buf); close(fd); return DZ_ENOMEM; }
      buf = b;
    }
    ssize_t r = read(fd, buf + n, cap - n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) { e = errno; goto fail; }
    n += (size_t)r;
    if (r == 0 || n > max || (sized && n == size)) break; /* the end, the limit, or what fstat said */
  }
  close(fd);
  *out = buf, *len = n;
  return DZ_OK;
fail:
  free(buf);
  close(fd);
  errno = e;
  return DZ_EIO;
}

/* Read everything from `f` up to max+1 bytes (one more tells us the limit was passed). */
int dz__read_all(FILE *f, size_t max, char **out, size_t *len) {
  char *buf;
  size_t n, cap;
  int rc = read_sized(f, max, &buf, &n, &cap);
  if (rc < 0) return rc;
  if (rc == 0) {
    *out = buf, *len = n;
    return DZ_OK;
  }
  if (!buf) {
    cap = 1 << 16;
    if (!(buf = malloc(cap))) return DZ_ENOMEM;
  }
  for (;;) {
    if (n == cap) {
      if (cap > max) break;
      cap *= 2;
      char *b = realloc(buf, cap);
      if (!b) { free(buf); return DZ_ENOMEM; }
      buf = b;
    }
    size_t r = fread(buf + n, 1, cap - n, f);
    n += r;
    if (r == 0) break;
    if (n > max) break;
  }
  if (ferror(f)) { free(buf); return DZ_EIO; }
  *out = buf;
  *len = n;
  return DZ_OK;
}
