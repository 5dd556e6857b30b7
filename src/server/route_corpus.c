/* GET/POST/DELETE /api/corpus: list, add to and remove from the originality corpus. */
#include "server/input.h"
#include "server/routes.h"

#ifndef DUIZHAO_SIM_H
int srv_route_corpus_list(srv_app *app, const srv_req *req, srv_resp *resp) {
  return srv_error(resp, 501, "not_implemented", "此版本尚未包含查重功能。");
}
int srv_route_corpus_add(srv_app *app, const srv_req *req, srv_resp *resp) {
  return srv_error(resp, 501, "not_implemented", "此版本尚未包含查重功能。");
}
int srv_route_corpus_remove(srv_app *app, const srv_req *req, srv_resp *resp) {
  return srv_error(resp, 501, "not_implemented", "此版本尚未包含查重功能。");
}
#endif
