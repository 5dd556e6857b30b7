/* POST /api/batch: cross-check 2..256 documents (docs/sim.md JSON: containment matrix,
** groups, pairs with passages); `?format=html` for the HTML report. */
#include <stdlib.h>
#include <string.h>
#include "server/input.h"
#include "server/routes.h"
#include "server/sim_common.h"

static int render(FILE *f, const void *b, int html) {
  return dz_sim_batch_render(f, b, html ? DZ_SIM_HTML : DZ_SIM_JSON, 0);
}

int srv_route_batch(srv_app *app, const srv_req *req, srv_resp *resp) {
  srv_input in;
  dz_text **texts = NULL;
  dz_sim_batch *b = NULL;
  dz_error err = {0};
  int st = srv_input_parse(&in, req, resp);
  if (!st && in.ndocs < 2)
    st = srv_error(resp, 400, "too_few_documents", "批量比对至少需要 2 份材料，收到了 %zu 份。", in.ndocs);
  if (!st && !(texts = calloc(in.ndocs, sizeof *texts))) st = srv_error(resp, 503, "busy", "服务器内存不足。");
  for (size_t i = 0; !st && i < in.ndocs; i++) st = srv_input_read(&texts[i], &in.docs[i], app->max_body, resp);
  if (!st && dz_sim_batch_run(&b, (const dz_text *const *)texts, in.ndocs, NULL, &err)) st = srv_error_dz(resp, &err, 1);
  const char *format = req->query(req, "format");
  if (!st) st = srv_render(resp, format && !strcmp(format, "html"), render, b);
  dz_sim_batch_free(b);
  for (size_t i = 0; texts && i < in.ndocs; i++) dz_text_free(texts[i]);
  free(texts);
  srv_input_free(&in);
  return st;
}
