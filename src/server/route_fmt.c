/* POST /api/fmt and /api/fix: Word files back. fmt writes the document as a GB/T 9704 .docx;
** fix writes the check's suggestions into it (tracked changes and comments with
** "tracked": true, applied directly otherwise). */
#include <stdlib.h>
#include <string.h>
#include "server/input.h"
#include "server/routes.h"

#ifndef DUIZHAO_DOCX_H
int srv_route_fmt(srv_app *app, const srv_req *req, srv_resp *resp) {
  return srv_error(resp, 501, "not_implemented", "此版本尚未包含生成 Word 文档的功能。");
}
int srv_route_fix(srv_app *app, const srv_req *req, srv_resp *resp) {
  return srv_error(resp, 501, "not_implemented", "此版本尚未包含生成 Word 文档的功能。");
}
#endif
