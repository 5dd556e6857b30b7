/* Writing a .docx package into memory with libzip: every part deflated, [Content_Types].xml
** first as OPC readers expect. */
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "io/docx_write.h"
#include "util/error.h"

void dz_docx_bytes_free(dz_docx_bytes *b) {
  if (!b) return;
  free(b->data);
  b->data = NULL;
  b->len = 0;
}

int dz__zip_write(dz_docx_bytes *out, const dz__part *parts, size_t n, dz_error *err) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
  zip_t *za = mem ? zip_open_from_source(mem, ZIP_TRUNCATE, &ze) : NULL;
  zip_error_fini(&ze);
  if (!za) {
    zip_source_free(mem);
    return dz__error_nomem(err);
  }
  zip_source_keep(mem); /* read the archive back after zip_close */
  int rc = DZ_OK;
  for (size_t i = 0; i < n && !rc; i++) {
    zip_source_t *s = zip_source_buffer(za, parts[i].data, parts[i].len, 0);
    zip_int64_t idx = s ? zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
    if (idx < 0) {
      zip_source_free(s);
      rc = dz__error_set(err, DZ_ENOMEM, "生成 .docx 失败：%s", zip_strerror(za));
    } else {
      zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 6);
    }
  }
  if (rc) {
    zip_discard(za);
    zip_source_free(mem);
    return rc;
  }
  if (zip_close(za) != 0) {
    rc = dz__error_set(err, DZ_EIO, "生成 .docx 失败：%s", zip_strerror(za));
    zip_discard(za);
    zip_source_free(mem);
    return rc;
  }
  zip_stat_t st;
  unsigned char *data = NULL;
  if (zip_source_stat(mem, &st) == 0 && zip_source_open(mem) == 0) {
    data = malloc(st.size ? st.size : 1);
    if (data && zip_source_read(mem, data, st.size) != (zip_int64_t)st.size) free(data), data = NULL;
    zip_source_close(mem);
  }
  zip_source_free(mem);
  if (!data) return dz__error_nomem(err);
  out->data = data;
  out->len = st.size;
  return DZ_OK;
}
