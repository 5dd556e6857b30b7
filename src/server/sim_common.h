/* Helpers shared by the originality routes (similar, batch, corpus). */
#ifndef DZ_SERVER_SIM_COMMON_H
#define DZ_SERVER_SIM_COMMON_H
#include <stdio.h>
#include "server/server.h"

/* Render through a FILE* writer into the response body (JSON or HTML by `html`). */
int srv_render(srv_resp *resp, int html, int (*fn)(FILE *f, const void *obj, int html), const void *obj);

/* 503 naming why the corpus is not available. */
int srv_corpus_unavailable(srv_app *app, srv_resp *resp);
#endif
