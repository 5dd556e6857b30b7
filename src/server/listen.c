/* Address parsing and socket setup. We bind the socket ourselves (rather than letting
** libmicrohttpd do it) so that a busy port or a bad address gets a clear Chinese message and
** so that port 0 works for tests, which read the chosen port back. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "server/listen.h"
#include "util/error.h"

static int is_loopback(const struct sockaddr_storage *ss) {
  if (ss->ss_family == AF_INET)
    return (ntohl(((const struct sockaddr_in *)ss)->sin_addr.s_addr) >> 24) == 127;
  if (ss->ss_family == AF_INET6) {
    const struct in6_addr *a = &((const struct sockaddr_in6 *)ss)->sin6_addr;
    if (IN6_IS_ADDR_LOOPBACK(a)) return 1;
    if (IN6_IS_ADDR_V4MAPPED(a)) return a->s6_addr[12] == 127;
  }
  return 0;
}

int srv_addr_parse(srv_addr *out, const char *spec, dz_error *err) {
  char host[256];
  const char *colon, *port;
  memset(out, 0, sizeof *out);
  if (spec[0] == '[') { /* [v6]:port */
    const char *close = strchr(spec, ']');
    if (!close || close[1] != ':' || (size_t)(close - spec - 1) >= sizeof host) goto bad;
    memcpy(host, spec + 1, (size_t)(close - spec - 1));
    host[close - spec - 1] = 0;
    port = close + 2;
  } else {
    if (!(colon = strrchr(spec, ':')) || (size_t)(colon - spec) >= sizeof host) goto bad;
    memcpy(host, spec, (size_t)(colon - spec));
    host[colon - spec] = 0;
    port = colon + 1;
  }
  char *end;
  long p = strtol(port, &end, 10);
  if (!*port || *end || p < 0 || p > 65535) goto bad;
  struct addrinfo hints = {0}, *res = NULL;
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  if (getaddrinfo(host[0] ? host : NULL, port, &hints, &res) || !res)
    return dz__error_set(err, DZ_EINVALID, "无法解析监听地址“%s”：请写成 地址:端口，例如 127.0.0.1:8080。", spec);
  /* Prefer IPv4 when a name resolves to both (localhost). */
  struct addrinfo *pick = res;
  for (struct addrinfo *r = res; r; r = r->ai_next)
    if (r->ai_family == AF_INET) { pick = r; break; }
  memcpy(&out->ss, pick->ai_addr, pick->ai_addrlen);
  out->len = pick->ai_addrlen;
  freeaddrinfo(res);
  out->loopback = is_loopback(&out->ss);
  return 0;
bad:
  return dz__error_set(err, DZ_EINVALID, "监听地址“%s”格式不对：请写成 地址:端口，例如 127.0.0.1:8080 或 [::1]:8080。", spec);
}

int srv_listen(int *fd, const srv_addr *a, int *port, dz_error *err) {
  int s = socket(a->ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0) return dz__error_set(err, DZ_EIO, "无法创建套接字：%s。", strerror(errno));
  int one = 1;
  setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  char url[300];
  srv_addr_url(a, -1, url, sizeof url);
  if (bind(s, (const struct sockaddr *)&a->ss, a->len) || listen(s, 256)) {
    int e = errno;
    close(s);
    if (e == EADDRINUSE)
      return dz__error_set(err, DZ_EIO, "地址 %s 已被占用：请先关闭占用该端口的程序，或用 --listen 换一个端口。", url);
    return dz__error_set(err, DZ_EIO, "无法在 %s 上监听：%s。", url, strerror(e));
  }
  fcntl(s, F_SETFL, fcntl(s, F_GETFL) | O_NONBLOCK);
  struct sockaddr_storage bound;
  socklen_t bl = sizeof bound;
  getsockname(s, (struct sockaddr *)&bound, &bl);
  *port = ntohs(bound.ss_family == AF_INET ? ((struct sockaddr_in *)&bound)->sin_port
                                           : ((struct sockaddr_in6 *)&bound)->sin6_port);
  *fd = s;
  return 0;
}

void srv_addr_url(const srv_addr *a, int port, char *out, size_t cap) {
  char host[INET6_ADDRSTRLEN] = "?";
  int p;
  if (a->ss.ss_family == AF_INET6) {
    const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)&a->ss;
    inet_ntop(AF_INET6, &s6->sin6_addr, host, sizeof host);
    p = port >= 0 ? port : ntohs(s6->sin6_port);
    snprintf(out, cap, "http://[%s]:%d/", host, p);
  } else {
    const struct sockaddr_in *s4 = (const struct sockaddr_in *)&a->ss;
    inet_ntop(AF_INET, &s4->sin_addr, host, sizeof host);
    p = port >= 0 ? port : ntohs(s4->sin_port);
    snprintf(out, cap, "http://%s:%d/", host, p);
  }
}
