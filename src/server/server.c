/*
** The HTTP core: libmicrohttpd with a thread pool, request bodies gathered under the size and
** time limits, the token rule, dispatch to the routes, the access log, and a graceful stop
** that lets requests in flight finish. Routes never see libmicrohttpd (see http.h), which is
** loaded when the server starts (mhd_load.h).
*/
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include "server/listen.h"
#include "server/mhd_load.h"
#include "server/server.h"
#include "util/error.h"

/* Bodies past the limit up to this size are read and dropped before the 413 goes out. */
#define SRV_DRAIN_MAX ((unsigned long long)256 << 20)

struct dz_server {
  srv_app app;
  struct MHD_Daemon *daemon;
  int listen_fd;
  char url[300];
  FILE *log;
  int quiet;
  unsigned request_timeout;
  atomic_int inflight; /* requests begun and not yet completed */
  atomic_int stopping;
};

/* Per-request state, from the first callback to the completion notice. */
typedef struct conn_ctx {
  struct timespec t0;
  char method[12];
  char path[160];      /* for the log: sanitised, truncated */
  char *body;
  size_t len, cap;
  int too_big, answered, status;
  size_t resp_len;
} conn_ctx;

static double since_ms(const struct timespec *t0) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)(t.tv_sec - t0->tv_sec) * 1e3 + (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

/* Copy the path for the log, replacing control characters: a log line stays one line. */
static void log_path(char *out, size_t cap, const char *url) {
  size_t o = 0;
  for (const char *p = url; *p && o + 1 < cap; p++) out[o++] = (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p;
  out[o] = 0;
}

static const char *query_arg(const srv_req *r, const char *key) {
  return srv_mhd()->MHD_lookup_connection_value((struct MHD_Connection *)r->conn, MHD_GET_ARGUMENT_KIND, key);
}

/* Send `resp` (its body is handed to libmicrohttpd) with the headers every answer carries. */
static enum MHD_Result send_resp(dz_server *s, struct MHD_Connection *c, conn_ctx *cx, srv_resp *resp,
                                 const char *allow) {
  struct MHD_Response *r = srv_mhd()->MHD_create_response_from_buffer(
      resp->len, resp->body, resp->body_static ? MHD_RESPMEM_PERSISTENT : MHD_RESPMEM_MUST_FREE);
  if (!r) { srv_resp_clear(resp); return MHD_NO; }
  resp->body = NULL;
  resp->body_static = 0;
  srv_mhd()->MHD_add_response_header(r, "Content-Type", resp->content_type ? resp->content_type : "application/octet-stream");
  srv_mhd()->MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  srv_mhd()->MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
  srv_mhd()->MHD_add_response_header(r, "Cache-Control", "no-store");
  if (resp->content_type && !strncmp(resp->content_type, "text/html", 9))
    srv_mhd()->MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
                            "script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
  if (resp->disposition) srv_mhd()->MHD_add_response_header(r, "Content-Disposition", resp->disposition);
  if (allow && *allow) srv_mhd()->MHD_add_response_header(r, "Allow", allow);
  if (resp->status == 401) srv_mhd()->MHD_add_response_header(r, "WWW-Authenticate", "Bearer realm=\"duizhao\"");
  if (atomic_load(&s->stopping)) srv_mhd()->MHD_add_response_header(r, "Connection", "close");
  cx->status = resp->status;
  cx->resp_len = resp->len;
  cx->answered = 1;
  enum MHD_Result ok = srv_mhd()->MHD_queue_response(c, (unsigned)resp->status, r);
  srv_mhd()->MHD_destroy_response(r);
  srv_resp_clear(resp);
  return ok;
}

/* An error answered before the body was read (401, 413 by Content-Length). */
static enum MHD_Result early_error(dz_server *s, struct MHD_Connection *c, conn_ctx *cx, int status,
                                   const char *code, const char *msg) {
  srv_resp resp = {0};
  srv_error(&resp, status, code, "%s", msg);
  return send_resp(s, c, cx, &resp, NULL);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls) {
  dz_server *s = cls;
  conn_ctx *cx = *con_cls;
  if (!cx) { /* first call: headers only */
    if (!(cx = calloc(1, sizeof *cx))) return MHD_NO;
    *con_cls = cx;
    atomic_fetch_add(&s->inflight, 1);
    clock_gettime(CLOCK_MONOTONIC, &cx->t0);
    snprintf(cx->method, sizeof cx->method, "%s", method);
    log_path(cx->path, sizeof cx->path, url);
    if (srv_needs_auth(url) && !srv_auth_ok(&s->app, srv_mhd()->MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization")))
      return early_error(s, c, cx, 401, "unauthorized",
                         "需要访问令牌：请在请求头中加入 Authorization: Bearer <令牌>（启动服务时用 --token 或 DUIZHAO_TOKEN 设置）。");
    /* Past the limit by Content-Length: answer now when the client waits for our go-ahead
    ** (Expect: 100-continue) or the body is huge; otherwise drain it and answer 413 at the
    ** end, because most clients send the whole body before reading any answer. */
    const char *cl = srv_mhd()->MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
    unsigned long long declared = cl ? strtoull(cl, NULL, 10) : 0;
    if (declared > s->app.max_body) {
      cx->too_big = 1;
      const char *expect = srv_mhd()->MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Expect");
      if ((expect && !strcasecmp(expect, "100-continue")) || declared > SRV_DRAIN_MAX) goto too_big;
    }
    return MHD_YES;
  }
  if (*upload_size) { /* a piece of the body */
    size_t n = *upload_size;
    *upload_size = 0;
    if (since_ms(&cx->t0) > s->request_timeout * 1e3) return MHD_NO; /* too slow (even draining): drop */
    if (cx->answered || cx->too_big) return MHD_YES;                  /* discard */
    if (cx->len + n > s->app.max_body) {
      cx->too_big = 1;
      free(cx->body);
      cx->body = NULL;
      return MHD_YES;
    }
    if (cx->len + n + 1 > cx->cap) {
      size_t cap = cx->cap ? cx->cap : 16384;
      while (cap < cx->len + n + 1) cap *= 2;
      char *b = realloc(cx->body, cap);
      if (!b) return MHD_NO;
      cx->body = b, cx->cap = cap;
    }
    memcpy(cx->body + cx->len, upload, n);
    cx->len += n;
    cx->body[cx->len] = 0;
    return MHD_YES;
  }
  if (cx->answered) return MHD_YES;
  if (cx->too_big) goto too_big;
  /* The whole request is here: run the route. */
  srv_req req = {method, url, srv_mhd()->MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type"),
                 cx->body ? cx->body : "", cx->len, query_arg, c};
  srv_resp resp = {0};
  char allow[64];
  srv_dispatch(&s->app, &req, &resp, allow, sizeof allow);
  if (!resp.body && resp.status == 0) srv_error(&resp, 500, "internal", "服务器未能生成应答。");
  return send_resp(s, c, cx, &resp, allow);
too_big: {
  char msg[160];
  snprintf(msg, sizeof msg, "上传内容超过上限 %zu MiB：请拆分文件，或在启动服务时用 --max-body 调大上限。",
           s->app.max_body >> 20);
  return early_error(s, c, cx, 413, "too_large", msg);
}
}

/* Completion (answered, or the connection dropped): log one line and free the state. */
static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe) {
  dz_server *s = cls;
  conn_ctx *cx = *con_cls;
  if (!cx) return;
  if (!s->quiet) {
    time_t now = time(NULL);
    struct tm tm;
    char ts[32];
    gmtime_r(&now, &tm);
    strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
    fprintf(s->log, "%s %s %s %d %.1fms %zuB%s\n", ts, cx->method, cx->path, cx->answered ? cx->status : 0,
            since_ms(&cx->t0), cx->resp_len,
            toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : toe == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED ? " timeout" : " aborted");
  }
  free(cx->body);
  free(cx);
  *con_cls = NULL;
  atomic_fetch_sub(&s->inflight, 1);
}

/* Defaults for zero options. */
static unsigned or_default(unsigned v, unsigned d) { return v ? v : d; }

int dz_server_start(dz_server **out, const dz_server_options *opts, dz_error *err) {
  dz_server_options o = DZ_SERVER_OPTIONS_INIT;
  if (opts) o = *opts;
  const char *spec = o.listen && *o.listen ? o.listen : DZ_SERVER_DEFAULT_LISTEN;
  int rc = srv_mhd_load(err);
  if (rc) return rc;
  srv_addr addr;
  rc = srv_addr_parse(&addr, spec, err);
  if (rc) return rc;
  int has_token = o.token && *o.token;
  if (!addr.loopback && !has_token)
    return dz__error_set(err, DZ_EINVALID,
                         "拒绝在非本机地址 %s 上提供服务：请用 --token 或环境变量 DUIZHAO_TOKEN 设置访问令牌，"
                         "或改用 127.0.0.1。", spec);
  dz_server *s = calloc(1, sizeof *s);
  if (!s) return dz__error_nomem(err);
  s->listen_fd = -1;
  s->log = o.access_log ? o.access_log : stderr;
  s->quiet = o.quiet;
  s->request_timeout = or_default(o.request_timeout, 60);
  s->app.max_body = o.max_body ? o.max_body : DZ_SERVER_DEFAULT_MAX_BODY;
  pthread_mutex_init(&s->app.index_lock, NULL);
  if (has_token && !(s->app.token = strdup(o.token))) { rc = dz__error_nomem(err); goto fail; }
  if ((rc = srv_app_open(&s->app, o.db_path, err))) goto fail;
  int port = 0;
  if ((rc = srv_listen(&s->listen_fd, &addr, &port, err))) goto fail;
  srv_addr_url(&addr, port, s->url, sizeof s->url);
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  unsigned threads = o.threads ? o.threads : (unsigned)(cpus > 0 ? (cpus * 2 > 16 ? 16 : cpus * 2) : 2);
  s->daemon = srv_mhd()->MHD_start_daemon(MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC, 0, NULL, NULL, on_request, s,
                               MHD_OPTION_LISTEN_SOCKET, (MHD_socket)s->listen_fd,
                               MHD_OPTION_THREAD_POOL_SIZE, threads,
                               MHD_OPTION_CONNECTION_LIMIT, or_default(o.max_connections, 256),
                               MHD_OPTION_CONNECTION_TIMEOUT, or_default(o.idle_timeout, 30),
                               MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024,
                               MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
                               MHD_OPTION_END);
  if (!s->daemon) { rc = dz__error_set(err, DZ_EIO, "无法启动 HTTP 服务（libmicrohttpd 初始化失败）。"); goto fail; }
  *out = s;
  return 0;
fail:
  if (s->listen_fd >= 0) close(s->listen_fd);
  srv_app_close(&s->app);
  free(s);
  return rc;
}

const char *dz_server_url(const dz_server *s) { return s ? s->url : ""; }

void dz_server_stop(dz_server *s, unsigned grace_ms) {
  if (!s) return;
  atomic_store(&s->stopping, 1);
  /* Stop accepting; connections already open may still send their request. */
  MHD_socket fd = srv_mhd()->MHD_quiesce_daemon(s->daemon);
  struct timespec t0, nap = {0, 5 * 1000 * 1000};
  clock_gettime(CLOCK_MONOTONIC, &t0);
  while (atomic_load(&s->inflight) > 0 && since_ms(&t0) < grace_ms) nanosleep(&nap, NULL);
  srv_mhd()->MHD_stop_daemon(s->daemon);
  if (fd != MHD_INVALID_SOCKET) close(fd);
  srv_app_close(&s->app);
  free(s);
}
