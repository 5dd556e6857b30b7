/*
** `duizhao check FILE... [--profile ID|auto] [--format text|json|html] [--rules GLOBS]
** [--ignore GLOBS] [--config FILE] [--data-dir DIR] [--list-rules]`: read, parse and check each
** file with one shared checker and print the report. Exit 0 when no finding has error
** severity, 1 when some has, 2 on a usage or input error.
*/
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static void usage(FILE *f) {
  fprintf(f,
          "用法：duizhao check 文件... [选项]\n\n"
          "按会议框架和规则检查对照检查材料等公文，列出问题及修改建议。\n\n"
          "选项：\n"
          "  --profile ID|auto      使用的框架（默认 auto：按内容自动选择）；duizhao profiles 列出全部\n"
          "  --format text|json|html 输出格式（默认 text）\n"
          "  --rules GLOB,...       只启用这些规则，如 text.*,structure.aspect-*\n"
          "  --ignore GLOB,...      停用这些规则\n"
          "  --config FILE          配置文件（默认使用当前目录下的 duizhao.json，如有）\n"
          "  --data-dir DIR         从目录读取词表和框架（默认使用内置数据）\n"
          "  --list-rules           列出全部规则及其默认级别\n"
          "  -h, --help             显示帮助\n\n"
          "退出码：0 没有错误级问题；1 有错误级问题；2 用法或输入错误。\n");
}

static int list_rules(const dz_checker *ck) {
  for (size_t i = 0; i < dz_checker_rule_count(ck); i++)
    printf("%-28s %s\n", dz_checker_rule_id(ck, i), dz_checker_rule_enabled(ck, i) ? "启用" : "停用");
  return DZ_EXIT_OK;
}

/* Check one file and print its report; returns the exit code for this file. */
static int check_one(const dz_checker *ck, const char *path, const char *profile, const char *format, int first,
                     int many) {
  dz_error err = {0};
  dz_text *text = NULL;
  dz_decode_options dopts = DZ_DECODE_OPTIONS_INIT;
  dopts.name = path;
  if (dz_read_file(&text, path, &dopts, &err)) return cli_fail("check", &err);
  dz_doc *doc = NULL;
  if (dz_doc_parse(&doc, text, NULL, &err)) return cli_fail("check", &err);
  dz_check_options copts = DZ_CHECK_OPTIONS_INIT;
  copts.profile = profile;
  dz_result *r = NULL;
  if (dz_check(&r, ck, doc, &copts, &err)) {
    dz_doc_free(doc);
    return cli_fail("check", &err);
  }
  int rc = 0;
  if (!strcmp(format, "text")) {
    if (!first) fputc('\n', stdout);
    rc = dz_report_text(stdout, doc, r, cli_color(stdout));
  } else {
    char *out = NULL;
    size_t len = 0;
    rc = !strcmp(format, "json") ? dz_report_json(&out, &len, doc, r, &err) : dz_report_html(&out, &len, doc, r, &err);
    if (!rc) {
      if (many) fputs(first ? "[\n" : ",\n", stdout);
      fwrite(out, 1, many && len ? len - 1 : len, stdout); /* in an array, the newline comes with the comma */
    }
    free(out);
  }
  int code = rc ? DZ_EXIT_INTERNAL : dz_result_count_severity(r, DZ_SEV_ERROR) ? DZ_EXIT_FINDINGS : DZ_EXIT_OK;
  dz_result_free(r);
  dz_doc_free(doc);
  return code;
}

int dz_cmd_check(int argc, char **argv) {
  dz_checker_options o = DZ_CHECKER_OPTIONS_INIT;
  const char *profile = NULL, *format = "text", *v;
  int list = 0;
  char **files = calloc((size_t)argc + 1, sizeof *files);
  if (!files) return DZ_EXIT_INTERNAL;
  int nfiles = 0, rc = DZ_EXIT_OK;
  for (int i = 1; i < argc; i++) {
    int got;
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage(stdout);
      free(files);
      return DZ_EXIT_OK;
    }
    if (!strcmp(a, "--list-rules")) {
      list = 1;
      continue;
    }
#define OPT(name, var)                                            \
  if ((got = cli_opt("check", argc, argv, &i, name, &v)) != 0) { \
    if (got < 0) goto usage_fail;                                 \
    var = v;                                                      \
    continue;                                                     \
  }
    OPT("--profile", profile)
    OPT("--format", format)
    OPT("--rules", o.rules)
    OPT("--ignore", o.ignore)
    OPT("--config", o.config_path)
    OPT("--data-dir", o.data_dir)
#undef OPT
    if (a[0] == '-' && a[1]) {
      cli_usage_error("check", "未知选项“%s”。", a);
      goto usage_fail;
    }
    files[nfiles++] = argv[i];
  }
  if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "html")) {
    cli_usage_error("check", "--format 只能是 text、json 或 html，而不是“%s”。", format);
    goto usage_fail;
  }
  if (!nfiles && !list) {
    cli_usage_error("check", "请指定要检查的文件（“-”表示标准输入）。");
    goto usage_fail;
  }
  if (nfiles > 1 && !strcmp(format, "html")) {
    cli_usage_error("check", "HTML 报告一次只能检查一个文件。");
    goto usage_fail;
  }
  dz_checker *ck = NULL;
  dz_error err = {0};
  if (dz_checker_new(&ck, &o, &err)) {
    free(files);
    return cli_fail("check", &err);
  }
  if (list) rc = list_rules(ck);
  int many = nfiles > 1 && !strcmp(format, "json"), printed = 0;
  for (int k = 0; k < nfiles; k++) {
    int c = check_one(ck, files[k], profile, format, !printed, many);
    if (c == DZ_EXIT_OK || c == DZ_EXIT_FINDINGS) printed++;
    if (c > rc) rc = c;
  }
  if (many && printed) fputs("\n]\n", stdout);
  dz_checker_free(ck);
  free(files);
  return rc;
usage_fail:
  free(files);
  return DZ_EXIT_USAGE;
}
