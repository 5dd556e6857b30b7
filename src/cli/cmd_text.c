/* `duizhao text`: print the text duizhao reads from a file (any supported input), e.g. the
** body of a .docx with its numbering rebuilt, or its headers, footers and notes. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static int usage(FILE *f) {
  fprintf(f, "用法：duizhao text [选项] 文件\n\n"
             "输出 duizhao 从文件中读取到的正文（UTF-8）。.docx 的自动编号按显示效果还原，修订按“接受全部修订”读取。\n\n"
             "选项：\n"
             "  --part P       body（正文，默认）、headers（页眉）、footers（页脚）、notes（脚注和尾注），后三者仅限 .docx\n"
             "  -h, --help     显示帮助\n");
  return f == stdout ? DZ_EXIT_OK : DZ_EXIT_USAGE;
}

int dz_cmd_text(int argc, char **argv) {
  const char *path = NULL, *part = "body";
  for (int i = 1; i < argc; i++) {
    const char *v;
    int r;
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) return usage(stdout);
    if ((r = cli_opt("text", argc, argv, &i, "--part", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      part = v;
    } else if (argv[i][0] == '-' && argv[i][1]) {
      return cli_usage_error("text", "未知选项“%s”。", argv[i]);
    } else if (path) {
      return cli_usage_error("text", "只能指定一个文件。");
    } else {
      path = argv[i];
    }
  }
  if (!path) return cli_usage_error("text", "请指定要读取的文件。");
  int which = !strcmp(part, "body") ? -1 : !strcmp(part, "headers") ? DZ_DOCX_HEADERS
            : !strcmp(part, "footers") ? DZ_DOCX_FOOTERS : !strcmp(part, "notes") ? DZ_DOCX_NOTES : -2;
  if (which == -2) return cli_usage_error("text", "--part 只能是 body、headers、footers 或 notes。");
  dz_text *t = NULL;
  dz_error err = {0};
  if (dz_read_file(&t, path, NULL, &err)) return cli_fail("text", &err);
  size_t len;
  const char *s = which < 0 ? dz_text_data(t, &len) : dz_docx_part_text(t, (dz_docx_part)which, &len);
  if (!s) {
    dz_text_free(t);
    fprintf(stderr, "duizhao text: 文件 %s 不是 .docx，没有页眉、页脚或脚注。\n", path);
    return DZ_EXIT_USAGE;
  }
  fwrite(s, 1, len, stdout);
  dz_text_free(t);
  return DZ_EXIT_OK;
}
