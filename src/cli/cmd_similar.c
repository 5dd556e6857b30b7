/*
** `duizhao similar FILE...`: check texts against the corpus and report copied passages with
** their offsets in both texts, the copy ratio overall, per source and per level-1 part, and
** the largest single source. Several files share one opened corpus (much faster than one
** process per file); JSON then holds an array of per-file objects.
*/
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "cli/sim_cli.h"

/* `similar --help`. */
static void usage(FILE *f) {
  fprintf(f, "用法：duizhao similar 文件... [--db 路径] [--format text|json|html]\n\n"
             "把文件与语料库（duizhao corpus add 加入的模板和旧材料）比对，列出重复段落及其在两边的位置、\n"
             "总复制比、各来源与各一级部分的复制比、最大单一来源。套话（如“习近平新时代中国特色社会主义思想”）不计入。\n\n"
             "选项：\n"
             "  --db 路径        语料库（默认 ~/.local/share/duizhao/corpus.db）\n"
             "  --format 格式    text（默认）、json 或 html（可单独打开的网页，重复段落左右对照）\n");
}

/* Parse options, check the corpus opens, check every file and write the report. */
int dz_cmd_similar(int argc, char **argv) {
  const char *db = NULL, *v;
  dz_sim_format fmt = DZ_SIM_TEXT;
  char **files = calloc((size_t)argc, sizeof *files);
  size_t nf = 0;
  if (!files) return DZ_EXIT_INTERNAL;
  int status = DZ_EXIT_OK;
  for (int i = 1; i < argc; i++) {
    int r;
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) { usage(stdout); free(files); return DZ_EXIT_OK; }
    if ((r = cli_opt("similar", argc, argv, &i, "--db", &v))) {
      if (r < 0) { free(files); return DZ_EXIT_USAGE; }
      db = v;
    } else if ((r = cli_opt("similar", argc, argv, &i, "--format", &v))) {
      if (r < 0 || sim_parse_format("similar", v, &fmt)) { free(files); return DZ_EXIT_USAGE; }
    } else if (argv[i][0] == '-' && argv[i][1]) {
      free(files);
      return cli_usage_error("similar", "未知选项“%s”。", argv[i]);
    } else
      files[nf++] = argv[i];
  }
  if (!nf) { free(files); return cli_usage_error("similar", "缺少要检查的文件。"); }
  char *dflt = db ? NULL : sim_default_db();
  if (!db && !(db = dflt)) { free(files); return cli_usage_error("similar", "无法确定默认语料库位置（未设置 HOME），请用 --db 指定。"); }
  /* A read-only command: a mistyped --db must not create an empty corpus and report 0%. */
  if (access(db, F_OK) != 0) {
    fprintf(stderr, "duizhao similar: 找不到语料库 %s。请先用 duizhao corpus add%s%s 文件或文件夹 建立语料库，或检查 --db 路径。\n",
            db, dflt ? "" : " --db ", dflt ? "" : db);
    free(dflt);
    free(files);
    return DZ_EXIT_USAGE;
  }
  dz_index *idx = NULL;
  dz_error e = {0};
  int64_t ndocs = 0;
  /* Opened first so that a broken corpus is reported before any file, and kept open while the
  ** checking threads open theirs: closing the last connection would checkpoint and delete the
  ** write-ahead log that each of them then creates again. */
  if (dz_index_open(&idx, db, NULL, &e) || dz_index_count(&ndocs, idx, &e)) status = cli_fail("similar", &e);
  if (status == DZ_EXIT_OK && ndocs == 0)
    fprintf(stderr, "duizhao similar: 语料库 %s 是空的，请先用 duizhao corpus add 加入模板和往年材料。\n", db);
  if (status == DZ_EXIT_OK &&
      dz_index_query_files_render(stdout, db, (const char *const *)files, nf, fmt,
                                  fmt == DZ_SIM_TEXT && cli_color(stdout) ? DZ_SIM_COLOR : 0, &e))
    status = e.code ? cli_fail("similar", &e) : DZ_EXIT_INTERNAL; /* no code: writing failed */
  dz_index_close(idx);
  free(dflt);
  free(files);
  return status;
}
