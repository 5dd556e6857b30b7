/* POST /api/similar: one document against the corpus (docs/sim.md JSON, passages with both
** texts); `?format=html` for the HTML report. The corpus handle is used under its mutex. */
#include <string.h>
#include "server/docreq.h"
#include "server/routes.h"
#include "server/sim_common.h"

static int render(FILE *f, const void *r, int html) {
  const dz_sim_result *one = r;
  return dz_sim_render(f, &one, 1, html ? DZ_SIM_HTML : DZ_SIM_JSON, 0);
}

int srv_route_similar(srv_app *app, const srv_req *req, srv_resp *resp) {
  if (!app->index) return srv_corpus_unavailable(app, resp);
  srv_docreq d;
  dz_error err = {0};
  dz_sim_result *r = NULL;
  dz_sim_part *parts = NULL;
  size_t nparts = 0;
  int st = srv_docreq_load(&d, app, req, resp);
  if (!st && dz_sim_doc_parts(&parts, &nparts, d.doc, &err)) st = srv_error_dz(resp, &err, 1);
  if (!st) {
    dz_sim_query_options qo = DZ_SIM_QUERY_OPTIONS_INIT;
    qo.parts = parts;
    qo.nparts = nparts;
    pthread_mutex_lock(&app->index_lock);
    int rc = dz_index_query(&r, app->index, dz_doc_text(d.doc), &qo, &err);
    pthread_mutex_unlock(&app->index_lock);
    if (rc) st = err.code == DZ_EIO ? srv_error(resp, 503, "corpus_unavailable", "%s", err.message) : srv_error_dz(resp, &err, 1);
  }
  const char *format = req->query(req, "format");
  if (!st) st = srv_render(resp, format && !strcmp(format, "html"), render, r);
  dz_sim_result_free(r);
  dz_sim_parts_free(parts, nparts);
  srv_docreq_free(&d);
  return st;
}
