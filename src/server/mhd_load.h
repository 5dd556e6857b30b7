/* libmicrohttpd, loaded when the server starts (util/dl.h): only `duizhao serve` needs it,
** and linking it made every command pay for GnuTLS and its eight libraries at start-up.
** microhttpd.h is included for its types and constants only; calls go through srv_mhd(). */
#ifndef DZ_SERVER_MHD_LOAD_H
#define DZ_SERVER_MHD_LOAD_H
#include <microhttpd.h>
#include "duizhao.h"
#include "util/dl.h"

/* The functions server.c calls; a member has the type of the function it names. */
#define SRV_MHD_FUNCS(X)                                                                          \
  X(MHD_start_daemon) X(MHD_stop_daemon) X(MHD_quiesce_daemon) X(MHD_lookup_connection_value)     \
  X(MHD_create_response_from_buffer) X(MHD_add_response_header) X(MHD_queue_response)             \
  X(MHD_destroy_response)

typedef struct srv_mhd_api {
  SRV_MHD_FUNCS(DZ_DL_MEMBER)
} srv_mhd_api;

/* Load libmicrohttpd.so.12 (once per process); a missing library gives a Chinese error. */
int srv_mhd_load(dz_error *err);

/* The table; valid after srv_mhd_load succeeded. */
const srv_mhd_api *srv_mhd(void);
#endif
