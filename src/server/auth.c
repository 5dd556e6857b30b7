/* The token rule: when a token is set, every /api/ call carries "Authorization: Bearer TOKEN".
** The comparison takes the same time wherever the first difference is. */
#include <string.h>
#include <strings.h>
#include "server/server.h"

int srv_needs_auth(const char *path) { return !strncmp(path, "/api/", 5) || !strcmp(path, "/api"); }

int srv_auth_ok(const srv_app *app, const char *authorization) {
  if (!app->token) return 1;
  if (!authorization || strncasecmp(authorization, "Bearer ", 7)) return 0;
  const char *given = authorization + 7;
  while (*given == ' ') given++;
  size_t a = strlen(given), b = strlen(app->token);
  unsigned char diff = (unsigned char)(a != b);
  for (size_t i = 0; i < b; i++) diff |= (unsigned char)(given[i < a ? i : 0] ^ app->token[i]);
  return diff == 0;
}
