/* GET /, /app.js, ...: the page, served from the copy of web/ embedded in the binary. */
#include <string.h>
#include "server/routes.h"
#include "util/embed.h"

extern const dz_embedded_file dz_embedded_web[];

static const char *mime(const char *name) {
  const char *dot = strrchr(name, '.');
  static const struct { const char *ext, *type; } types[] = {
      {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".svg", "image/svg+xml"},
      {".png", "image/png"}, {".ico", "image/x-icon"}, {".json", "application/json; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"}};
  for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
    if (!strcmp(dot, types[i].ext)) return types[i].type;
  return "application/octet-stream";
}

int srv_route_static(srv_app *app, const srv_req *req, srv_resp *resp) {
  const char *name = req->path[0] == '/' ? req->path + 1 : req->path;
  if (!*name) name = "index.html";
  const dz_embedded_file *f = strstr(name, "..") ? NULL : dz_embed_find(dz_embedded_web, name);
  if (!f) return srv_error(resp, 404, "not_found", "找不到页面 %s。", req->path);
  return srv_body_static(resp, 200, mime(name), (const char *)f->data, f->len);
}
