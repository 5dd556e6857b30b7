/* Helpers shared by the originality commands: default database, --format, folder expansion. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/sim_cli.h"

/* See sim_cli.h. */
char *sim_default_db(void) {
  const char *x = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
  char buf[4096];
  if (x && *x) snprintf(buf, sizeof buf, "%s/duizhao/corpus.db", x);
  else if (home && *home) snprintf(buf, sizeof buf, "%s/.local/share/duizhao/corpus.db", home);
  else return NULL;
  return strdup(buf);
}

/* See sim_cli.h. */
int sim_parse_format(const char *cmd, const char *v, dz_sim_format *out) {
  if (!strcmp(v, "text")) *out = DZ_SIM_TEXT;
  else if (!strcmp(v, "json")) *out = DZ_SIM_JSON;
  else if (!strcmp(v, "html")) *out = DZ_SIM_HTML;
  else {
    cli_usage_error(cmd, "未知的输出格式“%s”，可选 text、json、html。", v);
    return -1;
  }
  return 0;
}

typedef struct list {
  char **v;
  size_t n, cap;
} list;

/* Append a copy of s. */
static int push(list *l, const char *s) {
  if (l->n == l->cap) {
    size_t nc = l->cap ? l->cap * 2 : 64;
    char **t = realloc(l->v, nc * sizeof *t);
    if (!t) return -1;
    l->v = t, l->cap = nc;
  }
  return (l->v[l->n++] = strdup(s)) ? 0 : -1;
}

/* The file types a folder contributes. */
static int wanted(const char *name) {
  const char *dot = strrchr(name, '.');
  return dot && (!strcmp(dot, ".txt") || !strcmp(dot, ".md") || !strcmp(dot, ".docx"));
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Recursive folder walk (not into linked folders); each folder's files sorted by name. */
static int walk(list *l, const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  size_t first = l->n;
  struct dirent *e;
  int rc = 0;
  while (!rc && (e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char p[4096];
    size_t dl = strlen(dir);
    snprintf(p, sizeof p, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", e->d_name);
    /* The entry's type from the folder itself when the file system gives it (a stat per file
    ** was a third of the system time of adding a folder of short files); lstat otherwise. */
    int is_dir = e->d_type == DT_DIR, is_reg = e->d_type == DT_REG;
    if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
      struct stat st;
      if (lstat(p, &st) != 0) continue;
      /* A linked file counts; a linked folder is not entered (up -> .. would loop for ever). */
      if (S_ISLNK(st.st_mode) && (stat(p, &st) != 0 || S_ISDIR(st.st_mode))) continue;
      is_dir = S_ISDIR(st.st_mode), is_reg = S_ISREG(st.st_mode);
    }
    if (is_dir) rc = walk(l, p);
    else if (is_reg && wanted(e->d_name)) rc = push(l, p);
  }
  closedir(d);
  if (!rc && l->n > first) qsort(l->v + first, l->n - first, sizeof *l->v, cmp_str); /* v is NULL if none */
  return rc;
}

/* See sim_cli.h. */
int sim_expand(char ***out, size_t *n, char **args, size_t nargs) {
  list l = {0};
  for (size_t i = 0; i < nargs; i++) {
    struct stat st;
    int rc = stat(args[i], &st) == 0 && S_ISDIR(st.st_mode) ? walk(&l, args[i]) : push(&l, args[i]);
    if (rc) {
      sim_free_list(l.v, l.n);
      return -1;
    }
  }
  *out = l.v;
  *n = l.n;
  return 0;
}

/* NULL-safe. */
void sim_free_list(char **v, size_t n) {
  for (size_t i = 0; i < n; i++) free(v[i]);
  free(v);
}
