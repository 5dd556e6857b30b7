/*
** `duizhao corpus add|list|remove`: manage the corpus of known texts (templates, earlier
** materials) that `similar` checks against. The import itself is dz_index_add_files: committed
** in batches, so an interrupted import keeps every batch already committed, and running it
** again skips what is there.
*/
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/sim_cli.h"


/* `corpus --help`. */
static void usage(FILE *f) {
  fprintf(f, "用法：\n"
             "  duizhao corpus add 文件或文件夹... [--db 路径]   把文档加入语料库（内容相同的自动跳过）\n"
             "  duizhao corpus list [--db 路径]                  列出语料库中的文档\n"
             "  duizhao corpus remove 编号或路径... [--db 路径]  从语料库删除文档\n\n"
             "文件夹会递归读取其中的 .txt、.md、.docx 文件。\n"
             "默认语料库：~/.local/share/duizhao/corpus.db（设置了 XDG_DATA_HOME 时为 $XDG_DATA_HOME/duizhao/corpus.db）。\n");
}

typedef struct add_ui {
  int tty;
} add_ui;

/* Progress bar on a terminal (stderr), and a line for every file that could not be added. */
static int on_file(void *ud, size_t done, size_t total, const char *path, const dz_error *file_err) {
  add_ui *ui = ud;
  (void)path;
  if (file_err) {
    if (ui->tty) fputc('\n', stderr);
    fprintf(stderr, "duizhao corpus: %s\n", file_err->message);
  }
  if (ui->tty && (done % 50 == 0 || done == total || file_err)) {
    int width = 30, fill = total ? (int)(done * (size_t)width / total) : width;
    fprintf(stderr, "\r加入语料库 [");
    for (int i = 0; i < width; i++) fputc(i < fill ? '#' : '.', stderr);
    fprintf(stderr, "] %zu/%zu", done, total);
    if (done == total) fputc('\n', stderr);
    fflush(stderr);
  }
  return 0;
}

/* A first import this small (one batch of dz_index_add_files) into a corpus that does not
** exist yet is built in memory and written whole at the end (dz_index_open_new). */
#define NEW_IN_MEMORY_FILES 200
#define NEW_IN_MEMORY_BYTES (64 << 20)

/* Does `db` not exist yet, and do the files fit the in-memory build? (A file that cannot be
** stat'ed sends the import down the usual path, which reports it.) */
static int build_in_memory(const char *db, char **files, size_t n) {
  struct stat st;
  if (n > NEW_IN_MEMORY_FILES || stat(db, &st) == 0 || errno != ENOENT) return 0;
  long long total = 0;
  for (size_t i = 0; i < n; i++) {
    if (stat(files[i], &st) != 0 || (total += st.st_size) > NEW_IN_MEMORY_BYTES) return 0;
  }
  return 1;
}

/* corpus add: the library imports (into `*idx`, or into a new corpus built in memory and
** published at the end); this prints the summary line. */
static int do_add(dz_index **idx, const char *db, char **files, size_t n) {
  dz_error e = {0};
  dz_index_import r;
  add_ui ui = {isatty(2)};
  int fresh = build_in_memory(db, files, n), raced = 0;
  if (fresh && dz_index_open_new(idx, db, NULL, &e)) return cli_fail("corpus", &e);
  if (!fresh && dz_index_open(idx, db, NULL, &e)) return cli_fail("corpus", &e);
  if (dz_index_add_files(&r, *idx, (const char *const *)files, n, on_file, &ui, &e)) return cli_fail("corpus", &e);
  int64_t total = 0;
  if (dz_index_count(&total, *idx, &e) || dz_index_publish(*idx, &raced, &e)) return cli_fail("corpus", &e);
  if (raced) { /* another process created the corpus meanwhile: add to that one */
    dz_index_close(*idx);
    *idx = NULL;
    if (dz_index_open(idx, db, NULL, &e) ||
        dz_index_add_files(&r, *idx, (const char *const *)files, n, on_file, &ui, &e) ||
        dz_index_count(&total, *idx, &e))
      return cli_fail("corpus", &e);
  }
  printf("加入 %zu 个文档，跳过内容重复的 %zu 个，失败 %zu 个；语料库现有 %lld 个文档。\n", r.added, r.duplicates,
         r.failed, (long long)total);
  return r.failed ? DZ_EXIT_USAGE : DZ_EXIT_OK;
}

/* corpus list: one line per document. */
static int print_entry(void *ud, const dz_index_entry *e) {
  (void)ud;
  printf("%lld\t%lld 字\t%s\n", (long long)e->id, (long long)e->chars, e->path);
  return 0;
}

typedef struct match_ctx {
  const char *path;
  int64_t *ids;
  size_t n, cap;
} match_ctx;

/* Collect the ids whose stored path equals the argument (or the id itself). */
static int match_path(void *ud, const dz_index_entry *e) {
  match_ctx *m = ud;
  if (strcmp(e->path, m->path)) return 0;
  if (m->n == m->cap) {
    size_t nc = m->cap ? m->cap * 2 : 8;
    int64_t *t = realloc(m->ids, nc * sizeof *t);
    if (!t) return 1;
    m->ids = t, m->cap = nc;
  }
  m->ids[m->n++] = e->id;
  return 0;
}

/* corpus remove: by id, or every document added under that path. */
static int do_remove(dz_index *idx, char **args, size_t n) {
  dz_error e = {0};
  int status = DZ_EXIT_OK;
  for (size_t i = 0; i < n; i++) {
    char *end;
    long long id = strtoll(args[i], &end, 10);
    match_ctx m = {args[i], NULL, 0, 0};
    if (*args[i] && !*end) {
      if (match_path(&m, &(dz_index_entry){id, args[i], 0, 0})) return DZ_EXIT_INTERNAL;
    } else if (dz_index_list(idx, match_path, &m, &e)) {
      free(m.ids);
      return cli_fail("corpus", &e);
    }
    if (!m.n) {
      fprintf(stderr, "duizhao corpus: 语料库中没有“%s”。用 duizhao corpus list 查看编号和路径。\n", args[i]);
      status = DZ_EXIT_USAGE;
    }
    for (size_t k = 0; k < m.n; k++) {
      if (dz_index_remove(idx, m.ids[k], &e)) {
        fprintf(stderr, "duizhao corpus: %s\n", e.message);
        status = DZ_EXIT_USAGE;
      } else
        printf("已删除 %lld\n", (long long)m.ids[k]);
    }
    free(m.ids);
  }
  return status;
}

/* Parse the subcommand and options, open the corpus, dispatch. */
int dz_cmd_corpus(int argc, char **argv) {
  const char *db = NULL, *v;
  char **pos = calloc((size_t)argc, sizeof *pos);
  size_t npos = 0;
  if (!pos) return DZ_EXIT_INTERNAL;
  for (int i = 1; i < argc; i++) {
    int r;
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) { usage(stdout); free(pos); return DZ_EXIT_OK; }
    if ((r = cli_opt("corpus", argc, argv, &i, "--db", &v))) {
      if (r < 0) { free(pos); return DZ_EXIT_USAGE; }
      db = v;
    } else if (argv[i][0] == '-' && argv[i][1]) {
      free(pos);
      return cli_usage_error("corpus", "未知选项“%s”。", argv[i]);
    } else
      pos[npos++] = argv[i];
  }
  if (!npos) { free(pos); return cli_usage_error("corpus", "缺少子命令 add、list 或 remove。"); }
  const char *sub = pos[0];
  if (strcmp(sub, "add") && strcmp(sub, "list") && strcmp(sub, "remove")) {
    free(pos);
    return cli_usage_error("corpus", "未知子命令“%s”，可选 add、list、remove。", sub);
  }
  if (strcmp(sub, "list") && npos < 2) {
    free(pos);
    return cli_usage_error("corpus", "corpus %s 需要至少一个%s。", sub, strcmp(sub, "add") ? "编号或路径" : "文件或文件夹");
  }
  char *dflt = db ? NULL : sim_default_db();
  if (!db && !(db = dflt)) { free(pos); return cli_usage_error("corpus", "无法确定默认语料库位置（未设置 HOME），请用 --db 指定。"); }
  dz_index *idx = NULL;
  dz_error e = {0};
  int status;
  if (!strcmp(sub, "add")) { /* the files decide how the corpus is opened */
    char **files;
    size_t nf;
    if (sim_expand(&files, &nf, pos + 1, npos - 1)) status = DZ_EXIT_INTERNAL;
    else {
      status = do_add(&idx, db, files, nf);
      sim_free_list(files, nf);
    }
  } else if (dz_index_open(&idx, db, NULL, &e)) {
    status = cli_fail("corpus", &e);
  } else if (!strcmp(sub, "list")) {
    status = dz_index_list(idx, print_entry, NULL, &e) ? cli_fail("corpus", &e) : DZ_EXIT_OK;
  } else {
    status = do_remove(idx, pos + 1, npos - 1);
  }
  dz_index_close(idx);
  free(dflt);
  free(pos);
  return status;
}
