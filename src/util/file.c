/*
** Reading whole files under a size cap (util/file.h): by path with open, fstat and read, or
** from a stdio stream (standard input, a file already opened). One read(2) of the size fstat
** gives where stdio took three system calls a file.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "duizhao.h"
#include "util/file.h"

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
