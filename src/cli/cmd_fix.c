/* `duizhao fix IN -o OUT.docx [--tracked]`: write the check's suggestions back into a .docx,
** as Word revisions (--tracked) or applied directly, each finding also a comment. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static void usage(FILE *f) {
  fprintf(f, "用法：duizhao fix 文件|- -o 输出.docx [--tracked] [--profile 配置] [--edits 意见.json] [--author 姓名]\n\n"
             "运行检查，把发现的问题写回 Word 文档：每条意见都成为一条批注（w:comment），有修改建议的，\n"
             "加 --tracked 时作为修订（可在 Word 或 WPS 中逐条接受或拒绝），否则直接改正。\n"
             "输入为 .docx 时在原文件上修改，其余内容（样式、表格、图片等）原样保留；\n"
             "输入为 .txt/.md 时按 GB/T 9704-2012 排版后写入。\n\n"
             "选项：\n"
             "  -o, --output 文件    输出的 .docx（必需）\n"
             "  --tracked            修改建议作为修订写入，作者为“duizhao”\n"
             "  --profile 配置       检查所用的配置（默认按内容自动选择）\n"
             "  --rules 规则 / --ignore 规则   只启用 / 停用这些规则（逗号分隔，可用 *）\n"
             "  --config 文件        配置文件 duizhao.json\n"
             "  --edits 文件         不运行检查，改从 JSON 文件读取意见：[{\"start\":字节,\"end\":字节,\"rule\":…,\"message\":…,\"suggestion\":…}]，\n"
             "                       偏移量为解码后正文（duizhao text 的输出）中的 UTF-8 字节位置\n"
             "  --author 姓名        修订和批注的作者（默认 duizhao）\n"
             "  --max-size 大小      输入大小上限，如 64M（默认 64M）\n"
             "  -h, --help           显示本帮助\n\n"
             "退出码：0 没有错误级问题；1 有错误级问题（文件照常写出）；2 用法或输入错误。\n");
}

/* Edits from a JSON file (see usage); strings stay owned by `root`. */
static int load_edits(const char *path, json_t **root, dz_docx_edit **out, size_t *n) {
  json_error_t je;
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "duizhao fix: 找不到意见文件 %s，请检查路径。\n", path);
    return DZ_EXIT_USAGE;
  }
  *root = json_loadf(f, 0, &je);
  fclose(f);
  if (!*root || !json_is_array(*root)) {
    if (*root) fprintf(stderr, "duizhao fix: 意见文件 %s 应为 JSON 数组。\n", path);
    else fprintf(stderr, "duizhao fix: 意见文件 %s 不是有效的 JSON（第 %d 行附近）。\n", path, je.line);
    return DZ_EXIT_USAGE;
  }
  size_t k = json_array_size(*root);
  dz_docx_edit *e = calloc(k ? k : 1, sizeof *e);
  if (!e) return DZ_EXIT_INTERNAL;
  for (size_t i = 0; i < k; i++) {
    json_t *o = json_array_get(*root, i);
    json_t *s = json_object_get(o, "start"), *t = json_object_get(o, "end");
    if (!json_is_integer(s) || !json_is_integer(t) || json_integer_value(s) < 0 || json_integer_value(t) < json_integer_value(s)) {
      fprintf(stderr, "duizhao fix: 意见文件 %s 第 %zu 条缺少有效的 start/end。\n", path, i + 1);
      free(e);
      return DZ_EXIT_USAGE;
    }
    e[i].start = (size_t)json_integer_value(s);
    e[i].end = (size_t)json_integer_value(t);
    e[i].rule = json_string_value(json_object_get(o, "rule"));
    e[i].message = json_string_value(json_object_get(o, "message"));
    e[i].suggestion = json_string_value(json_object_get(o, "suggestion"));
  }
  *out = e;
  *n = k;
  return DZ_EXIT_OK;
}

/* Findings of the check engine as edits (strings borrowed from *res). */
static int check_edits(dz_result **res, const dz_doc *doc, const dz_checker_options *copts, const char *profile,
                       dz_docx_edit **out, size_t *n, size_t *errors, dz_error *err) {
  dz_checker *ck = NULL;
  dz_check_options o = DZ_CHECK_OPTIONS_INIT;
  o.profile = profile;
  int rc = dz_checker_new(&ck, copts, err);
  if (!rc) rc = dz_check(res, ck, doc, &o, err);
  dz_checker_free(ck);
  if (rc) return rc;
  size_t k = dz_result_count(*res);
  dz_docx_edit *e = calloc(k ? k : 1, sizeof *e);
  if (!e) return DZ_ENOMEM;
  for (size_t i = 0; i < k; i++) {
    const dz_finding *f = dz_result_get(*res, i);
    e[i] = (dz_docx_edit){dz_finding_dstart(f), dz_finding_dend(f), dz_finding_rule(f), dz_finding_message(f),
                          dz_finding_suggestion(f)};
  }
  *out = e;
  *n = k;
  *errors = dz_result_count_severity(*res, DZ_SEV_ERROR);
  return DZ_OK;
}

int dz_cmd_fix(int argc, char **argv) {
  const char *in = NULL, *outp = NULL, *edits_path = NULL, *profile = NULL, *v;
  dz_checker_options copts = DZ_CHECKER_OPTIONS_INIT;
  dz_docx_options o = DZ_DOCX_OPTIONS_INIT;
  o.tracked = 0;
  dz_decode_options dopts = DZ_DECODE_OPTIONS_INIT;
  for (int i = 1; i < argc; i++) {
    int r;
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      usage(stdout);
      return DZ_EXIT_OK;
    }
    if (!strcmp(argv[i], "--tracked")) {
      o.tracked = 1;
    } else if ((r = cli_opt("fix", argc, argv, &i, "-o", &v)) || (r = cli_opt("fix", argc, argv, &i, "--output", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      outp = v;
    } else if ((r = cli_opt("fix", argc, argv, &i, "--edits", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      edits_path = v;
    } else if ((r = cli_opt("fix", argc, argv, &i, "--profile", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      profile = v;
    } else if ((r = cli_opt("fix", argc, argv, &i, "--rules", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      copts.rules = v;
    } else if ((r = cli_opt("fix", argc, argv, &i, "--ignore", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      copts.ignore = v;
    } else if ((r = cli_opt("fix", argc, argv, &i, "--config", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      copts.config_path = v;
    } else if ((r = cli_opt("fix", argc, argv, &i, "--author", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      o.author = v;
    } else if ((r = cli_opt("fix", argc, argv, &i, "--date", &v))) { /* for reproducible tests */
      if (r < 0) return DZ_EXIT_USAGE;
      o.date = v;
    } else if (cli_input_arg("fix", argc, argv, &i, &in, &dopts) < 0) {
      return DZ_EXIT_USAGE;
    }
  }
  if (cli_check_output("fix", in, outp)) return DZ_EXIT_USAGE;
  dz_doc *doc = NULL;
  int rc = cli_load_doc("fix", in, &dopts, &doc);
  if (rc) return rc;
  json_t *root = NULL;
  dz_docx_edit *edits = NULL;
  size_t n = 0, errors = 0;
  dz_error err = {0};
  dz_result *res = NULL;
  rc = edits_path ? load_edits(edits_path, &root, &edits, &n) : DZ_EXIT_OK;
  if (!rc && !edits_path && check_edits(&res, doc, &copts, profile, &edits, &n, &errors, &err)) rc = cli_fail("fix", &err);
  if (rc) {
    dz_result_free(res);
    dz_doc_free(doc);
    free(edits);
    json_decref(root);
    return rc;
  }
  dz_docx_bytes out = {0};
  size_t applied = 0;
  rc = dz_docx_fix(&out, doc, edits, n, &o, &applied, &err);
  dz_result_free(res);
  free(edits);
  json_decref(root);
  if (rc) {
    dz_doc_free(doc);
    return cli_fail("fix", &err);
  }
  rc = cli_write_file("fix", outp, out.data, out.len);
  dz_docx_bytes_free(&out);
  const char *prot = dz_docx_protection(dz_doc_text(doc));
  if (!rc && prot && strcmp(prot, "trackedChanges"))
    fprintf(stderr, "duizhao fix: 注意：原文档设置了限制编辑，在 Word 或 WPS 中需先“停止保护”，才能接受或拒绝修订。\n");
  if (!rc)
    printf("已写入 %s：%zu 条批注，%zu 条修改建议%s。\n", outp, n, applied, o.tracked ? "作为修订" : "已直接改正");
  dz_doc_free(doc);
  return rc ? rc : errors ? DZ_EXIT_FINDINGS : DZ_EXIT_OK;
}
