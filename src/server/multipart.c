/* multipart/form-data parsing: boundaries, part headers (Content-Disposition name/filename,
** Content-Type), bodies as slices of the request body. Strict enough to refuse garbage with
** a 400, lenient about header case, LF-only line ends and a missing final CRLF. */
#include <ctype.h>
#include <string.h>
#include "server/multipart.h"

/* glibc's memmem is linear (two-way), so a body full of near-boundaries cannot slow us down. */
static const char *find(const char *h, size_t hl, const char *n, size_t nl) {
  return nl && hl >= nl ? memmem(h, hl, n, nl) : NULL;
}

/* Case-insensitive prefix test. */
static int iprefix(const char *s, size_t n, const char *p) {
  size_t pl = strlen(p);
  if (n < pl) return 0;
  for (size_t i = 0; i < pl; i++)
    if (tolower((unsigned char)s[i]) != tolower((unsigned char)p[i])) return 0;
  return 1;
}

size_t srv_multipart_boundary(const char *ct, char *out) {
  if (!ct || !iprefix(ct, strlen(ct), "multipart/form-data")) return 0;
  const char *p = ct;
  while ((p = strchr(p, ';'))) {
    p++;
    while (*p == ' ' || *p == '\t') p++;
    if (!iprefix(p, strlen(p), "boundary=")) continue;
    p += 9;
    int quoted = *p == '"';
    if (quoted) p++;
    size_t n = 0;
    while (p[n] && (quoted ? p[n] != '"' : (p[n] != ';' && p[n] != ' ' && p[n] != '\t'))) n++;
    if (n == 0 || n > 70) return 0;
    memcpy(out, p, n);
    out[n] = 0;
    return n;
  }
  return 0;
}

/* Copy a header parameter (name="..." or name=token) from a Content-Disposition line into out. */
static int param(const char *line, size_t n, const char *key, char *out, size_t cap) {
  size_t kl = strlen(key);
  for (size_t i = 0; i + kl + 1 < n; i++) {
    if ((i > 0 && line[i - 1] != ';' && line[i - 1] != ' ' && line[i - 1] != '\t') ||
        !iprefix(line + i, n - i, key) || line[i + kl] != '=')
      continue;
    size_t j = i + kl + 1, o = 0;
    int quoted = j < n && line[j] == '"';
    if (quoted) j++;
    for (; j < n; j++) {
      char c = line[j];
      if (quoted ? c == '"' : (c == ';' || c == ' ')) break;
      if (quoted && c == '\\' && j + 1 < n) c = line[++j];
      if (o + 1 < cap) out[o++] = c;
    }
    out[o] = 0;
    return 1;
  }
  return 0;
}

/* Keep only the last path component: browsers on Windows once sent C:\dir\file.txt. */
static void basename_inplace(char *s) {
  char *slash = strrchr(s, '/'), *back = strrchr(s, '\\');
  char *last = slash > back ? slash : back;
  if (last) memmove(s, last + 1, strlen(last + 1) + 1);
}

/* Parse one part's headers in [h, end); fill names and content type. */
static void part_headers(const char *h, const char *end, srv_part *part) {
  while (h < end) {
    const char *eol = memchr(h, '\n', (size_t)(end - h));
    size_t n = (size_t)((eol ? eol : end) - h);
    if (n && h[n - 1] == '\r') n--;
    if (iprefix(h, n, "content-disposition:")) {
      param(h, n, "name", part->name, sizeof part->name);
      part->has_filename = param(h, n, "filename", part->filename, sizeof part->filename);
      basename_inplace(part->filename);
    } else if (iprefix(h, n, "content-type:")) {
      const char *v = h + 13;
      size_t vl = n - 13;
      while (vl && (*v == ' ' || *v == '\t')) v++, vl--;
      if (vl >= sizeof part->content_type) vl = sizeof part->content_type - 1;
      memcpy(part->content_type, v, vl);
      part->content_type[vl] = 0;
    }
    if (!eol) break;
    h = eol + 1;
  }
}

int srv_multipart_parse(const char *body, size_t len, const char *boundary, srv_part *parts, int max) {
  char delim[80];
  size_t bl = strlen(boundary);
  if (bl == 0 || bl > 70) return -1;
  delim[0] = '-', delim[1] = '-';
  memcpy(delim + 2, boundary, bl);
  size_t dl = bl + 2;
  /* The first delimiter may be preceded by a preamble. */
  const char *p = find(body, len, delim, dl), *end = body + len;
  if (!p) return -1;
  int count = 0;
  for (;;) {
    p += dl;
    if (end - p >= 2 && p[0] == '-' && p[1] == '-') return count; /* closing delimiter */
    /* Rest of the delimiter line (transport padding) up to LF. */
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) return -1;
    const char *h = eol + 1;
    /* Headers end at an empty line: CRLFCRLF or LFLF. */
    const char *he = NULL, *data = NULL;
    for (const char *q = h; q < end; q++) {
      if (*q != '\n') continue;
      if (q == h || (q == h + 1 && *h == '\r')) { he = h; data = q + 1; break; } /* no headers */
      if (q + 1 < end && q[1] == '\n') { he = q; data = q + 2; break; }
      if (q + 2 < end && q[1] == '\r' && q[2] == '\n') { he = q; data = q + 3; break; }
    }
    if (!data) return -1;
    /* The body runs to the next CRLF--boundary (or LF--boundary). */
    const char *next = find(data, (size_t)(end - data), delim, dl);
    if (!next) return -1;
    const char *dend = next;
    if (dend > data && dend[-1] == '\n') dend--;
    if (dend > data && dend[-1] == '\r') dend--;
    if (count == max) return -2;
    srv_part *part = &parts[count++];
    memset(part, 0, sizeof *part);
    part_headers(h, he, part);
    part->data = data;
    part->len = (size_t)(dend - data);
    p = next;
  }
}
