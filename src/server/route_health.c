/* GET /healthz: liveness for supervisors and tests; "similar" is false when the corpus could
** not be opened (the corpus routes then answer 503 saying why). */
#include "server/routes.h"

int srv_route_health(srv_app *app, const srv_req *req, srv_resp *resp) {
  json_t *j = json_pack("{s:s,s:s,s:{s:b,s:b,s:b}}", "status", "ok", "version", dz_version(), "features",
                        "check", 1, "similar", app->index != NULL, "docx", 1);
  return srv_json(resp, 200, j);
}
