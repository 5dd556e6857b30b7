/* The route handlers, one file each (route_<name>.c), called through srv_dispatch. */
#ifndef DZ_SERVER_ROUTES_H
#define DZ_SERVER_ROUTES_H
#include "server/server.h"

int srv_route_health(srv_app *app, const srv_req *req, srv_resp *resp);
int srv_route_parse(srv_app *app, const srv_req *req, srv_resp *resp);
int srv_route_check(srv_app *app, const srv_req *req, srv_resp *resp);
int srv_route_profiles(srv_app *app, const srv_req *req, srv_resp *resp);
int srv_route_similar(srv_app *app, const srv_req *req, srv_resp *resp);
int srv_route_batch(srv_app *app, const srv_req *req, srv_resp *resp);
int srv_route_corpus_list(srv_app *app, const srv_req *req, srv_resp *resp);
int srv_route_corpus_add(srv_app *app, const srv_req *req, srv_resp *resp);
int srv_route_corpus_remove(srv_app *app, const srv_req *req, srv_resp *resp);
int srv_route_fmt(srv_app *app, const srv_req *req, srv_resp *resp);
int srv_route_fix(srv_app *app, const srv_req *req, srv_resp *resp);
int srv_route_static(srv_app *app, const srv_req *req, srv_resp *resp);
#endif
