/* Listening addresses: "ADDR:PORT" parsing, the loopback test behind the token rule, and the
** bound socket handed to libmicrohttpd. */
#ifndef DZ_SERVER_LISTEN_H
#define DZ_SERVER_LISTEN_H
#include <sys/socket.h>
#include "duizhao.h"

typedef struct srv_addr {
  struct sockaddr_storage ss;
  socklen_t len;
  int loopback; /* 127.0.0.0/8 or ::1 */
} srv_addr;

/* Parse "127.0.0.1:8080", "[::1]:8080", "localhost:8080", "0.0.0.0:80" or ":8080" (all
** interfaces). Port 0 asks the kernel for a free port. */
int srv_addr_parse(srv_addr *out, const char *spec, dz_error *err);

/* A non-blocking listening socket bound to `a`; *port receives the bound port. */
int srv_listen(int *fd, const srv_addr *a, int *port, dz_error *err);

/* "http://HOST:PORT/" for messages. */
void srv_addr_url(const srv_addr *a, int port, char *out, size_t cap);
#endif
