/* One document from a request to a parsed (and checked) dz_doc; see docreq.h. */
#include <string.h>
#include "server/docreq.h"

/* String options of the document routes: another type is a 400, not silently the default
** (a "profile": 5 used to check against the guessed framework). */
static int string_options(const srv_input *in, srv_resp *resp) {
  static const char *const keys[] = {"profile", "protect", "name", NULL};
  for (int i = 0; keys[i]; i++) {
    json_t *v = json_object_get(in->params, keys[i]);
    if (v && !json_is_string(v) && !json_is_null(v))
      return srv_error(resp, 400, "bad_option", "选项 %s 应为字符串。", keys[i]);
  }
  return 0;
}

int srv_docreq_load(srv_docreq *d, srv_app *app, const srv_req *req, srv_resp *resp) {
  memset(d, 0, sizeof *d);
  dz_text *text = NULL;
  dz_error err = {0};
  int st = srv_input_parse(&d->in, req, resp);
  if (!st) st = string_options(&d->in, resp);
  if (!st) st = srv_input_one(&d->src, &d->in, resp);
  if (!st) st = srv_filter_init(&d->flt, d->in.params, resp);
  if (!st) st = srv_filter_validate(&d->flt, app->checker, resp);
  if (!st) st = srv_input_read(&text, d->src, app->max_body, resp);
  if (!st && dz_doc_parse(&d->doc, text, NULL, &err)) st = srv_error_dz(resp, &err, 1);
  return st;
}

int srv_docreq_check(srv_docreq *d, srv_app *app, srv_resp *resp) {
  dz_check_options co = DZ_CHECK_OPTIONS_INIT;
  const char *profile = srv_param_str(&d->in, "profile");
  co.profile = profile && *profile && strcmp(profile, "auto") ? profile : NULL;
  dz_error err = {0};
  if (dz_check(&d->res, app->checker, d->doc, &co, &err)) return srv_error_dz(resp, &err, 1);
  return 0;
}

int srv_docreq_keeps(const srv_docreq *d, size_t i) {
  const dz_finding *f = dz_result_get(d->res, i);
  size_t len;
  const char *s = dz_text_data(dz_doc_text(d->doc), &len);
  return f && !srv_filter_drops(&d->flt, dz_finding_rule(f), s, len, dz_finding_dstart(f), dz_finding_dend(f));
}

void srv_docreq_free(srv_docreq *d) {
  dz_result_free(d->res);
  dz_doc_free(d->doc);
  srv_filter_free(&d->flt);
  srv_input_free(&d->in);
  memset(d, 0, sizeof *d);
}
