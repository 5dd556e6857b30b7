/* POST /api/check: check one document (pasted text or an uploaded .txt/.docx) and answer
** with the check JSON (docs/check.md) plus what the page needs to show it: the decoded text,
** each finding's decoded span (dstart/dend) and the outline's root ("outline"). Per-request options: profile
** ("auto" or an id), rules/ignore (comma-separated rule-id globs) and a user dictionary
** (words never flagged). `?format=html` answers with the self-contained HTML report. */
#include <stdlib.h>
#include <string.h>
#include "server/docreq.h"
#include "server/routes.h"


/* Add the decoded text and decoded spans to the report; drop filtered findings. */
static int enrich(json_t *rep, const srv_docreq *d, srv_resp *resp) {
  json_t *findings = json_object_get(rep, "findings");
  if (!json_is_array(findings) || json_array_size(findings) != dz_result_count(d->res))
    return srv_error(resp, 500, "internal", "检查报告与结果不一致。");
  size_t len;
  const char *s = dz_text_data(dz_doc_text(d->doc), &len);
  json_t *kept = json_array();
  for (size_t i = 0; i < dz_result_count(d->res); i++) {
    if (!srv_docreq_keeps(d, i)) continue;
    const dz_finding *f = dz_result_get(d->res, i);
    json_t *jf = json_array_get(findings, i);
    json_object_set_new(jf, "dstart", json_integer((json_int_t)dz_finding_dstart(f)));
    json_object_set_new(jf, "dend", json_integer((json_int_t)dz_finding_dend(f)));
    json_array_append(kept, jf);
  }
  srv_filter_fix_summary(rep, kept);
  json_object_set_new(rep, "findings", kept);
  json_object_set_new(rep, "text", json_stringn(s, len));
  return 0;
}

/* Serialise the report with the outline's root spliced in as "outline". The outline JSON is
** already text (docs/parse.md: "root" is its last key), so it is copied rather than parsed
** and re-serialised, which was a third of the route's time. */
static int send_with_outline(json_t *rep, const srv_docreq *d, srv_resp *resp) {
  char *outline = NULL, *body = NULL;
  size_t olen = 0;
  dz_error err = {0};
  if (dz_doc_outline_json(&outline, &olen, d->doc, &err)) return srv_error_dz(resp, &err, 1);
  const char *root = strstr(outline, "\"root\":");
  const char *end = outline + olen;
  while (end > outline && (end[-1] == '\n' || end[-1] == ' ')) end--;
  char *head = json_dumps(rep, JSON_COMPACT);
  size_t hl = head ? strlen(head) : 0;
  if (!root || end <= root + 8 || end[-1] != '}' || hl < 2) {
    free(outline);
    free(head);
    return srv_error(resp, 500, "internal", "生成检查报告失败。");
  }
  root += 7;
  size_t rl = (size_t)(end - 1 - root); /* without the outline document's closing brace */
  if ((body = malloc(hl + rl + 16))) {
    memcpy(body, head, hl - 1); /* without the report's closing brace */
    size_t n = hl - 1;
    memcpy(body + n, ",\"outline\":", 11);
    n += 11;
    memcpy(body + n, root, rl);
    n += rl;
    body[n++] = '}';
    body[n] = 0;
    srv_body(resp, 200, "application/json; charset=utf-8", body, n);
  }
  free(outline);
  free(head);
  return body ? 200 : srv_error(resp, 503, "busy", "服务器内存不足，请稍后重试。");
}

int srv_route_check(srv_app *app, const srv_req *req, srv_resp *resp) {
  srv_docreq d;
  dz_error err = {0};
  char *out = NULL;
  size_t len = 0;
  int st = srv_docreq_load(&d, app, req, resp);
  if (!st) st = srv_docreq_check(&d, app, resp);
  const char *format = req->query(req, "format");
  if (!st && format && !strcmp(format, "html")) {
    if (dz_report_html(&out, &len, d.doc, d.res, &err)) st = srv_error_dz(resp, &err, 1);
    else st = srv_body(resp, 200, "text/html; charset=utf-8", out, len);
  } else if (!st) {
    json_t *rep = NULL;
    if (dz_report_json(&out, &len, d.doc, d.res, &err)) st = srv_error_dz(resp, &err, 1);
    else if (!(rep = json_loadb(out, len, 0, NULL))) st = srv_error(resp, 500, "internal", "检查报告不是有效的 JSON。");
    else if (!(st = enrich(rep, &d, resp))) st = send_with_outline(rep, &d, resp);
    json_decref(rep);
    free(out);
  }
  srv_docreq_free(&d);
  return st;
}
