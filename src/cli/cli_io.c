/* Input and output files of the document commands: the shared input options, reading and
** parsing the input, writing the output file. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

int cli_check_output(const char *cmd, const char *in, const char *out) {
  struct stat a, b;
  if (!out && in) return cli_usage_error(cmd, "缺少输出文件，请用 -o 指定 .docx 文件名。");
  if (in && out && strcmp(in, "-") && stat(in, &a) == 0 && stat(out, &b) == 0 && a.st_dev == b.st_dev &&
      a.st_ino == b.st_ino)
    return cli_usage_error(cmd, "输出文件 %s 就是输入文件，写入会覆盖原文。请用 -o 指定另一个文件名。", out);
  return DZ_EXIT_OK;
}

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

int cli_input_arg(const char *cmd, int argc, char **argv, int *i, const char **path, dz_decode_options *dopts) {
  const char *v;
  int r = cli_opt(cmd, argc, argv, i, "--max-size", &v);
  if (r < 0) return -1;
  if (r) {
    if (cli_parse_size(v, &dopts->max_bytes) || !dopts->max_bytes) {
      cli_usage_error(cmd, "无效的大小“%s”。", v);
      return -1;
    }
    return 1;
  }
  if (argv[*i][0] == '-' && argv[*i][1]) {
    cli_usage_error(cmd, "未知选项“%s”。", argv[*i]);
    return -1;
  }
  if (*path) {
    cli_usage_error(cmd, "只能指定一个输入文件。");
    return -1;
  }
  *path = argv[*i];
  return 1;
}

int cli_load_doc(const char *cmd, const char *path, const dz_decode_options *dopts, dz_doc **doc) {
  dz_error err = {0};
  dz_text *text = NULL;
  if (!path) return cli_usage_error(cmd, "缺少输入文件。");
  if (dz_read_file(&text, path, dopts, &err) || dz_doc_parse(doc, text, NULL, &err)) return cli_fail(cmd, &err);
  return DZ_EXIT_OK;
}
