/* duizhao check: the rule engine, profiles (meeting frameworks), findings and their reports.
**
** A dz_checker holds everything compiled once (lexicons, profiles, rule table, user config);
** it is read-only after creation and may be shared by any number of threads, each calling
** dz_check on its own document. Findings come back sorted by position with duplicate spans
** merged (the more specific rule wins). See docs/check.md. */
#ifndef DUIZHAO_CHECK_H
#define DUIZHAO_CHECK_H
#include <stdio.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef enum dz_severity { DZ_SEV_INFO = 0, DZ_SEV_WARNING = 1, DZ_SEV_ERROR = 2 } dz_severity;

/* "info", "warning", "error". */
const char *dz_severity_name(dz_severity s);

typedef struct dz_checker dz_checker; /* compiled rules, lexicons, profiles, config */
typedef struct dz_result dz_result;   /* the findings of one check of one document */
typedef struct dz_finding dz_finding; /* one finding, borrowed from its dz_result */

typedef struct dz_checker_options {
  int version;             /* DZ_CHECKER_OPTIONS_VERSION */
  const char *config_path; /* a duizhao.json; NULL: ./duizhao.json when present */
  const char *rules;       /* comma-separated rule-id globs to enable; NULL = all */
  const char *ignore;      /* comma-separated rule-id globs to disable; NULL = none */
  const char *data_dir;    /* a folder laid out like data/; NULL = the embedded data */
} dz_checker_options;
#define DZ_CHECKER_OPTIONS_VERSION 1
#define DZ_CHECKER_OPTIONS_INIT {DZ_CHECKER_OPTIONS_VERSION, NULL, NULL, NULL, NULL}

/* Load and compile lexicons, profiles and the config. `opts` may be NULL. Errors (a bad
** config, a malformed data file, a glob that names no rule) come back in Chinese naming the
** file and line. */
int dz_checker_new(dz_checker **out, const dz_checker_options *opts, dz_error *err);
void dz_checker_free(dz_checker *ck);

typedef struct dz_check_options {
  int version;         /* DZ_CHECK_OPTIONS_VERSION */
  const char *profile; /* a profile id, or NULL / "auto" to pick one from the content */
} dz_check_options;
#define DZ_CHECK_OPTIONS_VERSION 1
#define DZ_CHECK_OPTIONS_INIT {DZ_CHECK_OPTIONS_VERSION, NULL}

/* Check one document. Thread-safe for a shared checker. An unknown profile id gives
** DZ_ENOTFOUND. `opts` may be NULL. */
int dz_check(dz_result **out, const dz_checker *ck, const dz_doc *doc,
             const dz_check_options *opts, dz_error *err);
void dz_result_free(dz_result *r);

size_t dz_result_count(const dz_result *r);
const dz_finding *dz_result_get(const dz_result *r, size_t i); /* NULL past the end */
/* Findings of severity `s` in the result. */
size_t dz_result_count_severity(const dz_result *r, dz_severity s);
const char *dz_result_profile_id(const dz_result *r);     /* "" when no profile is loaded */
const char *dz_result_profile_reason(const dz_result *r); /* why it was chosen, Chinese */

/* Finding accessors: strings are borrowed from the result. */
const char *dz_finding_rule(const dz_finding *f);
dz_severity dz_finding_severity(const dz_finding *f);
size_t dz_finding_start(const dz_finding *f);  /* ORIGINAL byte offsets, [start, end) */
size_t dz_finding_end(const dz_finding *f);
size_t dz_finding_dstart(const dz_finding *f); /* decoded offsets, [dstart, dend) */
size_t dz_finding_dend(const dz_finding *f);
size_t dz_finding_line(const dz_finding *f);   /* 1-based line, column in characters */
size_t dz_finding_column(const dz_finding *f);
const char *dz_finding_text(const dz_finding *f);       /* the decoded text of the span */
const char *dz_finding_message(const dz_finding *f);    /* Chinese */
const char *dz_finding_suggestion(const dz_finding *f); /* replacement text, NULL if none */
double dz_finding_confidence(const dz_finding *f);      /* 1.0 for list rules */

/* ---- Rules added at run time (e.g. the statistical spelling checker) ----------------- */

typedef struct dz_rule_ctx dz_rule_ctx; /* per-check state handed to a rule */

/* A rule's run function. Returns 0, or a negative DZ_E* code to abort the check. */
typedef int (*dz_rule_fn)(dz_rule_ctx *ctx, void *payload);

/* Register a rule before the checker is shared. The rule is skipped when the checker's
** --rules/--ignore globs or the config switch it off. `payload` is borrowed. */
int dz_checker_add_rule(dz_checker *ck, const char *id, dz_severity severity, dz_rule_fn fn,
                        void *payload, dz_error *err);

/* What a rule sees: the document and its decoded text. */
const dz_doc *dz_rule_doc(const dz_rule_ctx *ctx);
/* Whether [dstart, dend) lies inside a word of the user's dictionary (never flagged). */
int dz_rule_in_dictionary(const dz_rule_ctx *ctx, size_t dstart, size_t dend);
/* Emit a finding over DECODED offsets; message and suggestion (may be NULL) are copied. */
int dz_rule_emit(dz_rule_ctx *ctx, size_t dstart, size_t dend, const char *message,
                 const char *suggestion, double confidence);

/* The ids of all registered rules, in table order (borrowed). */
size_t dz_checker_rule_count(const dz_checker *ck);
const char *dz_checker_rule_id(const dz_checker *ck, size_t i);
int dz_checker_rule_enabled(const dz_checker *ck, size_t i);

/* ---- Profiles ------------------------------------------------------------------------- */

size_t dz_checker_profile_count(const dz_checker *ck);
const char *dz_checker_profile_id(const dz_checker *ck, size_t i);
const char *dz_checker_profile_name(const dz_checker *ck, size_t i);
const char *dz_checker_profile_meeting(const dz_checker *ck, size_t i);
int dz_checker_profile_year(const dz_checker *ck, size_t i); /* 0 when not tied to a year */
const char *dz_checker_profile_source(const dz_checker *ck, size_t i);
size_t dz_checker_profile_aspect_count(const dz_checker *ck, size_t i);
const char *dz_checker_profile_aspect(const dz_checker *ck, size_t i, size_t a);

/* ---- Reports -------------------------------------------------------------------------- */

/* JSON (schema 1, docs/check.md): one finding a line, stable key order. *out is
** NUL-terminated and belongs to the caller (free()). */
int dz_report_json(char **out, size_t *len, const dz_doc *doc, const dz_result *r, dz_error *err);
/* Terminal text, grouped by line with an excerpt and carets; ANSI colour when `color`.
** Returns 0 or DZ_EIO. */
int dz_report_text(FILE *f, const dz_doc *doc, const dz_result *r, int color);
/* One self-contained HTML page (inline CSS/JS): the text with highlights and the findings. */
int dz_report_html(char **out, size_t *len, const dz_doc *doc, const dz_result *r, dz_error *err);

#ifdef __cplusplus
}
#endif
#endif
