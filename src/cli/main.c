/*
** duizhao command-line entry: dispatches to one subcommand. The CLI is a thin shell over the
** library; every command parses arguments, calls dz_* functions and prints the result.
*/
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

typedef struct {
  const char *name;
  const char *summary;
  int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
#define DZ_COMMAND(name, summary) {#name, summary, dz_cmd_##name},
#include "cli/commands.def"
#undef DZ_COMMAND
};

static void print_help(FILE *f) {
  fprintf(f, "duizhao（对照）%s —— 公文与对照检查材料的检查工具\n\n", dz_version());
  fprintf(f, "用法：duizhao <命令> [选项] [文件...]\n\n命令：\n");
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf(f, "\n通用选项：\n  -h, --help     显示帮助\n  --version      显示版本\n");
  fprintf(f, "\n每个命令的详细用法：duizhao <命令> --help\n");
  fprintf(f, "退出码：0 成功；1 发现错误级问题；2 用法或输入错误。\n");
}

int main(int argc, char **argv) {
  if (argc < 2) {
    print_help(stderr);
    return DZ_EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
    print_help(stdout);
    return DZ_EXIT_OK;
  }
  if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
    printf("duizhao %s\n", dz_version());
    return DZ_EXIT_OK;
  }
  /* A command runs for seconds at most and allocates the same buffers for file after file:
  ** handing freed heap back to the kernel after each file (glibc's default above 128 KiB)
  ** cost a system call and fresh page faults for the next one. The long-running server keeps
  ** the default so that its memory shrinks after a large request. */
  if (strcmp(cmd, "serve")) {
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_TOP_PAD, 16 << 20); /* heaps grow in large steps: fewer mprotect calls */
    /* Reports into a pipe or file are written 64 KiB at a time rather than 4 KiB (a JSON
    ** report of 2,000 files took 1,250 write calls); a terminal keeps its line buffering. */
    static char outbuf[1 << 16]; /* glibc ignores the size unless given the buffer */
    if (!isatty(STDOUT_FILENO)) setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
  }
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (!strcmp(cmd, commands[i].name)) return commands[i].run(argc - 1, argv + 1);
  fprintf(stderr, "duizhao: 未知命令“%s”。运行 duizhao --help 查看可用命令。\n", cmd);
  return DZ_EXIT_USAGE;
}
