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
    } else if (cli_input_arg("parse", argc, argv, &i, &path, &dopts) < 0) {
      return DZ_EXIT_USAGE;
    }
  }
  dz_doc *doc = NULL;
  int rc = cli_load_doc("parse", path, &dopts, &doc);
  if (rc) return rc;
  dz_error err = {0};
  char *out = NULL;
  size_t len = 0;
  rc = !strcmp(format, "json") ? dz_doc_outline_json(&out, &len, doc, &err)
                               : dz_doc_outline_text(&out, &len, doc, &err);
  dz_doc_free(doc);
  if (rc) return cli_fail("parse", &err);
  fwrite(out, 1, len, stdout);
  free(out);
  return DZ_EXIT_OK;
}
