/* Server-wide resources: created once at start, shared by every worker thread. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "server/server.h"
#include "util/error.h"

/* ~/.local/share/duizhao/corpus.db, the same default as the CLI's corpus commands. */
static char *default_db(void) {
  const char *home = getenv("HOME");
  char buf[4096];
  snprintf(buf, sizeof buf, "%s/.local/share/duizhao/corpus.db", home && *home ? home : ".");
  return strdup(buf);
}

int srv_app_open(srv_app *app, const char *db_path, dz_error *err) {
  app->db_path = db_path && *db_path ? strdup(db_path) : default_db();
  if (!app->db_path) return dz__error_nomem(err);
  int rc = dz_checker_new(&app->checker, NULL, err);
  if (rc) return rc;
  dz_error ierr = {0};
  if (dz_index_open(&app->index, app->db_path, NULL, &ierr)) {
    if (db_path && *db_path) return dz__error_set(err, ierr.code, "%s", ierr.message);
    snprintf(app->index_error, sizeof app->index_error, "%s", ierr.message);
  }
  return 0;
}

void srv_app_close(srv_app *app) {
  dz_checker_free(app->checker);
  dz_index_close(app->index);
  pthread_mutex_destroy(&app->index_lock);
  free(app->token);
  free(app->db_path);
  memset(app, 0, sizeof *app);
}
