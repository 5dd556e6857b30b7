/* Placeholder until the .docx reader lands: refuses .docx input clearly. */
#include "io/docx.h"
#include "util/error.h"

int dz__docx_read(dz_text **out, const void *bytes, size_t len, const dz_decode_options *opts,
                  dz_error *err) {
  (void)out, (void)bytes, (void)len;
  return dz__error_set(err, DZ_EFORMAT, "暂不支持读取 .docx 文件 %s，请另存为纯文本（.txt）后重试。",
                       opts && opts->name ? opts->name : "");
}
