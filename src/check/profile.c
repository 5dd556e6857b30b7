/*
** Profiles (meeting frameworks) from data/profiles/ JSON files: parsed with jansson, validated
** (every error names the file and, for syntax errors, the line), copied into the checker's
** pool and kept sorted by id so that listings and ties are deterministic.
*/
#include <dirent.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"
#include "util/embed.h"
#include "util/error.h"

extern const dz_embedded_file dz_embedded_data[];

/* A string member copied to the pool; null or absent gives "" (flags *bad if required). */
static const char *str_field(dz_checker *ck, json_t *o, const char *key, int required, int *bad) {
  json_t *v = json_object_get(o, key);
  if (!v || json_is_null(v)) {
    if (required) *bad = 1;
    return "";
  }
  if (!json_is_string(v)) {
    *bad = 1;
    return "";
  }
  return dz_pool_strdup(&ck->pool, json_string_value(v));
}

/* An optional array of strings into a pool vector. */
static int strs_field(dz_checker *ck, json_t *o, const char *key, dz_strs *out) {
  json_t *a = json_object_get(o, key);
  out->n = 0;
  out->v = NULL;
  if (!a) return 0;
  if (!json_is_array(a)) return -1;
  out->v = dz_pool_alloc(&ck->pool, (json_array_size(a) + 1) * sizeof(char *));
  if (!out->v) return -1;
  size_t i;
  json_t *x;
  json_array_foreach(a, i, x) {
    if (!json_is_string(x) || !*json_string_value(x)) return -1;
    out->v[out->n++] = dz_pool_strdup(&ck->pool, json_string_value(x));
  }
  return 0;
}

/* Part role from its JSON name, or -1. */
static int role_of(const char *s) {
  if (!strcmp(s, "problems")) return DZ_ROLE_PROBLEMS;
  if (!strcmp(s, "causes")) return DZ_ROLE_CAUSES;
  if (!strcmp(s, "measures")) return DZ_ROLE_MEASURES;
  return -1;
}

int dz__profile_parse(dz_checker *ck, const char *json, size_t len, const char *name, dz_profile *p,
                      dz_error *err) {
  json_error_t je;
  json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
  if (!root)
    return dz__error_set(err, DZ_EINVALID, "框架文件 %s 第 %d 行不是合法的 JSON：%s。", name, je.line, je.text);
  int rc = 0, bad = 0;
  const char *what = "";
  memset(p, 0, sizeof *p);
  if (!json_is_object(root)) {
    what = "顶层必须是对象";
    goto invalid;
  }
  json_t *schema = json_object_get(root, "schema");
  if (!json_is_integer(schema) || json_integer_value(schema) != 1) {
    what = "schema 必须为 1";
    goto invalid;
  }
  p->id = str_field(ck, root, "id", 1, &bad);
  p->name = str_field(ck, root, "name", 1, &bad);
  p->meeting = str_field(ck, root, "meeting", 0, &bad);
  p->source = str_field(ck, root, "source", 0, &bad);
  p->count_phrase = str_field(ck, root, "count_phrase", 0, &bad);
  if (bad || !*p->id || !*p->name) {
    what = "id 和 name 必须是非空字符串";
    goto invalid;
  }
  json_t *year = json_object_get(root, "year");
  if (year && !json_is_integer(year) && !json_is_null(year)) {
    what = "year 必须是整数";
    goto invalid;
  }
  p->year = json_is_integer(year) ? (int)json_integer_value(year) : 0;
  if (strs_field(ck, root, "keywords", &p->keywords)) {
    what = "keywords 必须是字符串数组";
    goto invalid;
  }
  json_t *parts = json_object_get(root, "parts"), *aspects = json_object_get(root, "aspects");
  if ((parts && !json_is_array(parts)) || (aspects && !json_is_array(aspects))) {
    what = "parts 和 aspects 必须是数组";
    goto invalid;
  }
  size_t i;
  json_t *x;
  p->parts = dz_pool_alloc(&ck->pool, (json_array_size(parts) + 1) * sizeof *p->parts);
  p->aspects = dz_pool_alloc(&ck->pool, (json_array_size(aspects) + 1) * sizeof *p->aspects);
  if (!p->parts || !p->aspects) goto nomem;
  json_array_foreach(parts, i, x) {
    dz_prof_part *pp = &p->parts[p->nparts];
    pp->role = role_of(json_string_value(json_object_get(x, "role")) ? json_string_value(json_object_get(x, "role")) : "");
    pp->name = str_field(ck, x, "name", 1, &bad);
    if (pp->role < 0 || bad || !*pp->name || strs_field(ck, x, "aliases", &pp->aliases)) {
      what = "parts 的每项需要 role（problems/causes/measures）、name 和 aliases 字符串数组";
      goto invalid;
    }
    p->nparts++;
  }
  json_array_foreach(aspects, i, x) {
    dz_prof_aspect *a = &p->aspects[p->naspects];
    a->name = str_field(ck, x, "name", 1, &bad);
    if (bad || !*a->name || strs_field(ck, x, "aliases", &a->aliases) ||
        strs_field(ck, x, "near_misses", &a->near_misses) || strs_field(ck, x, "keywords", &a->keywords)) {
      what = "aspects 的每项需要 name，以及 aliases、near_misses、keywords 字符串数组";
      goto invalid;
    }
    if (++p->naspects >= 32) {
      what = "方面不能超过 31 个";
      goto invalid;
    }
  }
  if (ck->pool.oom) goto nomem;
  json_decref(root);
  return 0;
invalid:
  json_decref(root);
  return dz__error_set(err, DZ_EINVALID, "框架文件 %s 有误：%s。", name, what);
nomem:
  json_decref(root);
  rc = dz__error_nomem(err);
  return rc;
}

/* Suffix test for file names. */
static int ends_with(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && !strcmp(s + a - b, suf);
}

static int add_profile(dz_checker *ck, size_t *cap, const char *json, size_t len, const char *name,
                       dz_error *err) {
  if (ck->nprof == *cap) {
    size_t c = *cap ? *cap * 2 : 8;
    dz_profile *np = dz_pool_alloc(&ck->pool, c * sizeof *np);
    if (!np) return dz__error_nomem(err);
    if (ck->nprof) memcpy(np, ck->prof, ck->nprof * sizeof *np);
    ck->prof = np;
    *cap = c;
  }
  int rc = dz__profile_parse(ck, json, len, name, &ck->prof[ck->nprof], err);
  if (rc) return rc;
  for (size_t i = 0; i < ck->nprof; i++)
    if (!strcmp(ck->prof[i].id, ck->prof[ck->nprof].id))
      return dz__error_set(err, DZ_EINVALID, "框架文件 %s 的 id“%s”与其他框架重复。", name, ck->prof[i].id);
  ck->nprof++;
  return 0;
}

/* Profiles sort by id. */
static int cmp_prof(const void *a, const void *b) {
  return strcmp(((const dz_profile *)a)->id, ((const dz_profile *)b)->id);
}

/* Every JSON file under profiles/, embedded or from a folder, sorted by id. */
int dz__load_profiles(dz_checker *ck, const char *dir, dz_error *err) {
  size_t cap = 0;
  int rc = 0;
  if (!dir) {
    for (const dz_embedded_file *f = dz_embedded_data; f->name; f++) {
      if (strncmp(f->name, "profiles/", 9) || !ends_with(f->name, ".json")) continue;
      if ((rc = add_profile(ck, &cap, (const char *)f->data, f->len, f->name, err))) return rc;
    }
  } else {
    char path[4096];
    snprintf(path, sizeof path, "%s/profiles", dir);
    DIR *d = opendir(path);
    if (d) {
      struct dirent *e;
      while ((e = readdir(d))) {
        if (!ends_with(e->d_name, ".json")) continue;
        char rel[512];
        snprintf(rel, sizeof rel, "profiles/%s", e->d_name);
        char *b;
        size_t n;
        if ((rc = dz__load_file(ck, dir, rel, &b, &n, err))) break;
        if (b && (rc = add_profile(ck, &cap, b, n, rel, err))) break;
      }
      closedir(d);
      if (rc) return rc;
    }
  }
  if (ck->nprof) qsort(ck->prof, ck->nprof, sizeof *ck->prof, cmp_prof);
  return 0;
}

/* Profile by id, or NULL. */
const dz_profile *dz__profile_find(const dz_checker *ck, const char *id) {
  for (size_t i = 0; i < ck->nprof; i++)
    if (!strcmp(ck->prof[i].id, id)) return &ck->prof[i];
  return NULL;
}

size_t dz_checker_profile_count(const dz_checker *ck) { return ck ? ck->nprof : 0; }
static const dz_profile *prof(const dz_checker *ck, size_t i) { return ck && i < ck->nprof ? &ck->prof[i] : NULL; }
const char *dz_checker_profile_id(const dz_checker *ck, size_t i) { return prof(ck, i) ? prof(ck, i)->id : NULL; }
const char *dz_checker_profile_name(const dz_checker *ck, size_t i) { return prof(ck, i) ? prof(ck, i)->name : NULL; }
const char *dz_checker_profile_meeting(const dz_checker *ck, size_t i) {
  return prof(ck, i) ? prof(ck, i)->meeting : NULL;
}
int dz_checker_profile_year(const dz_checker *ck, size_t i) { return prof(ck, i) ? prof(ck, i)->year : 0; }
const char *dz_checker_profile_source(const dz_checker *ck, size_t i) {
  return prof(ck, i) ? prof(ck, i)->source : NULL;
}
size_t dz_checker_profile_aspect_count(const dz_checker *ck, size_t i) {
  return prof(ck, i) ? prof(ck, i)->naspects : 0;
}
const char *dz_checker_profile_aspect(const dz_checker *ck, size_t i, size_t a) {
  return prof(ck, i) && a < prof(ck, i)->naspects ? prof(ck, i)->aspects[a].name : NULL;
}
