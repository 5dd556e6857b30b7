/*
** Fuzz target: the server's request side without sockets. The first byte picks the
** Content-Type (JSON, multipart with a fixed boundary, multipart with a boundary taken from
** the input, text/plain, none); the rest is the body. The body goes through srv_input_parse,
** every document through srv_input_read, the options through srv_filter_init, and the whole
** request through srv_dispatch as POST /api/parse and POST /api/check (with one checker made
** at the first call, as the server does). Every answer must be a status in 200..599 with a
** body, and a 200 from /api/check must be valid JSON; a crash, leak or sanitizer report is a
** bug.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/check_filter.h"
#include "server/input.h"
#include "server/server.h"

static const char *no_query(const srv_req *r, const char *k) { return NULL; }

/* One request through the dispatcher; aborts on an impossible answer. */
static void dispatch(srv_app *app, srv_req *req, const char *path) {
  srv_resp resp = {0};
  char allow[64];
  req->path = path;
  int st = srv_dispatch(app, req, &resp, allow, sizeof allow);
  if (st < 200 || st > 599 || resp.status != st || !resp.body) abort();
  if (st == 200 && !strcmp(path, "/api/check")) {
    json_t *j = json_loadb(resp.body, resp.len, 0, NULL);
    if (!j) abort();
    json_decref(j);
  }
  srv_resp_clear(&resp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  char ct[200];
  const char *body = (const char *)data + 1;
  size_t len = size - 1;
  switch (data[0] % 5) {
  case 0: snprintf(ct, sizeof ct, "application/json"); break;
  case 1: snprintf(ct, sizeof ct, "multipart/form-data; boundary=XyZ"); break;
  case 2: { /* boundary from the input: up to the first newline */
    const char *nl = memchr(body, '\n', len);
    size_t bl = nl ? (size_t)(nl - body) : 0;
    if (bl > 100) bl = 100;
    snprintf(ct, sizeof ct, "multipart/form-data; boundary=\"%.*s\"", (int)bl, body);
    break;
  }
  case 3: snprintf(ct, sizeof ct, "text/plain; charset=utf-8"); break;
  default: ct[0] = 0; break;
  }
  char *copy = malloc(len + 1); /* the server hands routes a NUL-terminated body */
  if (!copy) return 0;
  memcpy(copy, body, len);
  copy[len] = 0;
  srv_req req = {"POST", "/api/parse", ct[0] ? ct : NULL, copy, len, no_query, NULL};

  srv_resp resp = {0};
  srv_input in;
  if (srv_input_parse(&in, &req, &resp) == 0) {
    for (size_t i = 0; i < in.ndocs; i++) {
      dz_text *t = NULL;
      if (srv_input_read(&t, &in.docs[i], 1 << 20, &resp) == 0) dz_text_free(t);
    }
    srv_filter f;
    srv_filter_init(&f, in.params, &resp);
    srv_filter_free(&f);
  }
  srv_input_free(&in);
  srv_resp_clear(&resp);

  static srv_app app;
  static int ready;
  if (!ready) { /* like the server: one app for every request (leaked at exit on purpose) */
    app.max_body = 1 << 20;
    dz_error e;
    if (dz_checker_new(&app.checker, NULL, &e)) abort();
    ready = 1;
  }
  dispatch(&app, &req, "/api/parse");
  dispatch(&app, &req, "/api/check");
  free(copy);
  return 0;
}
