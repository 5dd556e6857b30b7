/* The common front half of the one-document routes (parse, check, fmt, fix): read the body,
** take its one document, decode and parse it, read the finding filters, and optionally run
** the shared checker. Each step fills an HTTP error on failure. */
#ifndef DZ_SERVER_DOCREQ_H
#define DZ_SERVER_DOCREQ_H
#include "server/check_filter.h"
#include "server/input.h"
#include "server/server.h"

typedef struct srv_docreq {
  srv_input in;
  const srv_doc_in *src; /* the uploaded or pasted document */
  dz_doc *doc;
  srv_filter flt;
  dz_result *res;        /* after srv_docreq_check */
} srv_docreq;

/* Parse the body and the document. Returns 0 or the HTTP status already put in `resp`. */
int srv_docreq_load(srv_docreq *d, srv_app *app, const srv_req *req, srv_resp *resp);

/* Check the document with the request's profile option. An unknown profile is 400. */
int srv_docreq_check(srv_docreq *d, srv_app *app, srv_resp *resp);

/* Whether finding i survives the request's filters (rules, ignore, dictionary). */
int srv_docreq_keeps(const srv_docreq *d, size_t i);

void srv_docreq_free(srv_docreq *d);
#endif
