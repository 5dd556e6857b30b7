/* POST /api/fmt and /api/fix: Word files back. fmt writes the document as a GB/T 9704 .docx
** (option "protect": a password for Word's read-only protection); fix checks it and writes
** the findings back as comments, with suggestions as tracked changes ("tracked": true, the
** default) or applied directly ("tracked": false). An uploaded .docx is fixed in place. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "server/docreq.h"
#include "server/routes.h"

#define DOCX_TYPE "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

/* Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
static char *disposition(const char *name, const char *suffix) {
  char base[256];
  snprintf(base, sizeof base, "%s", name);
  char *dot = strrchr(base, '.');
  if (dot && dot != base) *dot = 0;
  char full[320], *out = malloc(1100);
  snprintf(full, sizeof full, "%s%s", base, suffix);
  if (!out) return NULL;
  size_t o = (size_t)snprintf(out, 1100, "attachment; filename=\"duizhao.docx\"; filename*=UTF-8''");
  for (const unsigned char *p = (const unsigned char *)full; *p && o + 4 < 1100; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p))
      out[o++] = (char)*p;
    else
      o += (size_t)snprintf(out + o, 1100 - o, "%%%02X", *p);
  }
  out[o] = 0;
  return out;
}

/* Hand the package to the response. */
static int send_docx(srv_resp *resp, dz_docx_bytes *b, const char *name, const char *suffix) {
  char *copy = malloc(b->len ? b->len : 1);
  if (!copy) { dz_docx_bytes_free(b); return srv_error(resp, 503, "busy", "服务器内存不足，请稍后重试。"); }
  memcpy(copy, b->data, b->len);
  srv_body(resp, 200, DOCX_TYPE, copy, b->len);
  dz_docx_bytes_free(b);
  resp->disposition = disposition(name, suffix);
  return 200;
}

int srv_route_fmt(srv_app *app, const srv_req *req, srv_resp *resp) {
  srv_docreq d;
  dz_error err = {0};
  dz_docx_bytes b = {0};
  int st = srv_docreq_load(&d, app, req, resp);
  if (!st) {
    dz_docx_options o = DZ_DOCX_OPTIONS_INIT;
    const char *pw = srv_param_str(&d.in, "protect");
    o.protect_password = pw && *pw ? pw : NULL;
    if (dz_docx_fmt(&b, d.doc, &o, &err)) st = srv_error_dz(resp, &err, 1);
    else st = send_docx(resp, &b, d.src->name, "-排版.docx");
  }
  srv_docreq_free(&d);
  return st;
}

int srv_route_fix(srv_app *app, const srv_req *req, srv_resp *resp) {
  srv_docreq d;
  dz_error err = {0};
  dz_docx_bytes b = {0};
  dz_docx_edit *edits = NULL;
  int st = srv_docreq_load(&d, app, req, resp);
  if (!st) st = srv_docreq_check(&d, app, resp);
  size_t n = 0;
  if (!st && !(edits = calloc(dz_result_count(d.res) + 1, sizeof *edits)))
    st = srv_error(resp, 503, "busy", "服务器内存不足，请稍后重试。");
  for (size_t i = 0; !st && i < dz_result_count(d.res); i++) {
    if (!srv_docreq_keeps(&d, i)) continue;
    const dz_finding *f = dz_result_get(d.res, i);
    edits[n++] = (dz_docx_edit){dz_finding_dstart(f), dz_finding_dend(f), dz_finding_rule(f),
                                dz_finding_message(f), dz_finding_suggestion(f)};
  }
  if (!st) {
    dz_docx_options o = DZ_DOCX_OPTIONS_INIT;
    json_t *tracked = json_object_get(d.in.params, "tracked");
    o.tracked = !json_is_false(tracked) && !(json_is_string(tracked) && !strcmp(json_string_value(tracked), "false"));
    if (dz_docx_fix(&b, d.doc, edits, n, &o, NULL, &err)) st = srv_error_dz(resp, &err, 1);
    else st = send_docx(resp, &b, d.src->name, o.tracked ? "-修订.docx" : "-已改.docx");
  }
  free(edits);
  srv_docreq_free(&d);
  return st;
}

