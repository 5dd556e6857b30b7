/* Shared pieces of the command-line shell: exit codes, usage errors, option parsing. */
#ifndef DZ_CLI_H
#define DZ_CLI_H
#include <stdio.h>
#include "duizhao.h"

/* Exit codes: 0 success (no error-severity finding), 1 findings of error severity, 2 usage or
** input error. */
enum { DZ_EXIT_OK = 0, DZ_EXIT_FINDINGS = 1, DZ_EXIT_USAGE = 2, DZ_EXIT_INTERNAL = 3 };

#define DZ_COMMAND(name, summary) int dz_cmd_##name(int argc, char **argv);
#include "cli/commands.def"
#undef DZ_COMMAND

/* Print "duizhao <cmd>: <message>" and a hint to stderr; returns DZ_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Print an error record for a failed library call on `what` (usually a file name) and return
** the exit code it maps to (2 for bad input, 3 for internal failures). */
int cli_fail(const char *cmd, const dz_error *err);

/* True when `arg` is `--name` or `--name=...`; *value receives the value (from the same arg or
** the next one, advancing *i). Returns -1 on a missing value (usage error already printed). */
int cli_opt(const char *cmd, int argc, char **argv, int *i, const char *name, const char **value);

/* Parse --max-size (bytes, with optional K/M/G suffix). Returns 0 on success. */
int cli_parse_size(const char *s, size_t *out);

/* A usage error when an input is given without -o, or when the output file is the input file
** itself (fmt a.txt -o a.txt would replace the only copy of the text); DZ_EXIT_OK otherwise. */
int cli_check_output(const char *cmd, const char *in, const char *out);

/* Write `len` bytes to `path` (a new or replaced file); prints a Chinese error and returns
** DZ_EXIT_USAGE on failure, DZ_EXIT_OK on success. */
int cli_write_file(const char *cmd, const char *path, const void *data, size_t len);

/* The options every document command shares, tried last in its argument loop: --max-size,
** an unknown option (usage error), and the one input file into *path. Returns 1 when argv[*i]
** was taken, -1 after printing a usage error. */
int cli_input_arg(const char *cmd, int argc, char **argv, int *i, const char **path, dz_decode_options *dopts);

/* Read and parse the input (a usage error when path is NULL); returns an exit code. */
int cli_load_doc(const char *cmd, const char *path, const dz_decode_options *dopts, dz_doc **doc);

/* Whether stdout is a terminal that wants colour (NO_COLOR unset). */
int cli_color(FILE *f);
#endif
