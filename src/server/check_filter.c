/* Rule globs and the user dictionary applied to a check's findings (see check_filter.h). */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include "server/check_filter.h"

static char *dup_param(json_t *params, const char *key, int *bad) {
  json_t *v = json_object_get(params, key);
  if (!v || json_is_null(v)) return NULL;
  if (!json_is_string(v)) { *bad = 1; return NULL; }
  return strdup(json_string_value(v));
}

static int add_word(srv_filter *f, const char *w, size_t n) {
  while (n && (*w == ' ' || *w == '\t' || *w == '\r')) w++, n--;
  while (n && (w[n - 1] == ' ' || w[n - 1] == '\t' || w[n - 1] == '\r')) n--;
  if (!n) return 0;
  if (f->nwords == SRV_MAX_DICT) return 0; /* cap: a huge dictionary only costs us time */
  f->words[f->nwords] = w;
  f->wlen[f->nwords++] = n;
  return 0;
}

int srv_filter_init(srv_filter *f, json_t *params, srv_resp *resp) {
  int bad = 0;
  memset(f, 0, sizeof *f);
  f->rules = dup_param(params, "rules", &bad);
  f->ignore = dup_param(params, "ignore", &bad);
  if (bad) return srv_error(resp, 400, "bad_option", "选项 rules 和 ignore 应为以逗号分隔的规则名，例如 \"text.*,structure.*\"。");
  json_t *dict = json_object_get(params, "dictionary");
  f->words = malloc(SRV_MAX_DICT * sizeof *f->words);
  f->wlen = malloc(SRV_MAX_DICT * sizeof *f->wlen);
  if (!f->words || !f->wlen) return srv_error(resp, 503, "busy", "服务器内存不足，请稍后重试。");
  if (json_is_string(dict)) { /* a form field: one word per line */
    const char *s = json_string_value(dict), *e;
    for (; (e = strchr(s, '\n')); s = e + 1) add_word(f, s, (size_t)(e - s));
    add_word(f, s, strlen(s));
  } else if (json_is_array(dict)) {
    size_t i;
    json_t *w;
    json_array_foreach(dict, i, w) {
      if (!json_is_string(w)) return srv_error(resp, 400, "bad_option", "词典 dictionary 应为字符串数组。");
      add_word(f, json_string_value(w), json_string_length(w));
    }
  } else if (dict && !json_is_null(dict)) {
    return srv_error(resp, 400, "bad_option", "词典 dictionary 应为字符串数组。");
  }
  return 0;
}

void srv_filter_free(srv_filter *f) {
  free(f->rules);
  free(f->ignore);
  free(f->words);
  free(f->wlen);
  memset(f, 0, sizeof *f);
}

/* Whether `rule` matches one of the comma-separated globs. */
static int any_glob(const char *globs, const char *rule) {
  const char *p = globs;
  while (*p) {
    const char *e = strchr(p, ',');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    char g[128];
    while (n && *p == ' ') p++, n--;
    while (n && p[n - 1] == ' ') n--;
    if (n && n < sizeof g) {
      memcpy(g, p, n);
      g[n] = 0;
      if (!fnmatch(g, rule, 0)) return 1;
    }
    if (!e) break;
    p = e + 1;
  }
  return 0;
}

/* Every glob of rules/ignore must name a rule, as on the command line: a typo must not
** silently drop every finding (rules) or none (ignore) and answer with a clean report. */
int srv_filter_validate(const srv_filter *f, const dz_checker *ck, srv_resp *resp) {
  const char *lists[2] = {f->rules, f->ignore}, *names[2] = {"rules", "ignore"};
  for (int k = 0; k < 2; k++) {
    for (const char *p = lists[k]; p && *p;) {
      const char *e = strchr(p, ',');
      size_t n = e ? (size_t)(e - p) : strlen(p);
      while (n && *p == ' ') p++, n--;
      while (n && p[n - 1] == ' ') n--;
      char g[128];
      if (n) {
        if (n >= sizeof g) n = sizeof g - 1;
        memcpy(g, p, n);
        g[n] = 0;
        int hit = !strncmp(g, "spell", 5); /* spelling rules may be registered later */
        for (size_t i = 0; i < dz_checker_rule_count(ck) && !hit; i++) hit = !fnmatch(g, dz_checker_rule_id(ck, i), 0);
        if (!hit)
          return srv_error(resp, 400, "bad_option", "选项 %s 中的“%s”不匹配任何规则。运行 duizhao check --list-rules 查看规则编号。",
                           names[k], g);
      }
      if (!e) break;
      p = e + 1;
    }
  }
  return 0;
}

int srv_filter_drops(const srv_filter *f, const char *rule, const char *s, size_t n, size_t ds, size_t de) {
  if (f->rules && !any_glob(f->rules, rule)) return 1;
  if (f->ignore && any_glob(f->ignore, rule)) return 1;
  /* A dictionary word covering the whole span: look for it starting between de-len and ds. */
  for (size_t i = 0; i < f->nwords; i++) {
    size_t wl = f->wlen[i];
    if (wl < de - ds || ds > n || de > n) continue;
    size_t lo = de >= wl ? de - wl : 0, hi = ds + wl < n ? ds + wl : n;
    for (const char *p = s + lo; p < s + hi;) {
      const char *m = memmem(p, (size_t)(s + hi - p), f->words[i], wl);
      if (!m) break;
      if ((size_t)(m - s) <= ds && (size_t)(m - s) + wl >= de) return 1;
      p = m + 1;
    }
  }
  return 0;
}

void srv_filter_fix_summary(json_t *report, json_t *kept) {
  json_t *sum = json_object_get(report, "summary");
  if (!json_is_object(sum)) return;
  size_t counts[3] = {0, 0, 0}, i;
  static const char *sev[3] = {"info", "warning", "error"};
  json_t *f;
  json_array_foreach(kept, i, f) {
    const char *s = json_string_value(json_object_get(f, "severity"));
    for (int k = 0; s && k < 3; k++)
      if (!strcmp(s, sev[k])) counts[k]++;
  }
  for (int k = 0; k < 3; k++)
    if (json_object_get(sum, sev[k])) json_object_set_new(sum, sev[k], json_integer((json_int_t)counts[k]));
  if (json_object_get(sum, "total")) json_object_set_new(sum, "total", json_integer((json_int_t)json_array_size(kept)));
  if (json_object_get(sum, "findings")) json_object_set_new(sum, "findings", json_integer((json_int_t)json_array_size(kept)));
}
