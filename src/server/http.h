/* The server's view of one HTTP exchange: a request with its whole body, a response the
** route fills in, and JSON error helpers. Routes see only these, never libmicrohttpd, so they
** stay small and can be called from tests and the fuzz target. */
#ifndef DZ_SERVER_HTTP_H
#define DZ_SERVER_HTTP_H
#include <stddef.h>
#include <jansson.h>
#include "duizhao.h"

typedef struct srv_app srv_app; /* server-wide state: checker, corpus, limits (server.h) */

typedef struct srv_req {
  const char *method;       /* "GET", "POST", ... */
  const char *path;         /* URL path without the query string */
  const char *content_type; /* may be NULL */
  const char *body;         /* the whole body (NUL-terminated), may be empty */
  size_t body_len;
  /* Query argument lookup (NULL when absent); bound by the server. */
  const char *(*query)(const struct srv_req *r, const char *key);
  void *conn;               /* opaque, for query() */
} srv_req;

typedef struct srv_resp {
  int status;               /* HTTP status; 200 by default */
  const char *content_type; /* static string */
  char *body;               /* malloc'd, owned by the response */
  size_t len;
  char *disposition;        /* malloc'd Content-Disposition value, or NULL */
  int body_static;          /* body points to static data (embedded files): never freed */
} srv_resp;

/* Fill `resp` with {"error":{"code":CODE,"message":MSG}} and `status`. Returns `status` so a
** route can `return srv_error(...)`. The message is Chinese, for people. */
int srv_error(srv_resp *resp, int status, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Map a failed library call (dz_error) to an HTTP error: DZ_EINVALID 400, DZ_ENOTFOUND 404
** (or 400 when `notfound_is_bad_input`), DZ_ETOOBIG 413, DZ_EFORMAT 415, others 500. */
int srv_error_dz(srv_resp *resp, const dz_error *err, int notfound_is_bad_input);

/* Serialise `json` (reference stolen) as the response body with `status`. */
int srv_json(srv_resp *resp, int status, json_t *json);

/* Take a malloc'd buffer as the body. */
int srv_body(srv_resp *resp, int status, const char *content_type, char *body, size_t len);

/* Point the body at static data (not copied, not freed). */
int srv_body_static(srv_resp *resp, int status, const char *content_type, const char *body, size_t len);

void srv_resp_clear(srv_resp *resp);
#endif
