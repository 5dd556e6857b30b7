/*
** Finding the language-model module (lm_module.h): next to the running executable first (a
** build tree's duizhao, or a copy with its module beside it), then the build tree (the tests,
** tools and benchmarks live in subdirectories of it), then the install path. $DZ_LM_MODULE,
** when set, is the only candidate (like DZ_DICT and DZ_LM; a test uses it to run without one).
*/
#include <stdlib.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dz_spell_config.h"
#include "lexicon/lm_module.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char exe_dir_path[PATH_MAX];
static const char *files[4];

/* The candidates, computed once: the executable's path does not change. */
static void find(void) {
  size_t k = 0;
  const char *env = getenv("DZ_LM_MODULE");
  if (env) {
    files[0] = env;
    files[1] = NULL;
    return;
  }
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  char *slash = n > 0 ? (exe[n] = 0, strrchr(exe, '/')) : NULL;
  if (slash) {
    *slash = 0;
    int w = snprintf(exe_dir_path, sizeof exe_dir_path, "%s/%s", exe, DZ_LM_MODULE_NAME);
    if (w > 0 && (size_t)w < sizeof exe_dir_path) files[k++] = exe_dir_path;
  }
  files[k++] = DZ_LM_MODULE_BUILD_PATH;
  files[k++] = DZ_LM_MODULE_INSTALL_PATH;
  files[k] = NULL;
}

const char *const *dz__lm_module_files(void) {
  pthread_once(&once, find);
  return files;
}
