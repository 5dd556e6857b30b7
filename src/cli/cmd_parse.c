/* `duizhao parse FILE|- [--format text|json]`: print the document's outline. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static void usage(FILE *f) {
  fprintf(f,
          "用法：duizhao parse 文件|- [--format text|json] [--max-size 大小]\n\n"
          "解析文档结构（标题、前言、各级标题、一是/二是要点、举例、段落、句子、文末残留），\n"
          "以缩进文本或 JSON 输出提纲。文件可为 .txt/.md（UTF-8、GBK/GB18030、UTF-16）或 .docx，\n"
          "“-”表示从标准输入读取。\n\n"
          "选项：\n"
          "  --format text|json   输出格式（默认 text）\n"
          "  --max-size 大小      输入大小上限，如 64M（默认 64M）\n"
          "  -h, --help           显示本帮助\n");
}

int dz_cmd_parse(int argc, char **argv) {
  const char *format = "text", *path = NULL, *v;
  dz_decode_options dopts = DZ_DECODE_OPTIONS_INIT;
  for (int i = 1; i < argc; i++) {
    int r;
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      usage(stdout);
      return DZ_EXIT_OK;
    }
    if ((r = cli_opt("parse", argc, argv, &i, "--format", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      if (strcmp(v, "text") && strcmp(v, "json")) return cli_usage_error("parse", "未知的输出格式“%s”，可选 text 或 json。", v);
      format = v;
    } else if ((r = cli_opt("parse", argc, argv, &i, "--max-size", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      if (cli_parse_size(v, &dopts.max_bytes) || !dopts.max_bytes) return cli_usage_error("parse", "无效的大小“%s”。", v);
    } else if (argv[i][0] == '-' && argv[i][1]) {
      return cli_usage_error("parse", "未知选项“%s”。", argv[i]);
    } else if (path) {
      return cli_usage_error("parse", "只能指定一个文件。");
    } else {
      path = argv[i];
    }
  }
  if (!path) return cli_usage_error("parse", "缺少要解析的文件。");
  dz_error err = {0};
  dz_text *text = NULL;
  dz_doc *doc = NULL;
  if (dz_read_file(&text, path, &dopts, &err) || dz_doc_parse(&doc, text, NULL, &err))
    return cli_fail("parse", &err);
  char *out = NULL;
  size_t len = 0;
  int rc = !strcmp(format, "json") ? dz_doc_outline_json(&out, &len, doc, &err)
                                   : dz_doc_outline_text(&out, &len, doc, &err);
  dz_doc_free(doc);
  if (rc) return cli_fail("parse", &err);
  fwrite(out, 1, len, stdout);
  free(out);
  return DZ_EXIT_OK;
}
