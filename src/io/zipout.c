/* Writing a .docx package into memory with libzip (loaded on first use, io/zip_load.h): every
** part deflated, [Content_Types].xml first as OPC readers expect. */
#include <stdlib.h>
#include <string.h>

#include "io/docx_write.h"
#include "io/zip_load.h"
#include "util/error.h"

void dz_docx_bytes_free(dz_docx_bytes *b) {
  if (!b) return;
  free(b->data);
  b->data = NULL;
  b->len = 0;
}

int dz__zip_write(dz_docx_bytes *out, const dz__part *parts, size_t n, dz_error *err) {
  int rc = dz__zip_load(err);
  if (rc) return rc;
  const dz_zip_api *Z = dz__zip();
  zip_error_t ze;
  Z->zip_error_init(&ze);
  zip_source_t *mem = Z->zip_source_buffer_create(NULL, 0, 0, &ze);
  zip_t *za = mem ? Z->zip_open_from_source(mem, ZIP_TRUNCATE, &ze) : NULL;
  Z->zip_error_fini(&ze);
  if (!za) {
    Z->zip_source_free(mem);
    return dz__error_nomem(err);
  }
  Z->zip_source_keep(mem); /* read the archive back after zip_close */
  for (size_t i = 0; i < n && !rc; i++) {
    zip_source_t *s = Z->zip_source_buffer(za, parts[i].data, parts[i].len, 0);
    zip_int64_t idx = s ? Z->zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
    if (idx < 0) {
      Z->zip_source_free(s);
      rc = dz__error_set(err, DZ_ENOMEM, "生成 .docx 失败：%s", Z->zip_strerror(za));
    } else {
      Z->zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 6);
    }
  }
  if (rc) {
    Z->zip_discard(za);
    Z->zip_source_free(mem);
    return rc;
  }
  if (Z->zip_close(za) != 0) {
    rc = dz__error_set(err, DZ_EIO, "生成 .docx 失败：%s", Z->zip_strerror(za));
    Z->zip_discard(za);
    Z->zip_source_free(mem);
    return rc;
  }
  zip_stat_t st;
  unsigned char *data = NULL;
  if (Z->zip_source_stat(mem, &st) == 0 && Z->zip_source_open(mem) == 0) {
    data = malloc(st.size ? st.size : 1);
    if (data && Z->zip_source_read(mem, data, st.size) != (zip_int64_t)st.size) free(data), data = NULL;
    Z->zip_source_close(mem);
  }
  Z->zip_source_free(mem);
  if (!data) return dz__error_nomem(err);
  out->data = data;
  out->len = st.size;
  return DZ_OK;
}
