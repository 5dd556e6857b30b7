/* `duizhao serve [--listen ADDR:PORT] [--db PATH] [--token TOKEN] [--max-body SIZE]`: the
** JSON API and the web page. SIGTERM and SIGINT stop it gracefully (requests in flight
** finish, the corpus is closed) with exit code 0. */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static void usage(FILE *f) {
  fprintf(f,
          "用法：duizhao serve [--listen 地址:端口] [--db 路径] [--token 令牌] [--max-body 大小]\n\n"
          "启动网页和 JSON 接口。用浏览器打开显示的地址，即可粘贴或上传材料进行检查、查重和批量比对。\n\n"
          "选项：\n"
          "  --listen 地址:端口   监听地址（默认 127.0.0.1:8080；端口 0 表示任选空闲端口）\n"
          "  --db 路径            查重语料库（默认 ~/.local/share/duizhao/corpus.db）\n"
          "  --token 令牌         访问令牌：设置后每个 /api/ 请求都须带 Authorization: Bearer 令牌；\n"
          "                       监听非本机地址时必须设置（也可用环境变量 DUIZHAO_TOKEN）\n"
          "  --max-body 大小      单个请求的大小上限，如 20M（默认 20M）\n"
          "  --threads 数量       工作线程数（默认为 CPU 数的 2 倍）\n"
          "  --max-connections 数量  同时连接数上限（默认 256）\n"
          "  --idle-timeout 秒    连接空闲多久后断开（默认 30）\n"
          "  --request-timeout 秒 接收一个请求的时间上限（默认 60）\n"
          "  --quiet              不输出访问日志\n"
          "  -h, --help           显示本帮助\n\n"
          "按 Ctrl+C 或发送 SIGTERM 停止：正在处理的请求会先完成。\n");
}

/* A positive whole number up to `max` for option `what`; prints a usage error otherwise. */
static int count_opt(const char *v, long max, const char *what, unsigned *out) {
  char *end;
  long n = strtol(v, &end, 10);
  if (!*v || *end || n < 1 || n > max) {
    cli_usage_error("serve", "无效的%s“%s”（1 到 %ld）。", what, v, max);
    return -1;
  }
  *out = (unsigned)n;
  return 0;
}

int dz_cmd_serve(int argc, char **argv) {
  dz_server_options o = DZ_SERVER_OPTIONS_INIT;
  const char *v;
  for (int i = 1; i < argc; i++) {
    int r;
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      usage(stdout);
      return DZ_EXIT_OK;
    }
    if ((r = cli_opt("serve", argc, argv, &i, "--listen", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      o.listen = v;
    } else if ((r = cli_opt("serve", argc, argv, &i, "--db", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      o.db_path = v;
    } else if ((r = cli_opt("serve", argc, argv, &i, "--token", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      if (!*v) return cli_usage_error("serve", "令牌不能为空。");
      o.token = v;
    } else if ((r = cli_opt("serve", argc, argv, &i, "--max-body", &v))) {
      if (r < 0) return DZ_EXIT_USAGE;
      if (cli_parse_size(v, &o.max_body) || !o.max_body) return cli_usage_error("serve", "无效的大小“%s”。", v);
    } else if ((r = cli_opt("serve", argc, argv, &i, "--threads", &v))) {
      if (r < 0 || count_opt(v, 256, "线程数", &o.threads)) return DZ_EXIT_USAGE;
    } else if ((r = cli_opt("serve", argc, argv, &i, "--max-connections", &v))) {
      if (r < 0 || count_opt(v, 100000, "连接数", &o.max_connections)) return DZ_EXIT_USAGE;
    } else if ((r = cli_opt("serve", argc, argv, &i, "--idle-timeout", &v))) {
      if (r < 0 || count_opt(v, 86400, "秒数", &o.idle_timeout)) return DZ_EXIT_USAGE;
    } else if ((r = cli_opt("serve", argc, argv, &i, "--request-timeout", &v))) {
      if (r < 0 || count_opt(v, 86400, "秒数", &o.request_timeout)) return DZ_EXIT_USAGE;
    } else if (!strcmp(argv[i], "--quiet")) {
      o.quiet = 1;
    } else {
      return cli_usage_error("serve", "未知参数“%s”。", argv[i]);
    }
  }
  if (!o.token) {
    const char *env = getenv("DUIZHAO_TOKEN");
    if (env && *env) o.token = env;
  }
  /* Block the stop signals in every thread (workers inherit the mask); this thread waits. */
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop, NULL);
  signal(SIGPIPE, SIG_IGN);
  dz_error err = {0};
  dz_server *s = NULL;
  if (dz_server_start(&s, &o, &err)) return cli_fail("serve", &err);
  fprintf(stderr, "duizhao serve: 已启动，请用浏览器打开 %s（按 Ctrl+C 停止）\n", dz_server_url(s));
  int sig = 0;
  sigwait(&stop, &sig);
  fprintf(stderr, "duizhao serve: 收到%s信号，正在完成进行中的请求并退出……\n", sig == SIGINT ? " SIGINT " : " SIGTERM ");
  dz_server_stop(s, 10000);
  fprintf(stderr, "duizhao serve: 已停止\n");
  return DZ_EXIT_OK;
}
