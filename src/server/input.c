/* Request bodies into documents and options: application/json ({"text":…} or
** {"files":[{"name","text"}…]}), text/plain (the body is the document) and
** multipart/form-data (file parts are documents, an "options" field is a JSON object, other
** fields are string options). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "server/input.h"

#define PASTED_NAME "粘贴的文本"

/* Case-insensitive test of a media type, ignoring parameters. */
static int is_type(const char *ct, const char *type) {
  size_t n = strlen(type);
  return ct && !strncasecmp(ct, type, n) && (ct[n] == 0 || ct[n] == ';' || ct[n] == ' ');
}

static int add_doc(srv_input *in, const char *name, const char *data, size_t len) {
  srv_doc_in *d = realloc(in->docs, (in->ndocs + 1) * sizeof *d);
  if (!d) return -1;
  in->docs = d;
  d += in->ndocs++;
  snprintf(d->name, sizeof d->name, "%s", name && *name ? name : PASTED_NAME);
  d->data = data;
  d->len = len;
  return 0;
}

/* {"text": "...", "name": "..."} and/or {"files": [{"name","text"}, ...]}. */
static int from_json(srv_input *in, const srv_req *req, srv_resp *resp) {
  json_error_t jerr;
  in->params = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &jerr);
  if (!in->params)
    return srv_error(resp, 400, "bad_json", "请求不是有效的 JSON（第 %d 行第 %d 列：%s）。", jerr.line,
                     jerr.column, jerr.text);
  if (!json_is_object(in->params))
    return srv_error(resp, 400, "bad_json", "请求的 JSON 应为对象，例如 {\"text\": \"……\"}。");
  json_t *text = json_object_get(in->params, "text");
  if (text && !json_is_string(text))
    return srv_error(resp, 400, "bad_json", "字段 text 应为字符串。");
  if (text && add_doc(in, srv_param_str(in, "name"), json_string_value(text), json_string_length(text)))
    return srv_error(resp, 503, "busy", "服务器内存不足，请稍后重试。");
  json_t *files = json_object_get(in->params, "files");
  if (files && !json_is_array(files))
    return srv_error(resp, 400, "bad_json", "字段 files 应为数组，每项形如 {\"name\": \"…\", \"text\": \"…\"}。");
  size_t i;
  json_t *f;
  json_array_foreach(files, i, f) {
    json_t *t = json_object_get(f, "text"), *nm = json_object_get(f, "name");
    if (!json_is_string(t))
      return srv_error(resp, 400, "bad_json", "files 第 %zu 项缺少字符串字段 text。", i + 1);
    if (i >= SRV_MAX_PARTS)
      return srv_error(resp, 413, "too_many_files", "一次最多提交 %d 个文件。", SRV_MAX_PARTS);
    if (add_doc(in, json_is_string(nm) ? json_string_value(nm) : NULL, json_string_value(t), json_string_length(t)))
      return srv_error(resp, 503, "busy", "服务器内存不足，请稍后重试。");
  }
  return 0;
}

/* Form fields: files become documents; "options" is merged as JSON; others are strings. */
static int from_multipart(srv_input *in, const srv_req *req, srv_resp *resp) {
  char boundary[80];
  if (!srv_multipart_boundary(req->content_type, boundary))
    return srv_error(resp, 400, "bad_multipart", "multipart/form-data 请求缺少 boundary 参数。");
  in->parts = malloc(SRV_MAX_PARTS * sizeof *in->parts);
  in->params = json_object();
  if (!in->parts || !in->params) return srv_error(resp, 503, "busy", "服务器内存不足，请稍后重试。");
  int n = srv_multipart_parse(req->body, req->body_len, boundary, in->parts, SRV_MAX_PARTS);
  if (n == -2) return srv_error(resp, 413, "too_many_files", "一次最多提交 %d 个文件。", SRV_MAX_PARTS);
  if (n < 0) return srv_error(resp, 400, "bad_multipart", "上传内容格式不正确（multipart/form-data 不完整）。");
  const char *text = NULL;
  size_t text_len = 0;
  for (int i = 0; i < n; i++) {
    srv_part *p = &in->parts[i];
    if (p->has_filename) {
      if (add_doc(in, p->filename, p->data, p->len)) return srv_error(resp, 503, "busy", "服务器内存不足。");
    } else if (!strcmp(p->name, "options")) {
      json_error_t jerr;
      json_t *o = json_loadb(p->data, p->len, 0, &jerr);
      if (!json_is_object(o)) {
        json_decref(o);
        return srv_error(resp, 400, "bad_json", "表单字段 options 应为 JSON 对象。");
      }
      json_object_update(in->params, o);
      json_decref(o);
    } else if (!strcmp(p->name, "text")) {
      text = p->data, text_len = p->len;
    } else if (p->name[0]) {
      json_t *v = json_stringn(p->data, p->len);
      if (!v) return srv_error(resp, 400, "bad_input", "表单字段 %s 不是有效的 UTF-8 文本。", p->name);
      json_object_set_new(in->params, p->name, v);
    }
  }
  if (text && add_doc(in, srv_param_str(in, "name"), text, text_len))
    return srv_error(resp, 503, "busy", "服务器内存不足。");
  return 0;
}

int srv_input_parse(srv_input *in, const srv_req *req, srv_resp *resp) {
  memset(in, 0, sizeof *in);
  const char *ct = req->content_type;
  if (is_type(ct, "application/json")) return from_json(in, req, resp);
  if (is_type(ct, "multipart/form-data")) return from_multipart(in, req, resp);
  if (is_type(ct, "text/plain")) {
    in->params = json_object();
    if (!in->params || add_doc(in, NULL, req->body, req->body_len))
      return srv_error(resp, 503, "busy", "服务器内存不足。");
    return 0;
  }
  if (!ct && req->body_len == 0) { /* a bare POST: no documents, no options */
    in->params = json_object();
    return in->params ? 0 : srv_error(resp, 503, "busy", "服务器内存不足。");
  }
  return srv_error(resp, 415, "unsupported_media_type",
                   "不支持的请求类型“%s”：请使用 application/json、text/plain 或 multipart/form-data。",
                   ct ? ct : "（未指定）");
}

void srv_input_free(srv_input *in) {
  json_decref(in->params);
  free(in->docs);
  free(in->parts);
  memset(in, 0, sizeof *in);
}

const char *srv_param_str(const srv_input *in, const char *key) {
  return json_string_value(json_object_get(in->params, key));
}

/* File types we read, by extension; a name without one is sniffed. */
static int allowed_ext(const char *name) {
  const char *dot = strrchr(name, '.');
  if (!dot || strchr(dot, '/')) return 1;
  static const char *ok[] = {".txt", ".text", ".md", ".markdown", ".docx", NULL};
  for (int i = 0; ok[i]; i++)
    if (!strcasecmp(dot, ok[i])) return 1;
  return 0;
}

int srv_input_type_ok(const srv_doc_in *d, srv_resp *resp) {
  if (allowed_ext(d->name)) return 0;
  return srv_error(resp, 415, "unsupported_type",
                   "不支持的文件类型“%s”：请上传 .txt、.md 或 .docx 文件（.doc、.wps 请先在 Word/WPS 中另存为 .docx）。",
                   d->name);
}

int srv_input_read(dz_text **out, const srv_doc_in *d, size_t max_bytes, srv_resp *resp) {
  int st = srv_input_type_ok(d, resp);
  if (st) return st;
  dz_decode_options o = DZ_DECODE_OPTIONS_INIT;
  o.name = d->name;
  o.max_bytes = max_bytes;
  dz_error err = {0};
  if (dz_read_bytes(out, d->data, d->len, &o, &err)) return srv_error_dz(resp, &err, 1);
  return 0;
}

int srv_input_one(const srv_doc_in **out, const srv_input *in, srv_resp *resp) {
  if (in->ndocs == 0)
    return srv_error(resp, 400, "no_document", "请求中没有文档：请提供 text 字段，或上传一个 .txt/.docx 文件。");
  if (in->ndocs > 1)
    return srv_error(resp, 400, "too_many_documents", "此接口一次只处理一个文档，收到了 %zu 个。", in->ndocs);
  *out = &in->docs[0];
  return 0;
}
