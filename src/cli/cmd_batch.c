/*
** `duizhao batch FILE...|DIR`: cross-check submissions against each other: the asymmetric
** containment matrix, groups of mutual copying and the likely direction of each pair.
*/
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/sim_cli.h"

/* `batch --help`. */
static void usage(FILE *f) {
  fprintf(f, "用法：duizhao batch 文件...|文件夹 [--format text|json|html] [--threshold 比例]\n\n"
             "把多份材料两两交叉比对：包含矩阵（第 i 行第 j 列为文件 i 的内容在文件 j 中的比例）、\n"
             "相互抄袭的组、每对文件可能的抄袭方向。文件夹会递归读取其中的 .txt、.md、.docx 文件。\n\n"
             "选项：\n"
             "  --format 格式      text（默认）、json 或 html\n"
             "  --threshold 比例   两份文件中一方至少有这一比例出现在另一方时归为同组（默认 0.3）\n"
             "  --no-mtime         判断方向时不参考文件修改时间\n");
}

/* Drop the arguments that name a file already in the list (the same path twice, a link, or a
** folder and a file inside it): a file compared with itself would be reported as 100% copied.
** Each dropped one gets a note on stderr. Returns the new count. */
static size_t drop_same_files(char **files, size_t n) {
  struct stat *st = calloc(n ? n : 1, sizeof *st);
  char *ok = calloc(n ? n : 1, 1);
  size_t m = 0;
  if (!st || !ok) { free(st); free(ok); return n; }
  for (size_t i = 0; i < n; i++) {
    ok[i] = stat(files[i], &st[i]) == 0;
    size_t k = 0;
    while (ok[i] && k < m && !(ok[k] && st[k].st_dev == st[i].st_dev && st[k].st_ino == st[i].st_ino)) k++;
    if (ok[i] && k < m) {
      fprintf(stderr, "duizhao batch: %s 与 %s 是同一个文件，只比对一次。\n", files[i], files[k]);
      free(files[i]);
      continue;
    }
    st[m] = st[i], ok[m] = ok[i], files[m++] = files[i];
  }
  free(st);
  free(ok);
  return m;
}

/* Parse options, read every file (with its mtime), cross-check, render. */
int dz_cmd_batch(int argc, char **argv) {
  const char *v;
  dz_sim_format fmt = DZ_SIM_TEXT;
  dz_sim_batch_options o = DZ_SIM_BATCH_OPTIONS_INIT;
  char **args = calloc((size_t)argc, sizeof *args);
  size_t na = 0;
  int use_mtime = 1;
  if (!args) return DZ_EXIT_INTERNAL;
  for (int i = 1; i < argc; i++) {
    int r;
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) { usage(stdout); free(args); return DZ_EXIT_OK; }
    if ((r = cli_opt("batch", argc, argv, &i, "--format", &v))) {
      if (r < 0 || sim_parse_format("batch", v, &fmt)) { free(args); return DZ_EXIT_USAGE; }
    } else if ((r = cli_opt("batch", argc, argv, &i, "--threshold", &v))) {
      char *end;
      if (r < 0) { free(args); return DZ_EXIT_USAGE; }
      o.group_threshold = strtod(v, &end);
      if (*end || end == v || !(o.group_threshold > 0 && o.group_threshold <= 1)) { /* also NaN */
        free(args);
        return cli_usage_error("batch", "--threshold 需要 0 到 1 之间的比例，例如 0.3。");
      }
    } else if (!strcmp(argv[i], "--no-mtime")) {
      use_mtime = 0;
    } else if (argv[i][0] == '-' && argv[i][1]) {
      free(args);
      return cli_usage_error("batch", "未知选项“%s”。", argv[i]);
    } else
      args[na++] = argv[i];
  }
  char **files = NULL;
  size_t nf = 0;
  if (!na || sim_expand(&files, &nf, args, na) || nf < 2) {
    sim_free_list(files, nf);
    free(args);
    return cli_usage_error("batch", "至少需要两个文件（或一个含两个以上 .txt/.md/.docx 文件的文件夹）。");
  }
  if ((nf = drop_same_files(files, nf)) < 2) {
    sim_free_list(files, nf);
    free(args);
    return cli_usage_error("batch", "至少需要两个不同的文件：给出的路径都指向同一个文件。");
  }
  free(args);
  dz_text **texts = calloc(nf, sizeof *texts);
  int64_t *mt = calloc(nf, sizeof *mt);
  dz_sim_batch *b = NULL;
  dz_error e = {0};
  int status = texts && mt ? DZ_EXIT_OK : DZ_EXIT_INTERNAL;
  for (size_t i = 0; i < nf && status == DZ_EXIT_OK; i++) {
    struct stat st;
    if (stat(files[i], &st) == 0) mt[i] = (int64_t)st.st_mtime;
    if (dz_read_file(&texts[i], files[i], NULL, &e)) status = cli_fail("batch", &e);
  }
  o.mtimes = use_mtime ? mt : NULL;
  if (status == DZ_EXIT_OK && dz_sim_batch_run(&b, (const dz_text *const *)texts, nf, &o, &e))
    status = cli_fail("batch", &e);
  if (status == DZ_EXIT_OK &&
      dz_sim_batch_render(stdout, b, fmt, fmt == DZ_SIM_TEXT && cli_color(stdout) ? DZ_SIM_COLOR : 0))
    status = DZ_EXIT_INTERNAL;
  dz_sim_batch_free(b);
  for (size_t i = 0; texts && i < nf; i++) dz_text_free(texts[i]);
  free(texts);
  free(mt);
  sim_free_list(files, nf);
  return status;
}
