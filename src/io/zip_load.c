/* libzip through a table of function pointers filled by dlopen (see zip_load.h). */
#include "io/zip_load.h"

static dz_zip_api api;

static const char *const names[] = {DZ_ZIP_FUNCS(DZ_DL_NAME)};

/* Copy the resolved addresses into the table, in the order of DZ_ZIP_FUNCS. */
static void fill(void *const *addr) {
  size_t i = 0;
  DZ_ZIP_FUNCS(DZ_DL_SET)
}

static const char *const files[] = {"libzip.so.4", NULL};
static dz_dl lib = {.files = files, .package = "libzip4", .need = "读取或生成 .docx ", .names = names,
                    .n = sizeof names / sizeof *names, .fill = fill};

int dz__zip_load(dz_error *err) { return dz__dl_load(&lib, err); }

const dz_zip_api *dz__zip(void) { return &api; }
