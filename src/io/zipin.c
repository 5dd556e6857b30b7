/*
** Zip input for the .docx reader. Entries are unpacked in 64 KiB chunks straight into the XML
** parser, and every byte is counted against the caps, whatever the headers claim: a zip bomb
** is refused as soon as it passes the total or the ratio, before it can use the memory.
** libzip itself is loaded by the first dz__zip_open (io/zip_load.h).
*/
#include <stdlib.h>
#include <string.h>

#include "io/zipin.h"
#include "util/buf.h"
#include "util/error.h"

int dz__zip_error_corrupt(dz_error *err, const char *name) {
  return dz__error_set(err, DZ_EINVALID,
                       "文件 %s 不是有效的 .docx：压缩包已损坏。请在 Word 或 WPS 中打开后重新“另存为” .docx 再试。", name);
}

static int error_bomb(dz_error *err, const char *name) {
  return dz__error_set(err, DZ_ETOOBIG,
                       "文件 %s 解压后过大或压缩比异常（上限 200 MiB，大部件不超过 100 倍），疑似压缩炸弹，已拒绝读取。", name);
}

int dz__zip_open(dz_zipin *z, const void *bytes, size_t len, const char *name, dz_error *err) {
  memset(z, 0, sizeof *z);
  z->name = name;
  int rc = dz__zip_load(err);
  if (rc) return rc;
  const dz_zip_api *Z = dz__zip();
  zip_error_t ze;
  Z->zip_error_init(&ze);
  zip_source_t *src = Z->zip_source_buffer_create(bytes, len, 0, &ze);
  if (!src) {
    Z->zip_error_fini(&ze);
    return dz__error_nomem(err);
  }
  /* ZIP_CHECKCONS: a central directory that disagrees with the local headers (another entry's
  ** data under document.xml's name) is a corrupt file, not one to read and write back. */
  z->za = Z->zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
  Z->zip_error_fini(&ze);
  if (!z->za) {
    Z->zip_source_free(src);
    return dz__zip_error_corrupt(err, name);
  }
  return DZ_OK;
}

void dz__zip_close(dz_zipin *z) {
  if (z->za) dz__zip()->zip_discard(z->za);
  z->za = NULL;
}

zip_int64_t dz__zip_count(dz_zipin *z) { return dz__zip()->zip_get_num_entries(z->za, 0); }

const char *dz__zip_name(dz_zipin *z, zip_int64_t i) {
  return i < 0 ? NULL : dz__zip()->zip_get_name(z->za, (zip_uint64_t)i, 0);
}

int dz__zip_has(dz_zipin *z, const char *entry) { return dz__zip()->zip_name_locate(z->za, entry, 0) >= 0; }

int dz__zip_stream(dz_zipin *z, const char *entry, dz_zip_sink sink, void *ud, dz_error *err) {
  const dz_zip_api *Z = dz__zip();
  zip_int64_t idx = Z->zip_name_locate(z->za, entry, 0);
  if (idx < 0) return DZ_ENOTFOUND;
  zip_stat_t st;
  if (Z->zip_stat_index(z->za, (zip_uint64_t)idx, 0, &st) != 0) return dz__zip_error_corrupt(err, z->name);
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    return dz__error_set(err, DZ_EFORMAT, "文件 %s 已加密，无法读取。请在 Word 或 WPS 中取消密码后另存为 .docx 再试。", z->name);
  /* Headers can lie; they are checked here and the real byte count again below. */
  if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE)) {
    if (z->total + st.size > DZ_ZIP_MAX_TOTAL) return error_bomb(err, z->name);
    if (st.size > DZ_ZIP_RATIO_FLOOR && st.size / (st.comp_size ? st.comp_size : 1) > DZ_ZIP_MAX_RATIO)
      return error_bomb(err, z->name);
  }
  uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  zip_file_t *f = Z->zip_fopen_index(z->za, (zip_uint64_t)idx, 0);
  if (!f) return dz__zip_error_corrupt(err, z->name);
  static const size_t CHUNK = 64 << 10;
  char *buf = malloc(CHUNK);
  if (!buf) {
    Z->zip_fclose(f);
    return dz__error_nomem(err);
  }
  uint64_t got = 0;
  int rc = DZ_OK;
  for (;;) {
    zip_int64_t n = Z->zip_fread(f, buf, CHUNK);
    if (n < 0) {
      rc = dz__zip_error_corrupt(err, z->name);
      break;
    }
    got += (uint64_t)n;
    z->total += (uint64_t)n;
    if (z->total > DZ_ZIP_MAX_TOTAL || (got > DZ_ZIP_RATIO_FLOOR && got / (comp ? comp : 1) > DZ_ZIP_MAX_RATIO)) {
      rc = error_bomb(err, z->name);
      break;
    }
    rc = sink(ud, buf, (size_t)n, n == 0);
    if (rc || n == 0) break;
  }
  free(buf);
  Z->zip_fclose(f);
  return rc;
}

static int to_buf(void *ud, const char *chunk, size_t n, int last) {
  (void)last;
  dz_buf *b = ud;
  dz_buf_put(b, chunk, n);
  return b->oom ? DZ_ENOMEM : 0;
}

int dz__zip_read(dz_zipin *z, const char *entry, char **out, size_t *len, dz_error *err) {
  dz_buf b = {0};
  int rc = dz__zip_stream(z, entry, to_buf, &b, err);
  if (rc == DZ_ENOMEM) dz__error_nomem(err);
  if (rc) {
    dz_buf_free(&b);
    return rc;
  }
  return dz_buf_take(&b, out, len) ? dz__error_nomem(err) : DZ_OK;
}
