/* libmicrohttpd through a table of function pointers filled by dlopen (see mhd_load.h). */
#include "server/mhd_load.h"
#include "util/dl.h"

static srv_mhd_api api;

static const char *const names[] = {
#define SRV_MHD_NAME(f) #f,
    SRV_MHD_FUNCS(SRV_MHD_NAME)
#undef SRV_MHD_NAME
};

/* Copy the resolved addresses into the table, in the order of SRV_MHD_FUNCS. */
static void fill(void *const *addr) {
  size_t i = 0;
#define SRV_MHD_SET(f) api.f = (__typeof__(&f))addr[i++];
  SRV_MHD_FUNCS(SRV_MHD_SET)
#undef SRV_MHD_SET
}

static const char *const files[] = {"libmicrohttpd.so.12", NULL};
static dz_dl lib = {files, "libmicrohttpd12", "启动 HTTP 服务", names, sizeof names / sizeof *names, fill, 0, {0}};

int srv_mhd_load(dz_error *err) { return dz__dl_load(&lib, err); }

const srv_mhd_api *srv_mhd(void) { return &api; }
