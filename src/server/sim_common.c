/* Rendering library reports into response bodies; the corpus-unavailable answer. */
#include <stdlib.h>
#include "server/sim_common.h"

int srv_render(srv_resp *resp, int html, int (*fn)(FILE *f, const void *obj, int html), const void *obj) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) return srv_error(resp, 503, "busy", "服务器内存不足，请稍后重试。");
  int rc = fn(f, obj, html);
  if (fclose(f) || rc) {
    free(buf);
    return srv_error(resp, 500, "internal", "生成报告失败。");
  }
  return srv_body(resp, 200, html ? "text/html; charset=utf-8" : "application/json; charset=utf-8", buf, len);
}

int srv_corpus_unavailable(srv_app *app, srv_resp *resp) {
  return srv_error(resp, 503, "corpus_unavailable", "语料库不可用：%s", app->index_error[0] ? app->index_error : "未打开。");
}
