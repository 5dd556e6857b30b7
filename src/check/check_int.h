/* Internal layout of the checker, the per-check context and the rule families.
**
** A dz_checker owns compiled data (one Aho-Corasick automaton over every lexicon pattern,
** lexicon entries, profiles, the rule table with enabled flags and severities). dz_check
** builds a dz_rule_ctx on the stack: the lexicon matches of one scan, the chosen profile, the
** document frame (parts and aspects), and the raw findings the rules emit. Rules emit DECODED
** spans; the engine maps them to original offsets, sorts and merges them. */
#ifndef DZ_CHECK_INT_H
#define DZ_CHECK_INT_H
#include <stdint.h>

#include "duizhao.h"
#include "lexicon/ac.h"
#include "lexicon/pool.h"

/* Kinds of lexicon patterns in the shared automaton; the value is kind << 24 | index. */
enum {
  DZ_MK_CONF = 1, /* confusion: wrong form */
  DZ_MK_FPART,    /* formulation list part: index = entry << 6 | part */
  DZ_MK_FLABEL,   /* formulation label (四个意识) */
  DZ_MK_FVAR,     /* formulation name: a wrong variant: index = entry << 6 | variant */
  DZ_MK_FNAME,    /* formulation name: an accepted spelling */
  DZ_MK_REDUP,    /* legitimate reduplication */
  DZ_MK_RESIDUE,  /* template-site residue pattern */
  DZ_MK_DEVERB,   /* verb + 的 */
  DZ_MK_DICT      /* the user's dictionary */
};
#define DZ_MK(kind, idx) (((uint32_t)(kind) << 24) | (uint32_t)(idx))
#define DZ_MK_KIND(v) ((int)((v) >> 24))
#define DZ_MK_INDEX(v) ((size_t)((v) & 0xFFFFFFu))
#define DZ_MAX_PARTS 64

typedef struct dz_strs {
  char **v;
  size_t n;
} dz_strs;

typedef struct dz_confusion {
  const char *wrong, *right, *note;
  char **exc; /* longer legitimate strings containing `wrong` */
  size_t nexc;
} dz_confusion;

typedef struct dz_fvariant {
  const char *wrong, *right; /* right: the part (list) or name to suggest */
} dz_fvariant;

typedef struct dz_formulation {
  const char *id, *label, *source;
  int is_list;
  char **parts; /* list: canonical items in order; name: one canonical full name */
  size_t nparts;
  dz_strs *alts; /* per part: every accepted spelling, the canonical one first */
  dz_fvariant *variants; /* wrong forms: list items (only inside an enumeration) or names */
  size_t nvariants;
  size_t prefix, suffix; /* list: bytes shared by every part at the start / end */
  size_t min_chars;      /* list: characters of the shortest part */
} dz_formulation;

typedef struct dz_residue_pat {
  const char *pattern, *note;
  int sentence; /* scope: 1 sentence, 0 line */
} dz_residue_pat;

enum { DZ_ROLE_PROBLEMS = 0, DZ_ROLE_CAUSES, DZ_ROLE_MEASURES, DZ_ROLE_N };


typedef struct dz_prof_part {
  int role;
  const char *name;
  dz_strs aliases;
} dz_prof_part;

typedef struct dz_prof_aspect {
  const char *name;
  dz_strs aliases, near_misses, keywords;
} dz_prof_aspect;

typedef struct dz_profile {
  const char *id, *name, *meeting, *source, *count_phrase;
  int year;
  dz_strs keywords;
  dz_prof_part *parts;
  size_t nparts;
  dz_prof_aspect *aspects;
  size_t naspects;
} dz_profile;

typedef struct dz_rule_ctx dz_rule_ctx;
typedef int (*dz_family_fn)(dz_rule_ctx *ctx);

#define DZ_RANK_WORD 30 /* ranks of word-level rules (text.*, formulation.*, spelling.*) */

typedef struct dz_rule_entry {
  const char *id;
  dz_severity sev;
  int rank;             /* specificity: on an identical span the higher rank wins */
  int enabled;
  int family;           /* index into the built-in family table, or -1 */
  dz_rule_fn user_fn;   /* rules added at run time */
  void *user_payload;
} dz_rule_entry;

typedef struct dz_ignore {
  const char *rule; /* glob */
  const char *text; /* exact span text, or NULL for every span */
} dz_ignore;

typedef struct dz_sev_override {
  const char *glob;
  int sev; /* -1 off */
} dz_sev_override;

struct dz_checker {
  dz_pool pool;
  dz_ac *ac;
  dz_confusion *conf;
  size_t nconf;
  dz_formulation *form;
  size_t nform;
  dz_residue_pat *res;
  size_t nres;
  size_t nredup, ndeverb, ndict;
  dz_profile *prof;
  size_t nprof;
  dz_rule_entry *rules;
  size_t nrules, caprules;
  dz_ignore *ign;
  size_t nign;
  dz_sev_override *ovr;
  size_t novr;
  const char *enable_globs, *disable_globs;
  const char *config_path; /* the config file that was loaded, or NULL */
  dz_speller *speller;     /* spell.* rules (src/check/rule_spell.c); NULL when they are off */
};

/* One lexicon match of the shared automaton. */
typedef struct dz_match {
  size_t start, end;
  uint32_t value;
} dz_match;

/* A raw finding as emitted by a rule (decoded offsets, owned strings). */
typedef struct dz_raw {
  size_t rule;
  size_t ds, de;
  char *msg, *sugg;
  double conf;
} dz_raw;

/* The document frame against the profile: parts and aspect headings. */
typedef struct dz_frame_aspect {
  const dz_node *node;
  size_t ts, te; /* decoded title span */
  int match;     /* profile aspect index, or -1 */
  int renamed;   /* matched by near miss or similarity rather than by name or alias */
} dz_frame_aspect;

typedef struct dz_frame {
  const dz_node *part[DZ_ROLE_N]; /* the level-1 heading of each role, or NULL */
  int nheadings1;                 /* level-1 headings in the document */
  dz_frame_aspect asp[32];
  size_t nasp;
  int exact, renamed; /* counts of matched aspects */
} dz_frame;

struct dz_rule_ctx {
  const dz_checker *ck;
  const dz_doc *doc;
  const dz_text *text;
  const char *s;
  size_t n;
  dz_match *m;
  size_t nm, capm;
  const dz_profile *prof;
  char reason[512];
  dz_frame frame;
  dz_raw *raw;
  size_t nraw, capraw;
  size_t cur_rule; /* for dz_rule_emit by run-time rules */
  size_t residue_from; /* decoded start of the trailing residue (the parser puts it last), or n */
  int err;
};

/* Built-in families: run functions, one per rule_<family>.c. */
int dz__rule_repeat(dz_rule_ctx *ctx);
int dz__rule_confusion(dz_rule_ctx *ctx);
int dz__rule_dedide(dz_rule_ctx *ctx);
int dz__rule_placeholder(dz_rule_ctx *ctx);
int dz__rule_truncated(dz_rule_ctx *ctx);
int dz__rule_punct(dz_rule_ctx *ctx);
int dz__rule_residue(dz_rule_ctx *ctx);
int dz__rule_formulation(dz_rule_ctx *ctx);
int dz__rule_structure(dz_rule_ctx *ctx);
int dz__rule_numbering(dz_rule_ctx *ctx);
int dz__rule_content(dz_rule_ctx *ctx);
int dz__rule_spell(dz_rule_ctx *ctx);
/* Open the spelling checker's dictionary and model into ck->speller (rule_spell.c). */
int dz__spell_open(dz_checker *ck, dz_error *err);

/* Emit a finding for built-in rule `id` (must be in the table); message printf-style.
** Findings of disabled rules are dropped here. Returns 0 or DZ_ENOMEM. */
int dz__emit(dz_rule_ctx *ctx, const char *id, size_t ds, size_t de, const char *sugg,
             const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Whether built-in rule `id` is enabled in this checker. */
int dz__enabled(const dz_checker *ck, const char *id);

/* Loading (src/check/load.c, profile.c, config.c). `name` is "lexicon/x.tsv". A missing
** optional file gives *buf = NULL and 0. The returned copy is pool memory. */
int dz__load_file(dz_checker *ck, const char *data_dir, const char *name, char **buf, size_t *len,
                  dz_error *err);
int dz__load_lexicons(dz_checker *ck, const char *data_dir, dz_error *err);
int dz__load_profiles(dz_checker *ck, const char *data_dir, dz_error *err);
int dz__profile_parse(dz_checker *ck, const char *json, size_t len, const char *name,
                      dz_profile *out, dz_error *err);
int dz__load_config(dz_checker *ck, const char *path, int explicit_path, dz_error *err);
/* Parse config JSON held in memory; `path` names it in messages. */
int dz__config_parse(dz_checker *ck, const char *json, size_t len, const char *path, dz_error *err);

/* Profile choice and frame (src/check/frame.c). */
const dz_profile *dz__profile_find(const dz_checker *ck, const char *id);
void dz__frame_build(dz_rule_ctx *ctx, const dz_profile *p, dz_frame *f);
void dz__profile_choose(dz_rule_ctx *ctx);

/* Helpers shared by rules (src/check/util.c). */
int dz__glob_match(const char *glob, const char *s);
/* Iterate a comma-separated glob list: copies the next glob into g (empty when it does not fit)
** and returns the rest of the list, or NULL at the end. */
const char *dz__glob_next(const char *p, char *g, size_t cap);
/* Whether `id` matches any glob in the comma-separated list. */
int dz__glob_list_match(const char *list, const char *id);
/* Offset of the end of the line containing decoded offset `off` (the LF or n). */
size_t dz__line_end(const dz_rule_ctx *ctx, size_t off);
size_t dz__line_start(const dz_rule_ctx *ctx, size_t off);
/* The decoded title span of a heading or point; 0 when it has none. */
int dz__node_title_span(const dz_rule_ctx *ctx, const dz_node *n, size_t *ts, size_t *te);
/* Whether s[a..b) contains `needle`. */
int dz__contains(const char *s, size_t a, size_t b, const char *needle);
/* Number of code points in s[a..b). */
size_t dz__chars(const char *s, size_t a, size_t b);
/* Chinese numeral for 0..99 into buf (at least 16 bytes); returns buf. */
const char *dz__cn_number(int v, char *buf);
/* Index of the first lexicon match starting at or after `pos`. */
size_t dz__match_lower(const dz_rule_ctx *ctx, size_t pos);
/* Whether a lexicon match of `kind` covers [a, b). */
#define DZ_MAX_PATTERN 255
int dz__covered(const dz_rule_ctx *ctx, int kind, size_t a, size_t b);
/* The sentence (ended by 。！？, or the line) containing decoded offset `off`. */
void dz__sentence_span(const dz_rule_ctx *ctx, size_t off, size_t *a, size_t *b);
/* Whether a curated residue pattern occurs inside [a, b). */
int dz__has_residue_pattern(const dz_rule_ctx *ctx, size_t a, size_t b);
/* Whether decoded offset `off` lies inside the trailing (confirmed) residue nodes. */
int dz__in_residue(const dz_rule_ctx *ctx, size_t off);
#endif
