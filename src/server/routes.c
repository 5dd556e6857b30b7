/* The route table and dispatch: the one place that lists every endpoint. */
#include <stdio.h>
#include <string.h>
#include "server/routes.h"

static const srv_route routes[] = {
    {"GET", "/healthz", srv_route_health},
    {"POST", "/api/parse", srv_route_parse},
    {"POST", "/api/check", srv_route_check},
    {"GET", "/api/profiles", srv_route_profiles},
    {"POST", "/api/similar", srv_route_similar},
    {"POST", "/api/batch", srv_route_batch},
    {"GET", "/api/corpus", srv_route_corpus_list},
    {"POST", "/api/corpus", srv_route_corpus_add},
    {"DELETE", "/api/corpus/*", srv_route_corpus_remove},
    {"POST", "/api/fmt", srv_route_fmt},
    {"POST", "/api/fix", srv_route_fix},
};

/* Exact match, or prefix match for patterns ending in '*'. */
static int path_matches(const char *pattern, const char *path) {
  size_t n = strlen(pattern);
  if (n && pattern[n - 1] == '*') return !strncmp(pattern, path, n - 1) && path[n - 1];
  return !strcmp(pattern, path);
}

/* HEAD is answered like GET (libmicrohttpd drops the body). */
static int method_matches(const char *route, const char *method) {
  return !strcmp(route, method) || (!strcmp(route, "GET") && !strcmp(method, "HEAD"));
}

int srv_dispatch(srv_app *app, const srv_req *req, srv_resp *resp, char *allow, size_t allow_cap) {
  int path_known = 0;
  allow[0] = 0;
  for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
    if (!path_matches(routes[i].path, req->path)) continue;
    if (method_matches(routes[i].method, req->method)) return routes[i].fn(app, req, resp);
    path_known = 1;
    size_t l = strlen(allow);
    snprintf(allow + l, allow_cap - l, "%s%s", l ? ", " : "", routes[i].method);
  }
  if (path_known)
    return srv_error(resp, 405, "method_not_allowed", "%s 不支持 %s 方法，请使用 %s。", req->path, req->method, allow);
  if (!strncmp(req->path, "/api/", 5) || !strcmp(req->path, "/api"))
    return srv_error(resp, 404, "not_found", "没有这个接口：%s。接口列表见 docs/http-api.md。", req->path);
  if (strcmp(req->method, "GET") && strcmp(req->method, "HEAD")) {
    snprintf(allow, allow_cap, "GET, HEAD");
    return srv_error(resp, 405, "method_not_allowed", "页面文件只支持 GET 方法。");
  }
  return srv_route_static(app, req, resp);
}
