/* `duizhao new --profile ID -o OUT.docx`: the empty skeleton of a profile as a .docx. */
#include <string.h>

#include "cli/cli.h"

static void usage(FILE *f) {
  fprintf(f, "用法：duizhao new --profile 配置 -o 输出.docx [--protect 密码]\n\n"
             "按配置（profile）生成空白提纲：标题行、各部分（一级标题）、各方面（二级标题）和空白要点行，\n"
             "按 GB/T 9704-2012 排版。不生成任何具体内容。配置可以是内置配置的名称，也可以是 .json 文件路径。\n\n"
             "选项：\n"
             "  --profile 配置       内置配置名或配置文件路径（必需）\n"
             "  -o, --output 文件    输出的 .docx（必需）\n"
             "  --protect 密码       设置 Word“限制编辑”（只读）保护\n"
             "  -h, --help           显示本帮助\n");
}

int dz_cmd_new(int argc, char **argv) {
  const char *profile = NULL, *outp = NULL, *v;
  dz_docx_options o = DZ_DOCX_OPTIONS_INIT;
  for (int i = 1; i < argc; i++) {
    int r;
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      usage(stdout);
      return DZ_EXIT_OK;
    }
    if ((r = cli_opt("new", argc, argv, &i, "-o", &v)) || (r = cli_opt("new", argc, argv, &i, "--output", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      outp = v;
    } else if ((r = cli_opt("new", argc, argv, &i, "--profile", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      profile = v;
    } else if ((r = cli_opt("new", argc, argv, &i, "--protect", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      if (!*v) return cli_usage_error("new", "--protect 的密码不能为空。");
      o.protect_password = v;
    } else {
      return cli_usage_error("new", "未知参数“%s”。", argv[i]);
    }
  }
  if (!profile) return cli_usage_error("new", "缺少 --profile。");
  if (!outp) return cli_usage_error("new", "缺少输出文件，请用 -o 指定 .docx 文件名。");
  dz_error err = {0};
  dz_docx_bytes out = {0};
  if (dz_docx_new(&out, profile, &o, &err)) return cli_fail("new", &err);
  int rc = cli_write_file("new", outp, out.data, out.len);
  dz_docx_bytes_free(&out);
  return rc;
}
