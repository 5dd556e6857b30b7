/* `duizhao fmt IN -o OUT.docx [--protect PASSWORD]`: write a GB/T 9704-2012 .docx. */
#include <string.h>

#include "cli/cli.h"

static void usage(FILE *f) {
  fprintf(f, "用法：duizhao fmt 文件|- -o 输出.docx [--protect 密码] [--max-size 大小]\n\n"
             "按 GB/T 9704-2012《党政机关公文格式》排版，输出 .docx：A4 纸，上 37 毫米、下 35 毫米、\n"
             "左 28 毫米、右 26 毫米页边距，每页 22 行、每行 28 字；标题 2 号方正小标宋简体居中；\n"
             "正文 3 号仿宋_GB2312，首行缩进 2 字；一级标题黑体，二级标题楷体_GB2312，三、四级标题\n"
             "仿宋_GB2312；页码 4 号宋体“— 1 —”，单页居右、双页居左。输入可为 .txt、.md 或 .docx。\n\n"
             "选项：\n"
             "  -o, --output 文件    输出的 .docx（必需）\n"
             "  --protect 密码       设置 Word“限制编辑”（只读）保护，需输入密码才能取消\n"
             "  --max-size 大小      输入大小上限，如 64M（默认 64M）\n"
             "  -h, --help           显示本帮助\n");
}

int dz_cmd_fmt(int argc, char **argv) {
  const char *in = NULL, *outp = NULL, *v;
  dz_docx_options o = DZ_DOCX_OPTIONS_INIT;
  dz_decode_options dopts = DZ_DECODE_OPTIONS_INIT;
  for (int i = 1; i < argc; i++) {
    int r;
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      usage(stdout);
      return DZ_EXIT_OK;
    }
    if ((r = cli_opt("fmt", argc, argv, &i, "-o", &v)) || (r = cli_opt("fmt", argc, argv, &i, "--output", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      outp = v;
    } else if ((r = cli_opt("fmt", argc, argv, &i, "--protect", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      if (!*v) return cli_usage_error("fmt", "--protect 的密码不能为空。");
      o.protect_password = v;
    } else if (cli_input_arg("fmt", argc, argv, &i, &in, &dopts) < 0) {
      return DZ_EXIT_USAGE;
    }
  }
  if (cli_check_output("fmt", in, outp)) return DZ_EXIT_USAGE;
  dz_doc *doc = NULL;
  int rc = cli_load_doc("fmt", in, &dopts, &doc);
  if (rc) return rc;
  dz_error err = {0};
  dz_docx_bytes out = {0};
  rc = dz_docx_fmt(&out, doc, &o, &err);
  dz_doc_free(doc);
  if (rc) return cli_fail("fmt", &err);
  rc = cli_write_file("fmt", outp, out.data, out.len);
  dz_docx_bytes_free(&out);
  return rc;
}
