/* POST /api/parse: the document's outline, the same JSON as `duizhao parse --format json`
** (docs/parse.md). */
#include "server/docreq.h"
#include "server/routes.h"

int srv_route_parse(srv_app *app, const srv_req *req, srv_resp *resp) {
  srv_docreq d;
  dz_error err = {0};
  char *out = NULL;
  size_t len = 0;
  int st = srv_docreq_load(&d, app, req, resp);
  if (!st && dz_doc_outline_json(&out, &len, d.doc, &err)) st = srv_error_dz(resp, &err, 1);
  if (!st) st = srv_body(resp, 200, "application/json; charset=utf-8", out, len);
  srv_docreq_free(&d);
  return st;
}
