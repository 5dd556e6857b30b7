/* libmicrohttpd through a table of function pointers filled by dlopen (see mhd_load.h). */
#include "server/mhd_load.h"

static srv_mhd_api api;

static const char *const names[] = {SRV_MHD_FUNCS(DZ_DL_NAME)};

/* Copy the resolved addresses into the table, in the order of SRV_MHD_FUNCS. */
static void fill(void *const *addr) {
  size_t i = 0;
  SRV_MHD_FUNCS(DZ_DL_SET)
}

static const char *const files[] = {"libmicrohttpd.so.12", NULL};
static dz_dl lib = {.files = files, .package = "libmicrohttpd12", .need = "启动 HTTP 服务", .names = names,
                    .n = sizeof names / sizeof *names, .fill = fill};

int srv_mhd_load(dz_error *err) { return dz__dl_load(&lib, err); }

const srv_mhd_api *srv_mhd(void) { return &api; }
