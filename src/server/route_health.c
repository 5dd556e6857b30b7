/* GET /healthz: liveness for supervisors and tests; says which features this build has. */
#include "server/routes.h"

int srv_route_health(srv_app *app, const srv_req *req, srv_resp *resp) {
  json_t *j = json_pack("{s:s,s:s,s:{s:b,s:b,s:b}}", "status", "ok", "version", dz_version(), "features",
#ifdef DUIZHAO_CHECK_H
                        "check", 1,
#else
                        "check", 0,
#endif
#ifdef DUIZHAO_SIM_H
                        "similar", app->index != NULL,
#else
                        "similar", 0,
#endif
#ifdef DUIZHAO_DOCX_H
                        "docx", 1
#else
                        "docx", 0
#endif
  );
  return srv_json(resp, 200, j);
}
