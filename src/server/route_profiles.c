/* GET /api/profiles: the meeting frameworks the checker knows, for the page's selector. */
#include "server/routes.h"

int srv_route_profiles(srv_app *app, const srv_req *req, srv_resp *resp) {
  const dz_checker *ck = app->checker;
  json_t *list = json_array();
  for (size_t i = 0; i < dz_checker_profile_count(ck); i++) {
    json_t *aspects = json_array();
    for (size_t a = 0; a < dz_checker_profile_aspect_count(ck, i); a++)
      json_array_append_new(aspects, json_string(dz_checker_profile_aspect(ck, i, a)));
    int year = dz_checker_profile_year(ck, i);
    json_array_append_new(list, json_pack("{s:s,s:s,s:s?,s:o,s:s?,s:o}", "id", dz_checker_profile_id(ck, i),
                                          "name", dz_checker_profile_name(ck, i),
                                          "meeting", dz_checker_profile_meeting(ck, i),
                                          "year", year ? json_integer(year) : json_null(),
                                          "source", dz_checker_profile_source(ck, i), "aspects", aspects));
  }
  return srv_json(resp, 200, json_pack("{s:i,s:o}", "schema", 1, "profiles", list));
}
