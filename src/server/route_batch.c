/* POST /api/batch (originality, docs/http-api.md). */
#include "server/input.h"
#include "server/routes.h"

#ifndef DUIZHAO_SIM_H
int srv_route_batch(srv_app *app, const srv_req *req, srv_resp *resp) {
  return srv_error(resp, 501, "not_implemented", "此版本尚未包含查重功能。");
}
#endif
