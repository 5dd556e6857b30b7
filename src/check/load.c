/*
** Loading the curated lexicons (data/lexicon/ TSV files) into a checker: each list is copied once,
** split in place, validated (errors name the file and line), and every pattern goes into the
** checker's one Aho-Corasick automaton tagged with its kind and index.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"
#include "lexicon/tsv.h"
#include "text/utf8.h"
#include "util/embed.h"
#include "util/error.h"
#include "util/file.h"

extern const dz_embedded_file dz_embedded_data[];

int dz__load_file(dz_checker *ck, const char *data_dir, const char *name, char **buf, size_t *len,
                  dz_error *err) {
  *buf = NULL;
  *len = 0;
  if (!data_dir) {
    const dz_embedded_file *f = dz_embed_find(dz_embedded_data, name);
    if (!f) return 0;
    *buf = dz_pool_memdup(&ck->pool, (const char *)f->data, f->len);
    *len = f->len;
    return *buf ? 0 : dz__error_nomem(err);
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", data_dir, name);
  FILE *fp = fopen(path, "rb");
  if (!fp) return 0;
  char *tmp = NULL;
  size_t n = 0;
  int rc = dz__read_all(fp, (size_t)64 << 20, &tmp, &n);
  fclose(fp);
  if (rc) {
    free(tmp);
    return dz__error_set(err, rc, "无法读取数据文件 %s。", path);
  }
  *buf = dz_pool_memdup(&ck->pool, tmp ? tmp : "", n);
  free(tmp);
  *len = n;
  return *buf ? 0 : dz__error_nomem(err);
}

/* Count the records of a TSV buffer without consuming it (for array sizing). */
static size_t count_lines(const char *b, size_t n) {
  size_t k = 1;
  for (size_t i = 0; i < n; i++) k += b[i] == '\n';
  return k;
}

/* A data-file error naming the file and line. */
static int bad_line(dz_error *err, const char *dir, const char *name, size_t line, const char *what) {
  return dz__error_set(err, DZ_EINVALID, "数据文件 %s/%s 第 %zu 行有误：%s。", dir ? dir : "data", name, line, what);
}

/* Valid UTF-8 with at least one character and no control bytes. */
static int good_pattern(const char *s) {
  size_t n = strlen(s), mb;
  if (!n || n > DZ_MAX_PATTERN || dz_utf8_valid_prefix((const unsigned char *)s, n, &mb) != n) return 0;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] < 0x20) return 0;
  return 1;
}

/* Add one pattern of `kind` to the shared automaton. */
static int ac_add(dz_checker *ck, const char *s, int kind, size_t idx, dz_error *err) {
  if (dz_ac_add(ck->ac, s, strlen(s), DZ_MK(kind, idx))) return dz__error_nomem(err);
  return 0;
}

/* confusions.tsv: wrong, right, exceptions, note. */
static int load_confusions(dz_checker *ck, const char *dir, dz_error *err) {
  const char *name = "lexicon/confusions.tsv";
  char *b;
  size_t n;
  int rc = dz__load_file(ck, dir, name, &b, &n, err);
  if (rc || !b) return rc;
  ck->conf = dz_pool_alloc(&ck->pool, count_lines(b, n) * sizeof *ck->conf);
  if (!ck->conf) return dz__error_nomem(err);
  dz_tsv t;
  dz_tsv_init(&t, b, n);
  char *f[DZ_TSV_MAX_FIELDS];
  int nf;
  while (dz_tsv_next(&t, f, &nf)) {
    if (nf < 2 || !good_pattern(f[0]) || !good_pattern(f[1]))
      return bad_line(err, dir, name, t.line, "需要“误写<TAB>正确”两列");
    if (!strcmp(f[0], f[1])) return bad_line(err, dir, name, t.line, "误写与正确写法相同");
    dz_confusion *c = &ck->conf[ck->nconf];
    c->wrong = f[0], c->right = f[1], c->note = f[3];
    size_t nl = strlen(f[3]);
    if (nl >= 3 && !strcmp(f[3] + nl - 3, "。")) f[3][nl - 3] = 0; /* messages add their own 。 */
    char *ex[32];
    c->nexc = dz_split_inplace(f[2], '|', ex, 32);
    c->exc = dz_pool_alloc(&ck->pool, (c->nexc + 1) * sizeof(char *));
    if (!c->exc) return dz__error_nomem(err);
    for (size_t k = 0; k < c->nexc; k++) {
      if (!strstr(ex[k], c->wrong)) return bad_line(err, dir, name, t.line, "例外词必须包含误写");
      c->exc[k] = ex[k];
    }
    if ((rc = ac_add(ck, c->wrong, DZ_MK_CONF, ck->nconf, err))) return rc;
    ck->nconf++;
  }
  return 0;
}

/* Bytes shared at the start (or end) of every part, cut back to a character boundary and
** leaving every part a non-empty stem. */
static void common_affixes(dz_formulation *e) {
  if (e->nparts < 2) return;
  size_t minlen = strlen(e->parts[0]);
  for (size_t i = 1; i < e->nparts; i++)
    if (strlen(e->parts[i]) < minlen) minlen = strlen(e->parts[i]);
  size_t p = 0;
  while (p < minlen) {
    size_t l = (size_t)dz_utf8_len((unsigned char)e->parts[0][p]);
    int same = p + l <= minlen;
    for (size_t i = 1; i < e->nparts && same; i++) same = !memcmp(e->parts[0] + p, e->parts[i] + p, l);
    if (!same) break;
    p += l;
  }
  size_t s = 0;
  while (s < minlen) {
    size_t l0 = strlen(e->parts[0]);
    size_t j = l0 - s;
    size_t k = j;
    dz_utf8_prev(e->parts[0], &k);
    size_t l = j - k;
    int same = s + l <= minlen;
    for (size_t i = 1; i < e->nparts && same; i++) {
      size_t li = strlen(e->parts[i]);
      same = !memcmp(e->parts[0] + l0 - s - l, e->parts[i] + li - s - l, l);
    }
    if (!same) break;
    s += l;
  }
  if (p + s >= minlen) p = s = 0; /* a part would have no stem: no compressed forms */
  e->prefix = p, e->suffix = s;
}

/* Split "a/b|c" into parts with accepted spellings; the first spelling is canonical. */
static int split_parts(dz_checker *ck, dz_formulation *e, char *field, dz_error *err) {
  char *parts[DZ_MAX_PARTS];
  e->nparts = dz_split_inplace(field, '|', parts, DZ_MAX_PARTS);
  e->parts = dz_pool_alloc(&ck->pool, (e->nparts + 1) * sizeof(char *));
  e->alts = dz_pool_alloc(&ck->pool, (e->nparts + 1) * sizeof(dz_strs));
  if (!e->parts || !e->alts) return dz__error_nomem(err);
  for (size_t k = 0; k < e->nparts; k++) {
    char *sp[16];
    size_t ns = dz_split_inplace(parts[k], '/', sp, 16);
    e->alts[k].v = dz_pool_alloc(&ck->pool, (ns + 1) * sizeof(char *));
    if (!e->alts[k].v) return dz__error_nomem(err);
    for (size_t j = 0; j < ns; j++) {
      if (!good_pattern(sp[j])) return -1;
      e->alts[k].v[e->alts[k].n++] = sp[j];
    }
    if (!ns) return -1;
    e->parts[k] = sp[0];
  }
  return 0;
}

/* Variants "WRONG>RIGHT|WRONG": RIGHT must be a canonical part (list) or defaults to the
** canonical name. */
static int split_variants(dz_checker *ck, dz_formulation *e, char *field) {
  char *vars[64];
  e->nvariants = dz_split_inplace(field, '|', vars, 64);
  e->variants = dz_pool_alloc(&ck->pool, (e->nvariants + 1) * sizeof *e->variants);
  if (!e->variants) return -2;
  for (size_t k = 0; k < e->nvariants; k++) {
    char *gt = strstr(vars[k], ">");
    const char *right = e->is_list ? NULL : e->parts[0];
    if (gt) *gt = 0, right = gt + 1;
    if (!good_pattern(vars[k]) || !right || !*right) return -1;
    int known = !e->is_list;
    for (size_t q = 0; q < e->nparts && !known; q++) known = !strcmp(right, e->parts[q]);
    if (!known || !strcmp(vars[k], right)) return -1;
    e->variants[k] = (dz_fvariant){vars[k], right};
  }
  return 0;
}

/* formulations.tsv: id, label, kind, parts, variants, source. */
static int load_formulations(dz_checker *ck, const char *dir, dz_error *err) {
  const char *name = "lexicon/formulations.tsv";
  char *b;
  size_t n;
  int rc = dz__load_file(ck, dir, name, &b, &n, err);
  if (rc || !b) return rc;
  ck->form = dz_pool_alloc(&ck->pool, count_lines(b, n) * sizeof *ck->form);
  if (!ck->form) return dz__error_nomem(err);
  dz_tsv t;
  dz_tsv_init(&t, b, n);
  char *f[DZ_TSV_MAX_FIELDS];
  int nf;
  while (dz_tsv_next(&t, f, &nf)) {
    if (nf < 4) return bad_line(err, dir, name, t.line, "需要“编号、名称、类型、内容”至少四列");
    dz_formulation *e = &ck->form[ck->nform];
    e->id = f[0], e->label = f[1], e->source = f[5];
    if (!strcmp(f[2], "list")) e->is_list = 1;
    else if (strcmp(f[2], "name")) return bad_line(err, dir, name, t.line, "类型必须是 list 或 name");
    if ((rc = split_parts(ck, e, f[3], err))) return rc < 0 && rc != DZ_ENOMEM ? bad_line(err, dir, name, t.line, "内容含空项或非法字符") : rc;
    if (e->is_list ? e->nparts < 2 : e->nparts != 1)
      return bad_line(err, dir, name, t.line, e->is_list ? "list 至少需要两项" : "name 只能有一个规范名称");
    rc = split_variants(ck, e, f[4]);
    if (rc == -2) return dz__error_nomem(err);
    if (rc) return bad_line(err, dir, name, t.line, "错误写法有误（“误写>正确”中的正确写法须是规范项）");
    if (!e->is_list && !e->nvariants) return bad_line(err, dir, name, t.line, "name 需要至少一个错误写法");
    if (e->nvariants >= 64 || e->nparts >= DZ_MAX_PARTS) return bad_line(err, dir, name, t.line, "项数过多");
    size_t idx = ck->nform;
    if (e->is_list) {
      common_affixes(e);
      e->min_chars = 99;
      for (size_t k = 0; k < e->nparts; k++) {
        size_t c = dz__chars(e->parts[k], 0, strlen(e->parts[k]));
        if (c < e->min_chars) e->min_chars = c;
        for (size_t j = 0; j < e->alts[k].n; j++)
          if ((rc = ac_add(ck, e->alts[k].v[j], DZ_MK_FPART, idx << 6 | k, err))) return rc;
      }
      if (*e->label && (rc = ac_add(ck, e->label, DZ_MK_FLABEL, idx, err))) return rc;
    } else {
      for (size_t j = 0; j < e->alts[0].n; j++)
        if ((rc = ac_add(ck, e->alts[0].v[j], DZ_MK_FNAME, idx, err))) return rc;
      for (size_t k = 0; k < e->nvariants; k++)
        if ((rc = ac_add(ck, e->variants[k].wrong, DZ_MK_FVAR, idx << 6 | k, err))) return rc;
    }
    ck->nform++;
  }
  return 0;
}

/* A one-pattern-per-line list (reduplication, de_verbs): kind tags its automaton entries;
** `suffix` is appended to each pattern (de_verbs: 的). */
static int load_words(dz_checker *ck, const char *dir, const char *name, int kind, const char *suffix,
                      size_t *count, dz_error *err) {
  char *b;
  size_t n;
  int rc = dz__load_file(ck, dir, name, &b, &n, err);
  if (rc || !b) return rc;
  dz_tsv t;
  dz_tsv_init(&t, b, n);
  char *f[DZ_TSV_MAX_FIELDS];
  int nf;
  while (dz_tsv_next(&t, f, &nf)) {
    if (!good_pattern(f[0])) return bad_line(err, dir, name, t.line, "第一列为空或含非法字符");
    char pat[256];
    if (snprintf(pat, sizeof pat, "%s%s", f[0], suffix) >= (int)sizeof pat)
      return bad_line(err, dir, name, t.line, "词条过长");
    if ((rc = ac_add(ck, pat, kind, *count, err))) return rc;
    (*count)++;
  }
  return 0;
}

/* residue.tsv: pattern, scope (line|sentence), note. */
static int load_residue(dz_checker *ck, const char *dir, dz_error *err) {
  const char *name = "lexicon/residue.tsv";
  char *b;
  size_t n;
  int rc = dz__load_file(ck, dir, name, &b, &n, err);
  if (rc || !b) return rc;
  ck->res = dz_pool_alloc(&ck->pool, count_lines(b, n) * sizeof *ck->res);
  if (!ck->res) return dz__error_nomem(err);
  dz_tsv t;
  dz_tsv_init(&t, b, n);
  char *f[DZ_TSV_MAX_FIELDS];
  int nf;
  while (dz_tsv_next(&t, f, &nf)) {
    if (!good_pattern(f[0])) return bad_line(err, dir, name, t.line, "模式为空或含非法字符");
    int sentence = !strcmp(f[1], "sentence");
    if (!sentence && strcmp(f[1], "line")) return bad_line(err, dir, name, t.line, "范围必须是 line 或 sentence");
    ck->res[ck->nres] = (dz_residue_pat){f[0], f[2], sentence};
    if ((rc = ac_add(ck, f[0], DZ_MK_RESIDUE, ck->nres, err))) return rc;
    ck->nres++;
  }
  return 0;
}

/* Every list; a missing file is an empty list (the data may be partial). */
int dz__load_lexicons(dz_checker *ck, const char *dir, dz_error *err) {
  int rc;
  if ((rc = load_confusions(ck, dir, err))) return rc;
  if ((rc = load_formulations(ck, dir, err))) return rc;
  if ((rc = load_residue(ck, dir, err))) return rc;
  if ((rc = load_words(ck, dir, "lexicon/reduplication.tsv", DZ_MK_REDUP, "", &ck->nredup, err))) return rc;
  if ((rc = load_words(ck, dir, "lexicon/de_verbs.tsv", DZ_MK_DEVERB, "的", &ck->ndeverb, err))) return rc;
  return 0;
}
