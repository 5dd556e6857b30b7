/*
** Rebuild the labels of automatic numbering, so that a heading numbered by Word as 一、 reads
** "一、存在问题" in the extracted text, exactly as the reader of the document sees it.
**
** numbering.xml holds abstract definitions (nine levels: start, numFmt, lvlText such as
** "（%1）", lvlRestart, isLgl) and instances (w:num) that point at them, optionally with
** start overrides. Paragraphs reference an instance through w:numPr, directly or through
** their paragraph style (styles.xml, following w:basedOn). Counters live on the abstract
** definition, shared by all its instances, unless an instance overrides a start value, in
** which case it counts on its own (this is what Word does for "restart numbering").
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/docx_numbering.h"
#include "io/docx_xml.h"
#include "util/error.h"

#define MAXLVL 9
#define MAXDEFS 4096 /* cap on definitions/styles: real documents have dozens */

typedef struct {
  int start;
  char fmt[32];
  char text[64];
  int restart; /* -1: after any higher level (default); 0: never; n: after level n-1 or higher */
  int legal;
} lvl;

typedef struct {
  int id;
  lvl l[MAXLVL];
  int count[MAXLVL];
  unsigned started;
} absnum;

typedef struct {
  int id, abs;
  int ovr[MAXLVL]; /* start overrides, -1 when none */
  int has_ovr;
  int count[MAXLVL];
  unsigned started;
} num;

typedef struct {
  char id[64], based[64];
  int num_id, ilvl;
} pstyle;

struct dz__numdefs {
  absnum *abs;
  size_t nabs;
  num *nums;
  size_t nnums;
  pstyle *st;
  size_t nst;
};

typedef struct {
  XML_Parser p; /* first, see dz__xml_parser_new */
  dz__numdefs *n;
  absnum *cur_abs;
  lvl *cur_lvl;
  num *cur_num;
  int cur_ovr;
  pstyle *cur_st;
  int oom;
} pstate;

static int ival(const char *s, int dflt) { return s ? atoi(s) : dflt; }

static void *grow(void *arr, size_t *n, size_t sz, int *oom) {
  if (*n >= MAXDEFS) return NULL;
  void *p = realloc(arr, (*n + 1) * sz);
  if (!p) {
    *oom = 1;
    return NULL;
  }
  memset((char *)p + *n * sz, 0, sz);
  (*n)++;
  return p;
}

static void copy(char *dst, size_t cap, const char *s) {
  snprintf(dst, cap, "%s", s ? s : "");
}

static void XMLCALL on_start(void *ud, const char *qn, const char **atts) {
  pstate *s = ud;
  dz__numdefs *n = s->n;
  const char *l = dz__w_local(qn);
  if (!l) return;
  const char *val = dz__w_attr(atts, "val");
  if (!strcmp(l, "abstractNum")) {
    absnum *a = grow(n->abs, &n->nabs, sizeof *a, &s->oom);
    if (!a) return;
    n->abs = a;
    s->cur_abs = &a[n->nabs - 1];
    s->cur_abs->id = ival(dz__w_attr(atts, "abstractNumId"), -1);
    for (int i = 0; i < MAXLVL; i++) s->cur_abs->l[i].restart = -1, s->cur_abs->l[i].start = 1, copy(s->cur_abs->l[i].fmt, 32, "decimal");
  } else if (!strcmp(l, "lvl") && s->cur_abs && !s->cur_num) {
    int i = ival(dz__w_attr(atts, "ilvl"), -1);
    s->cur_lvl = i >= 0 && i < MAXLVL ? &s->cur_abs->l[i] : NULL;
    if (s->cur_lvl) s->cur_lvl->start = 0; /* an absent w:start means 0 (ECMA-376 17.9.25) */
  } else if (s->cur_lvl) {
    if (!strcmp(l, "start")) s->cur_lvl->start = ival(val, 0);
    else if (!strcmp(l, "numFmt")) copy(s->cur_lvl->fmt, 32, val);
    else if (!strcmp(l, "lvlText")) copy(s->cur_lvl->text, 64, val);
    else if (!strcmp(l, "lvlRestart")) s->cur_lvl->restart = ival(val, -1);
    else if (!strcmp(l, "isLgl")) s->cur_lvl->legal = !val || strcmp(val, "0") != 0;
  } else if (!strcmp(l, "num") && !s->cur_st) {
    num *m = grow(n->nums, &n->nnums, sizeof *m, &s->oom);
    if (!m) return;
    n->nums = m;
    s->cur_num = &m[n->nnums - 1];
    s->cur_num->id = ival(dz__w_attr(atts, "numId"), -1);
    s->cur_num->abs = -1;
    for (int i = 0; i < MAXLVL; i++) s->cur_num->ovr[i] = -1;
  } else if (s->cur_num) {
    if (!strcmp(l, "abstractNumId")) s->cur_num->abs = ival(val, -1);
    else if (!strcmp(l, "lvlOverride")) s->cur_ovr = ival(dz__w_attr(atts, "ilvl"), -1);
    else if (!strcmp(l, "startOverride") && s->cur_ovr >= 0 && s->cur_ovr < MAXLVL)
      s->cur_num->ovr[s->cur_ovr] = ival(val, 0), s->cur_num->has_ovr = 1;
  } else if (!strcmp(l, "style")) {
    const char *type = dz__w_attr(atts, "type");
    if (type && strcmp(type, "paragraph")) return;
    pstyle *p = grow(n->st, &n->nst, sizeof *p, &s->oom);
    if (!p) return;
    n->st = p;
    s->cur_st = &p[n->nst - 1];
    copy(s->cur_st->id, 64, dz__w_attr(atts, "styleId"));
    s->cur_st->num_id = s->cur_st->ilvl = -1;
  } else if (s->cur_st) {
    if (!strcmp(l, "basedOn")) copy(s->cur_st->based, 64, val);
    else if (!strcmp(l, "numId")) s->cur_st->num_id = ival(val, -1);
    else if (!strcmp(l, "ilvl")) s->cur_st->ilvl = ival(val, -1);
  }
}

static void XMLCALL on_end(void *ud, const char *qn) {
  pstate *s = ud;
  const char *l = dz__w_local(qn);
  if (!l) return;
  if (!strcmp(l, "abstractNum")) s->cur_abs = NULL, s->cur_lvl = NULL;
  else if (!strcmp(l, "lvl")) s->cur_lvl = NULL;
  else if (!strcmp(l, "num")) s->cur_num = NULL;
  else if (!strcmp(l, "lvlOverride")) s->cur_ovr = -1;
  else if (!strcmp(l, "style")) s->cur_st = NULL;
}

/* Parse one optional part; a damaged one is reported like a damaged document. */
static int load_part(dz_zipin *z, const char *entry, pstate *s, dz_error *err) {
  if (!dz__xml_parser_new(s)) return dz__error_nomem(err);
  XML_SetElementHandler(s->p, on_start, on_end);
  dz_xml_feed f = {s->p, 0, &s->oom};
  s->cur_abs = NULL, s->cur_lvl = NULL, s->cur_num = NULL, s->cur_ovr = -1, s->cur_st = NULL;
  int rc = dz__zip_stream(z, entry, dz__xml_sink, &f, err);
  if (rc == DZ_ENOTFOUND) rc = DZ_OK;
  else if (rc == DZ_ENOMEM) rc = dz__error_nomem(err);
  else if (rc == DZ_EINVALID && f.failed) rc = dz__xml_error(err, z->name, entry, s->p);
  XML_ParserFree(s->p);
  s->p = NULL;
  return rc;
}

/* Orderings for qsort and bsearch, by id. */
static int cmp_abs(const void *a, const void *b) {
  const absnum *x = a, *y = b;
  return (x->id > y->id) - (x->id < y->id);
}
static int cmp_num(const void *a, const void *b) {
  const num *x = a, *y = b;
  return (x->id > y->id) - (x->id < y->id);
}
static int cmp_style(const void *a, const void *b) { return strcmp(((const pstyle *)a)->id, ((const pstyle *)b)->id); }

int dz__numdefs_load(dz__numdefs **out, dz_zipin *z, dz_error *err) {
  dz__numdefs *n = calloc(1, sizeof *n);
  if (!n) return dz__error_nomem(err);
  pstate s = {.n = n, .cur_ovr = -1};
  int rc = load_part(z, "word/numbering.xml", &s, err);
  if (!rc) rc = load_part(z, "word/styles.xml", &s, err);
  if (rc) {
    dz__numdefs_free(n);
    return rc;
  }
  /* Sorted for binary search: a hostile file may hold thousands of definitions and a great
  ** many numbered paragraphs. (With duplicate ids, any one of them is used.) */
  if (n->nabs) qsort(n->abs, n->nabs, sizeof *n->abs, cmp_abs);
  if (n->nnums) qsort(n->nums, n->nnums, sizeof *n->nums, cmp_num);
  if (n->nst) qsort(n->st, n->nst, sizeof *n->st, cmp_style);
  *out = n;
  return DZ_OK;
}

void dz__numdefs_free(dz__numdefs *n) {
  if (!n) return;
  free(n->abs);
  free(n->nums);
  free(n->st);
  free(n);
}

/* Numbering from the paragraph style chain (w:basedOn, at most 16 hops against cycles). */
static void style_numpr(const dz__numdefs *n, const char *id, int *num_id, int *ilvl) {
  for (int hop = 0; id && *id && hop < 16; hop++) {
    pstyle key;
    snprintf(key.id, sizeof key.id, "%s", id);
    const pstyle *p = n->nst ? bsearch(&key, n->st, n->nst, sizeof *n->st, cmp_style) : NULL;
    if (!p) return;
    if (*ilvl < 0 && p->ilvl >= 0) *ilvl = p->ilvl;
    if (p->num_id >= 0) {
      *num_id = p->num_id;
      return;
    }
    id = p->based;
  }
}

static void cn_number(dz_buf *o, int v, const char *const dig[10], const char *const unit[4], int drop_leading_one) {
  if (v >= 10000) {
    cn_number(o, v / 10000, dig, unit, drop_leading_one);
    dz_buf_puts(o, "万");
    int r = v % 10000;
    if (r && r < 1000) dz_buf_puts(o, dig[0]);
    if (r) cn_number(o, r, dig, unit, 0);
    return;
  }
  if (v == 0) {
    dz_buf_puts(o, dig[0]);
    return;
  }
  int d[4] = {v / 1000, v / 100 % 10, v / 10 % 10, v % 10};
  int started = 0, zero = 0;
  for (int i = 0; i < 4; i++) {
    if (!d[i]) {
      if (started) zero = 1;
      continue;
    }
    if (zero) dz_buf_puts(o, dig[0]), zero = 0;
    if (!(drop_leading_one && !started && i == 2 && d[i] == 1)) dz_buf_puts(o, dig[d[i]]);
    dz_buf_puts(o, unit[3 - i]);
    started = 1;
  }
}

static void roman(dz_buf *o, int v, int upper) {
  static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
  static const char *const sym[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
  if (v <= 0 || v >= 4000) {
    dz_buf_printf(o, "%d", v);
    return;
  }
  for (int i = 0; i < 13; i++)
    while (v >= val[i]) {
      for (const char *c = sym[i]; *c; c++) {
        char ch = upper ? (char)(*c - 'a' + 'A') : *c;
        dz_buf_put(o, &ch, 1);
      }
      v -= val[i];
    }
}

/* Put the UTF-8 of code point base + (v - 1) when 1 <= v <= max, else the decimal. */
static void enclosed(dz_buf *o, int v, unsigned base, int max) {
  if (v < 1 || v > max) {
    dz_buf_printf(o, "%d", v);
    return;
  }
  unsigned c = base + (unsigned)(v - 1);
  char u[3] = {(char)(0xE0 | (c >> 12)), (char)(0x80 | ((c >> 6) & 0x3F)), (char)(0x80 | (c & 0x3F))};
  dz_buf_put(o, u, 3);
}

void dz__numfmt(dz_buf *o, const char *fmt, int v) {
  static const char *const CN[10] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char *const CNZ[10] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char *const CNU[4] = {"", "十", "百", "千"};
  static const char *const LEGAL[10] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  static const char *const LEGALU[4] = {"", "拾", "佰", "仟"};
  static const char *const GAN[10] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
  static const char *const ZHI[12] = {"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"};
  if (v < 0) v = 0;
  if (!strcmp(fmt, "chineseCounting") || !strcmp(fmt, "japaneseCounting") || !strcmp(fmt, "taiwaneseCounting"))
    cn_number(o, v, CN, CNU, 1);
  else if (!strcmp(fmt, "chineseCountingThousand") || !strcmp(fmt, "taiwaneseCountingThousand") ||
           !strcmp(fmt, "japaneseDigitalTenThousand"))
    cn_number(o, v, CNZ, CNU, 1);
  else if (!strcmp(fmt, "chineseLegalSimplified"))
    cn_number(o, v, LEGAL, LEGALU, 0);
  else if (!strcmp(fmt, "ideographDigital") || !strcmp(fmt, "taiwaneseDigital")) {
    char d[16];
    snprintf(d, sizeof d, "%d", v);
    for (char *c = d; *c; c++) dz_buf_puts(o, CN[*c - '0']);
  } else if (!strcmp(fmt, "ideographTraditional"))
    dz_buf_puts(o, GAN[(v + 9) % 10]);
  else if (!strcmp(fmt, "ideographZodiac"))
    dz_buf_puts(o, ZHI[(v + 11) % 12]);
  else if (!strcmp(fmt, "decimalEnclosedCircle") || !strcmp(fmt, "decimalEnclosedCircleChinese"))
    enclosed(o, v, 0x2460, 20);
  else if (!strcmp(fmt, "decimalEnclosedParen"))
    enclosed(o, v, 0x2474, 20);
  else if (!strcmp(fmt, "decimalEnclosedFullstop"))
    enclosed(o, v, 0x2488, 20);
  else if (!strcmp(fmt, "decimalFullWidth") || !strcmp(fmt, "decimalFullWidth2")) {
    char d[16];
    snprintf(d, sizeof d, "%d", v);
    for (char *c = d; *c; c++) enclosed(o, *c - '0' + 1, 0xFF10, 10);
  } else if (!strcmp(fmt, "decimalZero"))
    dz_buf_printf(o, "%02d", v);
  else if (!strcmp(fmt, "lowerLetter") || !strcmp(fmt, "upperLetter")) {
    if (v < 1) return;
    char c = (char)((fmt[0] == 'l' ? 'a' : 'A') + (v - 1) % 26);
    for (int k = 0; k <= (v - 1) / 26 && k < 64; k++) dz_buf_put(o, &c, 1);
  } else if (!strcmp(fmt, "lowerRoman") || !strcmp(fmt, "upperRoman"))
    roman(o, v, fmt[0] == 'u');
  else if (!strcmp(fmt, "none") || !strcmp(fmt, "bullet"))
    return;
  else
    dz_buf_printf(o, "%d", v);
}

void dz__numdefs_label(dz__numdefs *n, int num_id, int ilvl, const char *pstyle_id, dz_buf *out) {
  if (!n) return;
  if (num_id < 0) style_numpr(n, pstyle_id, &num_id, &ilvl);
  if (num_id <= 0) return; /* numId 0 switches numbering off */
  if (ilvl < 0) ilvl = 0;
  if (ilvl >= MAXLVL) ilvl = MAXLVL - 1;
  num mk = {.id = num_id};
  num *m = n->nnums ? bsearch(&mk, n->nums, n->nnums, sizeof *n->nums, cmp_num) : NULL;
  if (!m) return;
  absnum ak = {.id = m->abs};
  absnum *a = n->nabs ? bsearch(&ak, n->abs, n->nabs, sizeof *n->abs, cmp_abs) : NULL;
  if (!a) return;
  int *count = m->has_ovr ? m->count : a->count;
  unsigned *started = m->has_ovr ? &m->started : &a->started;
  if (!(*started & (1u << ilvl))) {
    count[ilvl] = m->ovr[ilvl] >= 0 ? m->ovr[ilvl] : a->l[ilvl].start;
    *started |= 1u << ilvl;
  } else if (count[ilvl] < 1000000) {
    count[ilvl]++;
  }
  for (int j = ilvl + 1; j < MAXLVL; j++) {
    int r = a->l[j].restart;
    if (r < 0 || (r > 0 && ilvl < r)) *started &= ~(1u << j);
  }
  const lvl *L = &a->l[ilvl];
  if (!strcmp(L->fmt, "bullet")) return; /* bullet glyphs are decoration (often symbol fonts) */
  for (const char *p = L->text; *p; p++) {
    if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
      int k = p[1] - '1';
      int v = (*started & (1u << k)) ? count[k] : (m->ovr[k] >= 0 ? m->ovr[k] : a->l[k].start);
      dz__numfmt(out, L->legal && k < ilvl ? "decimal" : a->l[k].fmt, v);
      p++;
    } else {
      dz_buf_put(out, p, 1);
    }
  }
}
