/* Per-request narrowing of check findings: rule-id globs to keep or drop, and a user
** dictionary whose words are never flagged. The checker is built once for all requests, so
** request options are applied to its findings rather than compiled into it. */
#ifndef DZ_SERVER_CHECK_FILTER_H
#define DZ_SERVER_CHECK_FILTER_H
#include "server/http.h"

#define SRV_MAX_DICT 2000   /* cap on dictionary words per request */

typedef struct srv_filter {
  char *rules, *ignore; /* comma-separated globs, or NULL */
  const char **words;   /* dictionary words (borrowed from the params) */
  size_t *wlen;
  size_t nwords;
} srv_filter;

/* Read "rules", "ignore" (strings) and "dictionary" (array of strings, or a string with one
** word per line) from the request's options. 400 on a wrong type. */
int srv_filter_init(srv_filter *f, json_t *params, srv_resp *resp);
void srv_filter_free(srv_filter *f);

/* 400 bad_option if a glob of rules/ignore matches no rule of the checker. */
int srv_filter_validate(const srv_filter *f, const dz_checker *ck, srv_resp *resp);

/* Whether the finding of `rule` over decoded [ds, de) of `s` is filtered out. */
int srv_filter_drops(const srv_filter *f, const char *rule, const char *s, size_t n, size_t ds, size_t de);

/* Recount a report's "summary" after findings were dropped (kept = the remaining findings). */
void srv_filter_fix_summary(json_t *report, json_t *kept);
#endif
