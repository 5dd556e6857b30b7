/*
** The user's config, duizhao.json: rule switches and severities, a dictionary of words that
** are never flagged (names, unit terms), extra confusion pairs, and findings to ignore.
**
**   {"rules": {"text.punct": "off", "content.*": "info"},
**    "dictionary": ["张三"], "confusions": [["按步就搬", "按部就班"]],
**    "ignore": [{"rule": "text.repeat", "text": "哈哈"}]}
**
** Unknown keys and wrong types are errors naming the file (and the line for syntax errors):
** a config that silently does nothing is the complaint users of other checkers raise most.
*/
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/check_int.h"
#include "util/error.h"
#include "util/file.h"

/* A config error naming the file (the line is unknown here). */
static int bad(dz_error *err, const char *path, const char *what) {
  return dz__error_set(err, DZ_EINVALID, "配置文件 %s 有误：%s。", path, what);
}

/* The same, naming the line where `key` appears when it can be found. */
static int bad_at(dz_error *err, const char *path, int line, const char *what) {
  if (line <= 0) return bad(err, path, what);
  return dz__error_set(err, DZ_EINVALID, "配置文件 %s 第 %d 行有误：%s。", path, line, what);
}

/* Severity of a config value; -1 off, -2 not a severity. */
static int sev_of(const char *s) {
  if (!strcmp(s, "off")) return -1;
  if (!strcmp(s, "info")) return DZ_SEV_INFO;
  if (!strcmp(s, "warning")) return DZ_SEV_WARNING;
  if (!strcmp(s, "error")) return DZ_SEV_ERROR;
  return -2;
}

/* The user's dictionary joins the automaton as DICT patterns. */
static int add_user_words(dz_checker *ck, json_t *dict, const char *path, dz_error *err) {
  size_t i;
  json_t *x;
  json_array_foreach(dict, i, x) {
    if (!json_is_string(x) || !*json_string_value(x) || strlen(json_string_value(x)) > DZ_MAX_PATTERN)
      return bad(err, path, "dictionary 必须是非空字符串的数组（每项不超过 255 字节）");
    const char *w = json_string_value(x);
    if (dz_ac_add(ck->ac, w, strlen(w), DZ_MK(DZ_MK_DICT, ck->ndict))) return dz__error_nomem(err);
    ck->ndict++;
  }
  return 0;
}

/* Extra confusion pairs: appended after the curated ones, same rule. */
static int add_user_confusions(dz_checker *ck, json_t *pairs, const char *path, dz_error *err) {
  size_t n = json_array_size(pairs);
  dz_confusion *c = dz_pool_alloc(&ck->pool, (ck->nconf + n + 1) * sizeof *c);
  if (!c) return dz__error_nomem(err);
  if (ck->nconf) memcpy(c, ck->conf, ck->nconf * sizeof *c);
  ck->conf = c;
  size_t i;
  json_t *x;
  json_array_foreach(pairs, i, x) {
    json_t *w = json_array_get(x, 0), *r = json_array_get(x, 1);
    if (!json_is_array(x) || json_array_size(x) != 2 || !json_is_string(w) || !json_is_string(r) ||
        !*json_string_value(w) || strlen(json_string_value(w)) > DZ_MAX_PATTERN ||
        !strcmp(json_string_value(w), json_string_value(r)))
      return bad(err, path, "confusions 的每项必须是 [\"误写\", \"正确写法\"] 且两者不同");
    dz_confusion *e = &ck->conf[ck->nconf];
    e->wrong = dz_pool_strdup(&ck->pool, json_string_value(w));
    e->right = dz_pool_strdup(&ck->pool, json_string_value(r));
    e->note = "用户配置";
    e->exc = NULL, e->nexc = 0;
    if (!e->wrong || !e->right) return dz__error_nomem(err);
    if (dz_ac_add(ck->ac, e->wrong, strlen(e->wrong), DZ_MK(DZ_MK_CONF, ck->nconf))) return dz__error_nomem(err);
    ck->nconf++;
  }
  return 0;
}

/* 1-based line of the first occurrence of "key" in the config text, or 0. */
static int line_of(const char *json, size_t len, const char *key) {
  char q[300];
  int n = snprintf(q, sizeof q, "\"%s\"", key);
  if (n <= 0 || (size_t)n >= sizeof q) return 0;
  const char *p = memmem(json, len, q, (size_t)n);
  if (!p) return 0;
  int line = 1;
  for (const char *c = json; c < p; c++) line += *c == '\n';
  return line;
}

/* Read the config file (absent ./duizhao.json is fine; an explicit path must exist). */
int dz__load_config(dz_checker *ck, const char *path, int explicit_path, dz_error *err) {
  if (!explicit_path && access(path, F_OK) != 0) return 0;
  FILE *f = fopen(path, "rb");
  if (!f) return dz__error_set(err, DZ_EIO, "无法读取配置文件 %s。请检查路径和权限。", path);
  char *buf = NULL;
  size_t len = 0;
  int rc = dz__read_all(f, (size_t)16 << 20, &buf, &len);
  fclose(f);
  if (rc || len > ((size_t)16 << 20)) {
    free(buf);
    return dz__error_set(err, rc ? rc : DZ_ETOOBIG, "无法读取配置文件 %s（读取失败或超过 16 MB）。", path);
  }
  rc = dz__config_parse(ck, buf, len, path, err);
  free(buf);
  return rc;
}

/* Validate and apply a config held in memory (also the fuzz entry point). */
int dz__config_parse(dz_checker *ck, const char *json, size_t len, const char *path, dz_error *err) {
  json_error_t je;
  json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
  if (!root)
    return dz__error_set(err, DZ_EINVALID, "配置文件 %s 第 %d 行不是合法的 JSON：%s。", path, je.line, je.text);
  int rc = 0;
  ck->config_path = dz_pool_strdup(&ck->pool, path);
  if (!json_is_object(root)) {
    rc = bad(err, path, "顶层必须是对象");
    goto done;
  }
  const char *key;
  json_t *v;
  json_object_foreach(root, key, v) {
    if (!strcmp(key, "rules")) {
      if (!json_is_object(v)) {
        rc = bad(err, path, "rules 必须是对象，如 {\"text.punct\": \"off\"}");
        goto done;
      }
      ck->ovr = dz_pool_alloc(&ck->pool, (json_object_size(v) + 1) * sizeof *ck->ovr);
      if (!ck->ovr) {
        rc = dz__error_nomem(err);
        goto done;
      }
      const char *rk;
      json_t *rv;
      json_object_foreach(v, rk, rv) {
        int s = json_is_string(rv) ? sev_of(json_string_value(rv)) : -2;
        if (s == -2) {
          char what[300];
          snprintf(what, sizeof what, "规则“%.200s”的取值必须是 off、info、warning 或 error", rk);
          rc = bad_at(err, path, line_of(json, len, rk), what);
          goto done;
        }
        ck->ovr[ck->novr++] = (dz_sev_override){dz_pool_strdup(&ck->pool, rk), s};
      }
    } else if (!strcmp(key, "dictionary")) {
      if (!json_is_array(v)) {
        rc = bad(err, path, "dictionary 必须是字符串数组");
        goto done;
      }
      if ((rc = add_user_words(ck, v, path, err))) goto done;
    } else if (!strcmp(key, "confusions")) {
      if (!json_is_array(v)) {
        rc = bad(err, path, "confusions 必须是数组");
        goto done;
      }
      if ((rc = add_user_confusions(ck, v, path, err))) goto done;
    } else if (!strcmp(key, "ignore")) {
      if (!json_is_array(v)) {
        rc = bad(err, path, "ignore 必须是数组");
        goto done;
      }
      ck->ign = dz_pool_alloc(&ck->pool, (json_array_size(v) + 1) * sizeof *ck->ign);
      if (!ck->ign) {
        rc = dz__error_nomem(err);
        goto done;
      }
      size_t i;
      json_t *x;
      json_array_foreach(v, i, x) {
        json_t *r = json_object_get(x, "rule"), *t = json_object_get(x, "text");
        if (!json_is_object(x) || !json_is_string(r) || (t && !json_is_string(t))) {
          rc = bad(err, path, "ignore 的每项必须是 {\"rule\": \"规则编号\", \"text\": \"原文\"}（text 可省略）");
          goto done;
        }
        ck->ign[ck->nign++] = (dz_ignore){dz_pool_strdup(&ck->pool, json_string_value(r)),
                                           t ? dz_pool_strdup(&ck->pool, json_string_value(t)) : NULL};
      }
    } else {
      char what[300];
      snprintf(what, sizeof what, "未知的键“%.200s”（可用：rules、dictionary、confusions、ignore）", key);
      rc = bad_at(err, path, line_of(json, len, key), what);
      goto done;
    }
  }
  if (ck->pool.oom) rc = dz__error_nomem(err);
done:
  json_decref(root);
  return rc;
}
