/* libzip, loaded on the first .docx read or written (util/dl.h): most commands never open a
** .docx, and linking libzip made each of them map it with OpenSSL's libcrypto, bz2, lzma and
** zstd at start-up. zip.h is included for its types and constants only; calls go through
** dz__zip(). */
#ifndef DZ_IO_ZIP_LOAD_H
#define DZ_IO_ZIP_LOAD_H
#include <zip.h>
#include "duizhao.h"
#include "util/dl.h"

/* The functions src/io calls; a member has the type of the function it names. */
#define DZ_ZIP_FUNCS(X)                                                                           \
  X(zip_close) X(zip_discard) X(zip_error_fini) X(zip_error_init) X(zip_fclose) X(zip_file_add)   \
  X(zip_fopen_index) X(zip_fread) X(zip_get_name) X(zip_get_num_entries) X(zip_name_locate)       \
  X(zip_open_from_source) X(zip_set_file_compression) X(zip_source_buffer)                        \
  X(zip_source_buffer_create) X(zip_source_close) X(zip_source_free) X(zip_source_keep)           \
  X(zip_source_open) X(zip_source_read) X(zip_source_stat) X(zip_stat_index) X(zip_strerror)

typedef struct dz_zip_api {
  DZ_ZIP_FUNCS(DZ_DL_MEMBER)
} dz_zip_api;

/* Load libzip.so.4 (once per process); a missing library gives a Chinese error. */
int dz__zip_load(dz_error *err);

/* The table; valid after dz__zip_load succeeded (every zip handle comes after it). */
const dz_zip_api *dz__zip(void);
#endif
