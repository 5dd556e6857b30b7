/* POST /api/parse: the document's outline, the same JSON as `duizhao parse --format json`
** (docs/parse.md). */
#include <stdlib.h>
#include "server/input.h"
#include "server/routes.h"

int srv_route_parse(srv_app *app, const srv_req *req, srv_resp *resp) {
  srv_input in;
  const srv_doc_in *d;
  dz_text *text = NULL;
  dz_doc *doc = NULL;
  dz_error err = {0};
  int st = srv_input_parse(&in, req, resp);
  if (!st) st = srv_input_one(&d, &in, resp);
  if (!st) st = srv_input_read(&text, d, app->max_body, resp);
  if (!st && dz_doc_parse(&doc, text, NULL, &err)) st = srv_error_dz(resp, &err, 1);
  char *out = NULL;
  size_t len = 0;
  if (!st && dz_doc_outline_json(&out, &len, doc, &err)) st = srv_error_dz(resp, &err, 1);
  if (!st) st = srv_body(resp, 200, "application/json; charset=utf-8", out, len);
  dz_doc_free(doc);
  srv_input_free(&in);
  return st;
}
