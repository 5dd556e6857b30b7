/* What a POST carries, whatever its encoding: documents (uploaded files or pasted text) and
** options. JSON bodies, text/plain bodies and multipart/form-data uploads all end up here, so
** routes never look at Content-Type themselves. */
#ifndef DZ_SERVER_INPUT_H
#define DZ_SERVER_INPUT_H
#include "server/http.h"
#include "server/multipart.h"

typedef struct srv_doc_in {
  char name[256];   /* file name as uploaded, or a default for pasted text */
  const char *data; /* borrowed from the request body or the JSON params */
  size_t len;
} srv_doc_in;

typedef struct srv_input {
  json_t *params;   /* a JSON object: the JSON body, or the form's fields */
  srv_doc_in *docs; /* documents in request order */
  size_t ndocs;
  srv_part *parts;  /* multipart storage */
} srv_input;

/* Parse the request body. Returns 0, or an HTTP error status with `resp` filled
** (400 malformed, 413 too many parts, 415 unsupported Content-Type). */
int srv_input_parse(srv_input *in, const srv_req *req, srv_resp *resp);
void srv_input_free(srv_input *in);

/* A string option (NULL when absent or not a string). */
const char *srv_param_str(const srv_input *in, const char *key);

/* Decode document `d` (type sniffed: .txt in any encoding or .docx). Returns 0, or an HTTP
** error status with `resp` filled: 415 for a type we do not read, 400 for unreadable bytes,
** 413 past `max_bytes`. */
int srv_input_read(dz_text **out, const srv_doc_in *d, size_t max_bytes, srv_resp *resp);

/* 0 when the file name has an extension we read (or none), else 415 with `resp` filled. */
int srv_input_type_ok(const srv_doc_in *d, srv_resp *resp);

/* The one document a single-document route needs: 400 when there is none or several. */
int srv_input_one(const srv_doc_in **out, const srv_input *in, srv_resp *resp);
#endif
