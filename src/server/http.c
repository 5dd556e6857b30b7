/* JSON error bodies and response helpers shared by every route. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "server/http.h"

/* Replace whatever the response held. */
int srv_body(srv_resp *resp, int status, const char *content_type, char *body, size_t len) {
  if (!resp->body_static) free(resp->body);
  resp->body_static = 0;
  resp->status = status;
  resp->content_type = content_type;
  resp->body = body;
  resp->len = len;
  return status;
}

int srv_json(srv_resp *resp, int status, json_t *json) {
  char *s = json ? json_dumps(json, JSON_COMPACT) : NULL;
  json_decref(json);
  if (!s) return srv_error(resp, 500, "internal", "服务器内存不足，请稍后重试。");
  return srv_body(resp, status, "application/json; charset=utf-8", s, strlen(s));
}

int srv_error(srv_resp *resp, int status, const char *code, const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  json_t *j = json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", msg);
  char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
  json_decref(j);
  if (!s) { /* last resort: a fixed body that needs no allocation by jansson */
    static const char oom[] = "{\"error\":{\"code\":\"internal\",\"message\":\"服务器内存不足。\"}}";
    s = strdup(oom);
    status = 500;
  }
  srv_body(resp, status, "application/json; charset=utf-8", s, s ? strlen(s) : 0);
  return status;
}

int srv_error_dz(srv_resp *resp, const dz_error *err, int notfound_is_bad_input) {
  const char *msg = err && err->message[0] ? err->message : dz_strerror(err ? err->code : -1);
  switch (err ? err->code : 0) {
  case DZ_EINVALID: return srv_error(resp, 400, "bad_input", "%s", msg);
  case DZ_ENOTFOUND:
    return notfound_is_bad_input ? srv_error(resp, 400, "not_found", "%s", msg)
                                 : srv_error(resp, 404, "not_found", "%s", msg);
  case DZ_ETOOBIG: return srv_error(resp, 413, "too_large", "%s", msg);
  case DZ_EFORMAT: return srv_error(resp, 415, "unsupported_type", "%s", msg);
  case DZ_ENOMEM: return srv_error(resp, 503, "busy", "服务器内存不足，请稍后重试。");
  default: return srv_error(resp, 500, "internal", "%s", msg);
  }
}

int srv_body_static(srv_resp *resp, int status, const char *content_type, const char *body, size_t len) {
  srv_body(resp, status, content_type, NULL, len);
  resp->body = (char *)body;
  resp->body_static = 1;
  return status;
}

void srv_resp_clear(srv_resp *resp) {
  if (!resp->body_static) free(resp->body);
  free(resp->disposition);
  memset(resp, 0, sizeof *resp);
}
