/* Writing a command's output file (the .docx writers). */
#include <errno.h>
#include <string.h>

#include "cli/cli.h"

int cli_write_file(const char *cmd, const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f) {
    const char *why = errno == ENOENT ? "所在文件夹不存在" : errno == EACCES || errno == EROFS ? "没有写入权限"
                    : errno == EISDIR ? "这是一个文件夹" : strerror(errno);
    fprintf(stderr, "duizhao %s: 无法写入文件 %s：%s。\n", cmd, path, why);
    return DZ_EXIT_USAGE;
  }
  size_t n = fwrite(data, 1, len, f);
  if (fclose(f) != 0 || n != len) {
    fprintf(stderr, "duizhao %s: 写入文件 %s 失败（磁盘已满？）。\n", cmd, path);
    return DZ_EXIT_USAGE;
  }
  return DZ_EXIT_OK;
}
