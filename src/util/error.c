/*
** Error records and version. Messages are one line of Simplified Chinese; the record is owned
** by the caller, so there is no global error state.
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "duizhao.h"
#include "util/error.h"

const char *dz_version(void) { return DZ_VERSION_STRING; }

const char *dz_strerror(int code) {
  switch (code) {
  case DZ_OK: return "成功";
  case DZ_ENOMEM: return "内存不足";
  case DZ_EIO: return "读写文件失败";
  case DZ_EINVALID: return "输入无效";
  case DZ_ENOTFOUND: return "未找到";
  case DZ_EUSER: return "操作被中止";
  case DZ_ETOOBIG: return "输入过大";
  case DZ_EFORMAT: return "不支持的文件格式";
  default: return "未知错误";
  }
}

int dz__error_set(dz_error *err, int code, const char *fmt, ...) {
  if (!err) return code;
  err->code = code;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  /* Keep the message on one line: a stray newline from a library message would break logs. */
  for (char *p = err->message; *p; p++)
    if (*p == '\n' || *p == '\r') *p = ' ';
  return code;
}

int dz__error_nomem(dz_error *err) { return dz__error_set(err, DZ_ENOMEM, "内存不足"); }
