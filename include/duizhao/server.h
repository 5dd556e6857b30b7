/* duizhao server: the JSON API and the embedded web page over HTTP (libmicrohttpd). */
#ifndef DUIZHAO_SERVER_H
#define DUIZHAO_SERVER_H
#include <stdio.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef struct dz_server dz_server;

#define DZ_SERVER_DEFAULT_LISTEN "127.0.0.1:8080"
#define DZ_SERVER_DEFAULT_MAX_BODY ((size_t)20 << 20) /* 20 MiB */

typedef struct dz_server_options {
  int version;              /* DZ_SERVER_OPTIONS_VERSION */
  const char *listen;       /* "ADDR:PORT"; NULL = DZ_SERVER_DEFAULT_LISTEN; port 0 = any free */
  const char *db_path;      /* corpus database; NULL = ~/.local/share/duizhao/corpus.db */
  const char *token;        /* bearer token for /api/ (NULL or "" = none); required when
                               `listen` is not a loopback address */
  size_t max_body;          /* request body limit in bytes; 0 = DZ_SERVER_DEFAULT_MAX_BODY */
  unsigned threads;         /* worker threads; 0 = 2 x CPUs (at most 16) */
  unsigned max_connections; /* concurrent connections; 0 = 256 */
  unsigned idle_timeout;    /* seconds a connection may stay silent; 0 = 30 */
  unsigned request_timeout; /* seconds to receive one request's body; 0 = 60 */
  FILE *access_log;         /* one line per request (never document text); NULL = stderr */
  int quiet;                /* no access log at all */
} dz_server_options;
#define DZ_SERVER_OPTIONS_VERSION 1
#define DZ_SERVER_OPTIONS_INIT {DZ_SERVER_OPTIONS_VERSION, NULL, NULL, NULL, 0, 0, 0, 0, 0, NULL, 0}

/* Bind, load the checker and open the corpus, and start serving on worker threads. Refuses
** (DZ_EINVALID) a non-loopback address without a token; a busy port gives DZ_EIO. The calling
** thread is free: call dz_server_stop to end. */
int dz_server_start(dz_server **out, const dz_server_options *opts, dz_error *err);

/* The URL the server answers on, e.g. "http://127.0.0.1:8080/" (borrowed). */
const char *dz_server_url(const dz_server *s);

/* Graceful stop: refuse new connections, let requests in flight finish (waiting at most
** `grace_ms`), close the corpus and free everything. NULL-safe. */
void dz_server_stop(dz_server *s, unsigned grace_ms);

#ifdef __cplusplus
}
#endif
#endif
