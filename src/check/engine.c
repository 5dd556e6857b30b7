/*
** The rule engine: the table of built-in rules, checker construction, and dz_check.
**
** A check runs in four steps: one Aho-Corasick scan of the decoded text collects every
** lexicon match; the profile is chosen and the document frame (parts, aspects) is built;
** each rule family whose rules are enabled runs and emits decoded spans; finally findings
** are filtered (disabled rules, the user dictionary, config ignores, residue lines), mapped to
** original offsets, sorted by position, and merged so that on an identical span the most
** specific rule wins (rank in the table below).
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check/check_int.h"
#include "check/result.h"
#include "util/error.h"

/* Built-in families, in the order they run. */
static const dz_family_fn families[] = {
    dz__rule_structure, dz__rule_numbering, dz__rule_content, dz__rule_repeat,
    dz__rule_confusion, dz__rule_dedide,    dz__rule_placeholder, dz__rule_truncated,
    dz__rule_punct,     dz__rule_residue,   dz__rule_formulation, dz__rule_spell,
};
enum { F_STRUCT, F_NUM, F_CONTENT, F_REPEAT, F_CONF, F_DEDIDE, F_PLACE, F_TRUNC, F_PUNCT, F_RES, F_FORM, F_SPELL };

/* Built-in rules: id, default severity, rank (specificity), family. Ids are stable. */
static const struct {
  const char *id;
  dz_severity sev;
  int rank, family;
} builtin[] = {
    {"structure.part-missing", DZ_SEV_ERROR, 20, F_STRUCT},
    {"structure.aspect-missing", DZ_SEV_ERROR, 20, F_STRUCT},
    {"structure.aspect-extra", DZ_SEV_WARNING, 20, F_STRUCT},
    {"structure.aspect-renamed", DZ_SEV_WARNING, 25, F_STRUCT},
    {"structure.count-mismatch", DZ_SEV_WARNING, 20, F_STRUCT},
    {"structure.numbering-gap", DZ_SEV_WARNING, 22, F_NUM},
    {"structure.numbering-repeat", DZ_SEV_WARNING, 22, F_NUM},
    {"structure.numbering-order", DZ_SEV_WARNING, 22, F_NUM},
    {"structure.numbering-mixed", DZ_SEV_WARNING, 21, F_NUM},
    {"content.coverage", DZ_SEV_WARNING, 15, F_CONTENT},
    {"content.no-specifics", DZ_SEV_INFO, 10, F_CONTENT},
    {"content.empty-section", DZ_SEV_WARNING, 15, F_CONTENT},
    {"text.repeat", DZ_SEV_ERROR, 50, F_REPEAT},
    {"text.confusion", DZ_SEV_ERROR, 80, F_CONF},
    {"text.de-di-de", DZ_SEV_ERROR, 60, F_DEDIDE},
    {"text.placeholder", DZ_SEV_ERROR, 45, F_PLACE},
    {"text.truncated", DZ_SEV_ERROR, 35, F_TRUNC},
    {"text.punct", DZ_SEV_WARNING, 30, F_PUNCT},
    {"text.residue", DZ_SEV_ERROR, 40, F_RES},
    {"formulation.order", DZ_SEV_ERROR, 90, F_FORM},
    {"formulation.missing", DZ_SEV_ERROR, 90, F_FORM},
    {"formulation.altered", DZ_SEV_ERROR, 90, F_FORM},
    {"formulation.name", DZ_SEV_ERROR, 90, F_FORM},
    {"spell.char", DZ_SEV_WARNING, 70, F_SPELL}, /* statistical: below the curated lists */
    {"spell.word", DZ_SEV_WARNING, 70, F_SPELL},
};
#define NBUILTIN (sizeof builtin / sizeof builtin[0])
#define RUNTIME_RANK 70 /* rules added at run time (spelling): below confusion lists */

const char *dz_severity_name(dz_severity s) {
  switch (s) {
  case DZ_SEV_ERROR: return "error";
  case DZ_SEV_WARNING: return "warning";
  default: return "info";
  }
}

/* Apply --rules/--ignore globs and config overrides to one rule entry. */
static void configure_rule(const dz_checker *ck, dz_rule_entry *r) {
  r->enabled = 1;
  for (size_t k = 0; k < ck->novr; k++) {
    if (!dz__glob_match(ck->ovr[k].glob, r->id)) continue;
    if (ck->ovr[k].sev < 0) r->enabled = 0;
    else r->enabled = 1, r->sev = (dz_severity)ck->ovr[k].sev;
  }
  if (ck->enable_globs && !dz__glob_list_match(ck->enable_globs, r->id)) r->enabled = 0;
  if (ck->disable_globs && dz__glob_list_match(ck->disable_globs, r->id)) r->enabled = 0;
}

static int add_entry(dz_checker *ck, const char *id, dz_severity sev, int rank, int family,
                     dz_rule_fn fn, void *payload) {
  if (ck->nrules == ck->caprules) {
    size_t cap = ck->caprules ? ck->caprules * 2 : 32;
    dz_rule_entry *r = realloc(ck->rules, cap * sizeof *r);
    if (!r) return DZ_ENOMEM;
    ck->rules = r;
    ck->caprules = cap;
  }
  dz_rule_entry *r = &ck->rules[ck->nrules];
  memset(r, 0, sizeof *r);
  r->id = dz_pool_strdup(&ck->pool, id);
  if (!r->id) return DZ_ENOMEM;
  r->sev = sev, r->rank = rank, r->family = family, r->user_fn = fn, r->user_payload = payload;
  configure_rule(ck, r);
  ck->nrules++;
  return 0;
}

/* Every glob the user gave must name at least one rule: a typo must not silently disable
** nothing (or everything). */
static int check_globs(const dz_checker *ck, const char *list, const char *what, dz_error *err) {
  char g[128];
  for (const char *p = list; (p = dz__glob_next(p, g, sizeof g));) {
    if (!g[0]) continue;
    int hit = 0;
    for (size_t i = 0; i < ck->nrules && !hit; i++) hit = dz__glob_match(g, ck->rules[i].id);
    if (!hit && !strncmp(g, "spelling", 8)) hit = 1; /* registered later by the spell checker */
    if (!hit)
      return dz__error_set(err, DZ_ENOTFOUND,
                           "%s 中的“%s”不匹配任何规则。运行 duizhao check --list-rules 查看规则编号。", what, g);
  }
  return 0;
}

/* Load lists, profiles and config, compile the automaton, then build the rule table
** (config overrides and globs apply as each rule is added). */
int dz_checker_new(dz_checker **out, const dz_checker_options *opts, dz_error *err) {
  dz_checker_options def = DZ_CHECKER_OPTIONS_INIT;
  if (!opts) opts = &def;
  dz_checker *ck = calloc(1, sizeof *ck);
  if (!ck) return dz__error_nomem(err);
  int rc = 0;
  if (opts->rules && *opts->rules) ck->enable_globs = dz_pool_strdup(&ck->pool, opts->rules);
  if (opts->ignore && *opts->ignore) ck->disable_globs = dz_pool_strdup(&ck->pool, opts->ignore);
  ck->ac = dz_ac_new();
  if (!ck->ac || ck->pool.oom) {
    rc = dz__error_nomem(err);
    goto fail;
  }
  struct stat st;
  if (opts->data_dir && (stat(opts->data_dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
    rc = dz__error_set(err, DZ_ENOTFOUND, "数据目录 %s 不存在或不是目录。", opts->data_dir);
    goto fail;
  }
  if ((rc = dz__load_lexicons(ck, opts->data_dir, err))) goto fail;
  if ((rc = dz__load_profiles(ck, opts->data_dir, err))) goto fail;
  if ((rc = dz__load_config(ck, opts->config_path ? opts->config_path : "duizhao.json",
                            opts->config_path != NULL, err)))
    goto fail;
  if (dz_ac_compile(ck->ac)) {
    rc = dz__error_nomem(err);
    goto fail;
  }
  for (size_t i = 0; i < NBUILTIN; i++)
    if (add_entry(ck, builtin[i].id, builtin[i].sev, builtin[i].rank, builtin[i].family, NULL, NULL)) {
      rc = dz__error_nomem(err);
      goto fail;
    }
  if ((rc = check_globs(ck, ck->enable_globs, "--rules", err))) goto fail;
  for (size_t k = 0; k < ck->novr; k++) {
    char what[4200];
    snprintf(what, sizeof what, "配置文件 %s", ck->config_path);
    if ((rc = check_globs(ck, ck->ovr[k].glob, what, err))) goto fail;
  }
  if ((rc = check_globs(ck, ck->disable_globs, "--ignore", err))) goto fail;
  if (ck->pool.oom) {
    rc = dz__error_nomem(err);
    goto fail;
  }
  /* The spelling check maps its dictionary only when one of its rules is on. */
  if ((dz__enabled(ck, "spell.char") || dz__enabled(ck, "spell.word")) &&
      (rc = dz__spell_open(ck, err)))
    goto fail;
  *out = ck;
  return 0;
fail:
  dz_checker_free(ck);
  return rc;
}

/* NULL-safe; lexicon strings live in the pool. */
void dz_checker_free(dz_checker *ck) {
  if (!ck) return;
  dz_spell_free(ck->speller);
  dz_ac_free(ck->ac);
  free(ck->rules);
  dz_pool_free(&ck->pool);
  free(ck);
}

int dz_checker_add_rule(dz_checker *ck, const char *id, dz_severity severity, dz_rule_fn fn,
                        void *payload, dz_error *err) {
  if (!ck || !id || !*id || !fn) return dz__error_set(err, DZ_EINVALID, "规则编号或函数为空。");
  for (size_t i = 0; i < ck->nrules; i++)
    if (!strcmp(ck->rules[i].id, id)) return dz__error_set(err, DZ_EINVALID, "规则“%s”已经存在。", id);
  if (add_entry(ck, id, severity, RUNTIME_RANK, -1, fn, payload)) return dz__error_nomem(err);
  return 0;
}

size_t dz_checker_rule_count(const dz_checker *ck) { return ck ? ck->nrules : 0; }
const char *dz_checker_rule_id(const dz_checker *ck, size_t i) {
  return ck && i < ck->nrules ? ck->rules[i].id : NULL;
}
int dz_checker_rule_enabled(const dz_checker *ck, size_t i) {
  return ck && i < ck->nrules ? ck->rules[i].enabled : 0;
}

/* Linear lookup: the table has a few dozen entries. */
static const dz_rule_entry *entry_by_id(const dz_checker *ck, const char *id, size_t *idx) {
  for (size_t i = 0; i < ck->nrules; i++)
    if (!strcmp(ck->rules[i].id, id)) {
      if (idx) *idx = i;
      return &ck->rules[i];
    }
  return NULL;
}

int dz__enabled(const dz_checker *ck, const char *id) {
  const dz_rule_entry *r = entry_by_id(ck, id, NULL);
  return r && r->enabled;
}

/* Append a raw finding; takes ownership of msg and sugg. */
static int push_raw(dz_rule_ctx *ctx, size_t rule, size_t ds, size_t de, char *msg, char *sugg,
                    double conf) {
  if (ctx->nraw == ctx->capraw) {
    size_t cap = ctx->capraw ? ctx->capraw * 2 : 64;
    dz_raw *r = realloc(ctx->raw, cap * sizeof *r);
    if (!r) {
      free(msg), free(sugg);
      return ctx->err = DZ_ENOMEM;
    }
    ctx->raw = r;
    ctx->capraw = cap;
  }
  if (de < ds) de = ds;
  if (de > ctx->n) de = ctx->n;
  if (ds > de) ds = de;
  ctx->raw[ctx->nraw++] = (dz_raw){rule, ds, de, msg, sugg, conf};
  return 0;
}

int dz__emit(dz_rule_ctx *ctx, const char *id, size_t ds, size_t de, const char *sugg,
             const char *fmt, ...) {
  size_t idx;
  const dz_rule_entry *r = entry_by_id(ctx->ck, id, &idx);
  if (!r || !r->enabled) return 0;
  va_list ap;
  va_start(ap, fmt);
  char *msg = NULL;
  int n = vasprintf(&msg, fmt, ap);
  va_end(ap);
  if (n < 0) return ctx->err = DZ_ENOMEM;
  char *sg = sugg ? strdup(sugg) : NULL;
  if (sugg && !sg) {
    free(msg);
    return ctx->err = DZ_ENOMEM;
  }
  return push_raw(ctx, idx, ds, de, msg, sg, 1.0);
}

const dz_doc *dz_rule_doc(const dz_rule_ctx *ctx) { return ctx->doc; }

int dz_rule_in_dictionary(const dz_rule_ctx *ctx, size_t ds, size_t de) {
  return dz__covered(ctx, DZ_MK_DICT, ds, de);
}

int dz_rule_emit(dz_rule_ctx *ctx, size_t ds, size_t de, const char *message, const char *suggestion,
                 double confidence) {
  char *msg = strdup(message ? message : "");
  char *sg = suggestion ? strdup(suggestion) : NULL;
  if (!msg || (suggestion && !sg)) {
    free(msg), free(sg);
    return ctx->err = DZ_ENOMEM;
  }
  return push_raw(ctx, ctx->cur_rule, ds, de, msg, sg, confidence);
}

/* Automaton callback: append one match to the context. */
static int collect(size_t start, size_t end, uint32_t value, void *ud) {
  dz_rule_ctx *ctx = ud;
  if (ctx->nm == ctx->capm) {
    size_t cap = ctx->capm ? ctx->capm * 2 : 256;
    dz_match *m = realloc(ctx->m, cap * sizeof *m);
    if (!m) return ctx->err = DZ_ENOMEM;
    ctx->m = m;
    ctx->capm = cap;
  }
  ctx->m[ctx->nm++] = (dz_match){start, end, value};
  return 0;
}

/* Matches by start, longer first, then value: rules rely on this order. */
static int cmp_match(const void *a, const void *b) {
  const dz_match *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->end != y->end) return x->end > y->end ? -1 : 1;
  return x->value < y->value ? -1 : x->value > y->value;
}

/* Rules whose findings the user dictionary can silence (words, not structure). */
static int dictionary_applies(const char *id) {
  return strncmp(id, "structure.", 10) && strncmp(id, "content.", 8) && strcmp(id, "text.residue") &&
         strcmp(id, "text.truncated") && strcmp(id, "text.punct");
}

/* Drop raw findings the user or the document rules out. */
static void filter_raw(dz_rule_ctx *ctx) {
  const dz_checker *ck = ctx->ck;
  size_t k = 0;
  for (size_t i = 0; i < ctx->nraw; i++) {
    dz_raw *r = &ctx->raw[i];
    const dz_rule_entry *e = &ck->rules[r->rule];
    int drop = !e->enabled;
    if (!drop && strcmp(e->id, "text.residue") && dz__in_residue(ctx, r->ds)) drop = 1;
    if (!drop && dictionary_applies(e->id) && dz_rule_in_dictionary(ctx, r->ds, r->de)) drop = 1;
    for (size_t j = 0; !drop && j < ck->nign; j++) {
      if (!dz__glob_match(ck->ign[j].rule, e->id)) continue;
      const char *t = ck->ign[j].text;
      if (!t || (strlen(t) == r->de - r->ds && !memcmp(t, ctx->s + r->ds, r->de - r->ds))) drop = 1;
    }
    if (drop) {
      free(r->msg), free(r->sugg);
      continue;
    }
    ctx->raw[k++] = *r;
  }
  ctx->nraw = k;
}

/* Release everything a check allocated that did not move into the result. */
static void free_ctx(dz_rule_ctx *ctx) {
  for (size_t i = 0; i < ctx->nraw; i++) free(ctx->raw[i].msg), free(ctx->raw[i].sugg);
  free(ctx->raw);
  free(ctx->m);
}

int dz_check(dz_result **out, const dz_checker *ck, const dz_doc *doc, const dz_check_options *opts,
             dz_error *err) {
  if (!ck || !doc) return dz__error_set(err, DZ_EINVALID, "检查器或文档为空。");
  dz_rule_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.ck = ck;
  ctx.doc = doc;
  ctx.text = dz_doc_text(doc);
  ctx.s = dz_text_data(ctx.text, &ctx.n);
  const char *pid = opts ? opts->profile : NULL;
  if (pid && *pid && strcmp(pid, "auto")) {
    ctx.prof = dz__profile_find(ck, pid);
    if (!ctx.prof) return dz__error_set(err, DZ_ENOTFOUND, "没有编号为“%s”的框架。运行 duizhao profiles 查看可用框架。", pid);
    snprintf(ctx.reason, sizeof ctx.reason, "按指定使用该框架");
  }
  if (dz_ac_scan(ck->ac, ctx.s, ctx.n, collect, &ctx) || ctx.err) goto nomem;
  if (ctx.nm) qsort(ctx.m, ctx.nm, sizeof *ctx.m, cmp_match);
  /* The parser marks trailing lines with a short, broad list (会员, 下载); only those that
  ** carry a curated residue pattern count as residue here, so a genuine last paragraph
  ** (工会会员…) is still checked. */
  ctx.residue_from = ctx.n;
  for (const dz_node *c = dz_node_last_child(dz_doc_root(doc)); c; c = dz_node_prev(c)) {
    if (dz_node_get_kind(c) != DZ_NODE_RESIDUE || !dz__has_residue_pattern(&ctx, dz_node_dstart(c), dz_node_dend(c)))
      break;
    ctx.residue_from = dz_node_dstart(c);
  }
  if (!ctx.prof) dz__profile_choose(&ctx);
  dz__frame_build(&ctx, ctx.prof, &ctx.frame);
  /* Which families have at least one enabled rule. */
  int want[sizeof families / sizeof families[0]] = {0};
  for (size_t i = 0; i < ck->nrules; i++)
    if (ck->rules[i].enabled && ck->rules[i].family >= 0) want[ck->rules[i].family] = 1;
  for (size_t f = 0; f < sizeof families / sizeof families[0]; f++) {
    if (!want[f]) continue;
    int rc = families[f](&ctx);
    if (rc || ctx.err) {
      rc = rc ? rc : ctx.err;
      free_ctx(&ctx);
      return dz__error_set(err, rc, "检查失败：%s", dz_strerror(rc));
    }
  }
  for (size_t i = 0; i < ck->nrules; i++) {
    if (!ck->rules[i].enabled || !ck->rules[i].user_fn) continue;
    ctx.cur_rule = i;
    int rc = ck->rules[i].user_fn(&ctx, ck->rules[i].user_payload);
    if (rc || ctx.err) {
      rc = rc ? rc : ctx.err;
      free_ctx(&ctx);
      return dz__error_set(err, rc, "规则“%s”执行失败。", ck->rules[i].id);
    }
  }
  filter_raw(&ctx);
  int rc = dz__result_build(out, &ctx, err);
  free_ctx(&ctx);
  return rc;
nomem:
  free_ctx(&ctx);
  return dz__error_nomem(err);
}
