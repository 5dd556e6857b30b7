/*
** Loading a shared library on first use. dlopen is slow only once (mapping, relocation,
** constructors: what every process used to pay at start for libraries most commands never
** call); afterwards dz__dl_load is a lock and a flag test.
*/
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "util/dl.h"
#include "util/error.h"

/* One lock for every library: loads are rare and the loader serialises them anyway. */
static pthread_mutex_t dl_lock = PTHREAD_MUTEX_INITIALIZER;

/* Symbols one dz_dl may ask for (the largest table, libzip's, has about 25). */
#define DZ_DL_MAX_SYMS 64

void *dz__dl_open(const char *const *files, const char *const *names, size_t n, void **addr, char *why,
                  size_t whycap) {
  why[0] = 0;
  for (size_t f = 0; files[f]; f++) {
    void *h = dlopen(files[f], RTLD_NOW | RTLD_LOCAL);
    if (!h) {
      /* Keep the first reason: the later candidates are fallbacks. */
      if (!why[0]) snprintf(why, whycap, "%s", dlerror());
      continue;
    }
    size_t i = 0;
    for (; i < n; i++) {
      dlerror();
      addr[i] = dlsym(h, names[i]);
      if (!addr[i]) break;
    }
    if (i == n) return h;
    snprintf(why, whycap, "%s 中没有函数 %s，版本不符", files[f], names[i]);
    dlclose(h);
  }
  return NULL;
}

int dz__dl_load(dz_dl *lib, dz_error *err) {
  pthread_mutex_lock(&dl_lock);
  if (!lib->state) {
    if (!lib->files) lib->files = lib->locate();
    void *addr[DZ_DL_MAX_SYMS];
    if (lib->n <= DZ_DL_MAX_SYMS && dz__dl_open(lib->files, lib->names, lib->n, addr, lib->why, sizeof lib->why)) {
      lib->fill(addr);
      lib->state = 1;
    } else {
      if (lib->n > DZ_DL_MAX_SYMS) snprintf(lib->why, sizeof lib->why, "too many symbols");
      lib->state = -1;
    }
  }
  int state = lib->state;
  pthread_mutex_unlock(&dl_lock);
  if (state > 0) return DZ_OK;
  return dz__error_set(err, DZ_ENOTFOUND, "%s需要动态库 %s，但无法加载（%s）。请安装 Debian 软件包 %s（scripts/install-deps 会安装）后再试。",
                       lib->need, lib->files[0], lib->why, lib->package);
}
