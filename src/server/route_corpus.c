/* GET /api/corpus (list), POST /api/corpus (add uploaded documents, duplicates skipped by
** content), DELETE /api/corpus/ID (remove). One transaction per POST, under the corpus mutex. */
#include <stdlib.h>
#include <string.h>
#include "server/input.h"
#include "server/routes.h"
#include "server/sim_common.h"

static int list_one(void *ud, const dz_index_entry *e) {
  return json_array_append_new(ud, json_pack("{s:I,s:s,s:I,s:I}", "id", (json_int_t)e->id, "path", e->path ? e->path : "",
                                             "chars", (json_int_t)e->chars, "added", (json_int_t)e->added));
}

int srv_route_corpus_list(srv_app *app, const srv_req *req, srv_resp *resp) {
  if (!app->index) return srv_corpus_unavailable(app, resp);
  json_t *docs = json_array();
  dz_error err = {0};
  pthread_mutex_lock(&app->index_lock);
  int rc = dz_index_list(app->index, list_one, docs, &err);
  pthread_mutex_unlock(&app->index_lock);
  if (rc) {
    json_decref(docs);
    return srv_error(resp, 503, "corpus_unavailable", "%s", err.message);
  }
  return srv_json(resp, 200, json_pack("{s:i,s:o}", "schema", 1, "documents", docs));
}

int srv_route_corpus_add(srv_app *app, const srv_req *req, srv_resp *resp) {
  if (!app->index) return srv_corpus_unavailable(app, resp);
  srv_input in;
  dz_error err = {0};
  int st = srv_input_parse(&in, req, resp);
  if (!st && in.ndocs == 0) st = srv_error(resp, 400, "no_document", "请上传要加入语料库的 .txt/.docx 文件。");
  /* Read every document first, so that a bad one refuses the request before anything is added. */
  for (size_t i = 0; !st && i < in.ndocs; i++) {
    dz_text *t = NULL;
    st = srv_input_read(&t, &in.docs[i], app->max_body, resp);
    dz_text_free(t);
  }
  if (st) { srv_input_free(&in); return st; }
  json_t *added = json_array();
  pthread_mutex_lock(&app->index_lock);
  int rc = dz_index_begin(app->index, &err);
  for (size_t i = 0; !rc && i < in.ndocs; i++) {
    int64_t id = 0;
    int dup = 0;
    rc = dz_index_add(&id, app->index, in.docs[i].name, in.docs[i].data, in.docs[i].len, 0, &dup, &err);
    if (!rc) json_array_append_new(added, json_pack("{s:s,s:I,s:b}", "name", in.docs[i].name, "id", (json_int_t)id, "duplicate", dup));
  }
  if (!rc) rc = dz_index_commit(app->index, &err);
  else {
    dz_error ignore;
    dz_index_commit(app->index, &ignore); /* a store failure: keep what was added before it */
  }
  pthread_mutex_unlock(&app->index_lock);
  srv_input_free(&in);
  if (rc) {
    json_decref(added);
    return err.code == DZ_EIO ? srv_error(resp, 503, "corpus_unavailable", "%s", err.message) : srv_error_dz(resp, &err, 1);
  }
  return srv_json(resp, 200, json_pack("{s:i,s:o}", "schema", 1, "added", added));
}

int srv_route_corpus_remove(srv_app *app, const srv_req *req, srv_resp *resp) {
  if (!app->index) return srv_corpus_unavailable(app, resp);
  const char *s = req->path + strlen("/api/corpus/");
  char *end;
  long long id = strtoll(s, &end, 10);
  if (!*s || *end || id <= 0) return srv_error(resp, 400, "bad_input", "语料编号“%s”不是正整数。", s);
  dz_error err = {0};
  pthread_mutex_lock(&app->index_lock);
  int rc = dz_index_remove(app->index, id, &err);
  pthread_mutex_unlock(&app->index_lock);
  if (rc == DZ_ENOTFOUND) return srv_error(resp, 404, "not_found", "语料库中没有编号为 %lld 的文档。", id);
  if (rc) return srv_error(resp, 503, "corpus_unavailable", "%s", err.message);
  return srv_json(resp, 200, json_pack("{s:I}", "removed", (json_int_t)id));
}
