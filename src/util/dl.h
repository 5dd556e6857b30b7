/* Shared libraries loaded on first use (dlopen), so that a command pays the dynamic loader
** only for the libraries it actually calls (docs/architecture.md, "Dependencies loaded on
** demand"). A module describes its library with a dz_dl and reads the resolved addresses into
** its own table of function pointers in `fill`. */
#ifndef DZ_UTIL_DL_H
#define DZ_UTIL_DL_H
#include <stddef.h>
#include "duizhao.h"

typedef struct dz_dl {
  const char *const *files;   /* NULL-terminated: sonames or paths, tried in order; NULL: */
  const char *const *(*locate)(void); /* ... ask this, once, under the lock */
  const char *package;        /* the Debian package that provides it (for the message) */
  const char *need;           /* what needs it (for the message), e.g. "读取或生成 .docx" */
  const char *const *names;   /* the n symbols to resolve */
  size_t n;
  void (*fill)(void *const *addr); /* called once, under the lock, with the n addresses */
  /* Set by dz__dl_load: 0 not tried, 1 loaded, -1 failed (why says so). */
  int state;
  char why[320];
} dz_dl;

/* A table over a library: list its functions in an X-macro, e.g.
**   #define MY_FUNCS(X) X(foo_open) X(foo_close)
**   typedef struct my_api { MY_FUNCS(DZ_DL_MEMBER) } my_api;          (members typed as foo_*)
**   static const char *const names[] = {MY_FUNCS(DZ_DL_NAME)};
**   static void fill(void *const *addr) { size_t i = 0; MY_FUNCS(DZ_DL_SET) }  (into `api`)
** The library's header gives the types; nothing references the symbols at link time. */
#define DZ_DL_MEMBER(f) __typeof__(&f) f;
#define DZ_DL_NAME(f) #f,
#define DZ_DL_SET(f) api.f = (__typeof__(&f))addr[i++];

/* Load `lib` once per process (thread-safe; later calls return the first answer at once).
** On failure, DZ_ENOTFOUND with a Chinese message naming the library and the package. */
int dz__dl_load(dz_dl *lib, dz_error *err);

/* The first of `files` that dlopen accepts, with the n symbols resolved into addr[]. Returns
** the handle, or NULL with the loader's reason in why. The library is never closed. */
void *dz__dl_open(const char *const *files, const char *const *names, size_t n, void **addr, char *why,
                  size_t whycap);
#endif
