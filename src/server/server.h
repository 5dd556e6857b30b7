/* Server-wide state shared by the HTTP core and the routes. Everything here is created at
** start and read-only afterwards, except the corpus handle, which a mutex guards. */
#ifndef DZ_SERVER_SERVER_H
#define DZ_SERVER_SERVER_H
#include <pthread.h>
#include "duizhao.h"
#include "server/http.h"

struct srv_app {
  size_t max_body;
  char *token;              /* NULL when no token is required */
  char *db_path;
  dz_checker *checker;      /* one for all threads: dz_check is thread-safe */
  dz_index *index;          /* not thread-safe: used under index_lock */
  pthread_mutex_t index_lock;
  char index_error[512];    /* why the corpus could not be opened, for 503 answers */
};

/* Load what the routes share: the checker and the corpus. A corpus that cannot be opened at
** the default path is not fatal (corpus routes answer 503 saying why); at an explicit
** `db_path` it is. */
int srv_app_open(srv_app *app, const char *db_path, dz_error *err);
void srv_app_close(srv_app *app);

/* A route: exact path (or a prefix when it ends in '*') and method. */
typedef int (*srv_handler)(srv_app *app, const srv_req *req, srv_resp *resp);
typedef struct srv_route {
  const char *method, *path;
  srv_handler fn;
} srv_route;

/* Resolve and run the route for `req`: 404 for an unknown path, 405 (with *allow set to the
** methods the path accepts) for a known path with another method. */
int srv_dispatch(srv_app *app, const srv_req *req, srv_resp *resp, char *allow, size_t allow_cap);

/* Whether the path is under /api/ (and so needs the token when one is set). */
int srv_needs_auth(const char *path);

/* Constant-time check of an "Authorization: Bearer TOKEN" header. */
int srv_auth_ok(const srv_app *app, const char *authorization);
#endif
