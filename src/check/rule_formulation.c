/*
** formulation.*: canonical political expressions (规范表述) from data/lexicon/formulations.tsv.
**
**  - formulation.name: a listed wrong form of a canonical name (a variant that lies inside the
**    canonical name itself is not flagged).
**  - list entries (四个意识: 政治意识|大局意识|核心意识|看齐意识): an enumeration is a run of
**    items joined by 、，和与及 (quotes allowed), each item a part in full or compressed form
**    (道路、理论、制度、文化自信; 政治判断力、领悟力、执行力). On an enumeration with at least two
**    canonical parts and nothing foreign:
**      formulation.order    parts out of canonical order;
**      formulation.missing  fewer than all parts right after the label (四个意识：…);
**      formulation.altered  exactly one item shares the pattern but is not canonical, and it is
**                           the one part missing (政治鉴别力 among the 政治三力).
**    Labels alone (增强“四个意识”) are never flagged. Suggestions use the text's form.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"
#include "text/utf8.h"

enum { FORM_FULL = 0, FORM_NO_PREFIX, FORM_NO_SUFFIX, FORM_STEM, NFORMS };

typedef struct {
  size_t a, b;
  int part;          /* canonical part index, -1 for an altered item */
  int form;
  const char *right; /* altered item: the listed correction, or NULL */
} item;

#define MAX_ITEMS 24

/* The bytes of part q in form f: [*off, *off + *len) within the part string. */
static int form_span(const dz_formulation *e, size_t q, int f, size_t *off, size_t *len) {
  size_t l = strlen(e->parts[q]);
  size_t p = (f == FORM_NO_PREFIX || f == FORM_STEM) ? e->prefix : 0;
  size_t s = (f == FORM_NO_SUFFIX || f == FORM_STEM) ? e->suffix : 0;
  if (f != FORM_FULL && !p && !s) return 0;
  if (p + s >= l) return 0;
  *off = p, *len = l - p - s;
  /* Compressed forms must keep at least two characters to be recognisable. */
  return f == FORM_FULL || dz__chars(e->parts[q], p, p + *len) >= 2;
}

/* Whether w occurs starting at x (forward) or ending at x (backward). */
static int text_at(const dz_rule_ctx *ctx, size_t x, int backward, const char *w, size_t len) {
  return backward ? (len <= x && !memcmp(ctx->s + x - len, w, len)) : (x + len <= ctx->n && !memcmp(ctx->s + x, w, len));
}

/* The longest item of entry e starting at x (forward) or ending at x (backward): a part in
** any accepted spelling or compressed form, or a listed wrong item (then part = -1). */
static int match_item(const dz_rule_ctx *ctx, const dz_formulation *e, size_t x, int backward, item *it) {
  size_t best = 0;
  for (size_t q = 0; q < e->nparts; q++) {
    for (size_t j = 0; j < e->alts[q].n; j++) {
      const char *w = e->alts[q].v[j];
      size_t len = strlen(w);
      if (len > best && text_at(ctx, x, backward, w, len)) {
        best = len;
        *it = (item){backward ? x - len : x, backward ? x : x + len, (int)q, FORM_FULL, NULL};
      }
    }
    for (int f = 1; f < NFORMS; f++) {
      size_t off, len;
      if (!form_span(e, q, f, &off, &len) || len <= best) continue;
      if (text_at(ctx, x, backward, e->parts[q] + off, len)) {
        best = len;
        *it = (item){backward ? x - len : x, backward ? x : x + len, (int)q, f, NULL};
      }
    }
  }
  for (size_t k = 0; k < e->nvariants; k++) {
    size_t len = strlen(e->variants[k].wrong);
    if (len > best && text_at(ctx, x, backward, e->variants[k].wrong, len)) {
      best = len;
      *it = (item){backward ? x - len : x, backward ? x : x + len, -1, FORM_FULL, e->variants[k].right};
    }
  }
  return best > 0;
}

/* Whether w starts at x. */
static int starts_with(const dz_rule_ctx *ctx, size_t x, const char *w) {
  size_t l = strlen(w);
  return x + l <= ctx->n && !memcmp(ctx->s + x, w, l);
}
/* Whether w ends at x. */
static int ends_with(const dz_rule_ctx *ctx, size_t x, const char *w) {
  size_t l = strlen(w);
  return l <= x && !memcmp(ctx->s + x - l, w, l);
}

static const char *const seps[] = {"以及", "、", "，", "和", "与", "及", NULL};
static const char *const quotes[] = {"“", "”", " ", NULL};

/* Skip one separator (with optional quotes around it) forward from x; 0 when none. */
static size_t skip_sep(const dz_rule_ctx *ctx, size_t x) {
  for (int q = 0; quotes[q]; q++)
    if (starts_with(ctx, x, quotes[q]) && strcmp(quotes[q], "“")) x += strlen(quotes[q]);
  int found = 0;
  for (int k = 0; seps[k] && !found; k++)
    if (starts_with(ctx, x, seps[k])) x += strlen(seps[k]), found = 1;
  if (!found) return 0;
  while (starts_with(ctx, x, "“") || starts_with(ctx, x, " ")) x += starts_with(ctx, x, " ") ? 1 : strlen("“");
  return x;
}

/* Skip one separator backward from x (ending at x); 0 when none. Only 、 joins compressed items. */
static size_t skip_sep_back(const dz_rule_ctx *ctx, size_t x) {
  if (ends_with(ctx, x, "、")) return x - strlen("、");
  return 0;
}

/* A foreign item of the same pattern at x: a Han run up to the next mark, starting with the
** entry's prefix or ending with its suffix, of a similar length, and not canonical. */
static int altered_item(const dz_rule_ctx *ctx, const dz_formulation *e, size_t x, item *it) {
  if (!e->prefix && !e->suffix) return 0;
  size_t i = x, chars = 0;
  while (i < ctx->n && chars < 24) {
    size_t k = i;
    uint32_t c = dz_utf8_next(ctx->s, ctx->n, &k);
    if (!dz_is_han(c)) break;
    i = k, chars++;
  }
  size_t minc = 99, maxc = 0;
  for (size_t q = 0; q < e->nparts; q++) {
    size_t c = dz__chars(e->parts[q], 0, strlen(e->parts[q]));
    if (c < minc) minc = c;
    if (c > maxc) maxc = c;
  }
  if (chars + 1 < minc || chars > maxc + 1 || chars < 2) return 0;
  int pre = e->prefix && i - x >= e->prefix && !memcmp(ctx->s + x, e->parts[0], e->prefix);
  size_t pl = strlen(e->parts[0]);
  int suf = e->suffix && i - x >= e->suffix && !memcmp(ctx->s + i - e->suffix, e->parts[0] + pl - e->suffix, e->suffix);
  if (!(e->prefix ? pre : 1) || !(e->suffix ? suf : 1)) return 0;
  *it = (item){x, i, -1, FORM_FULL, NULL};
  return 1;
}

/* Render parts `order[0..k)` of e joined by 、 in the enumeration's style; every item gets
** the repeated wrapper (必须) when the text used one. */
static void render(const dz_formulation *e, const int *order, size_t k, int style, const char *wrap, size_t wrap_len,
                   char *out, size_t cap) {
  size_t o = 0;
  out[0] = 0;
  for (size_t i = 0; i < k; i++) {
    int f = FORM_FULL;
    if (style == FORM_NO_PREFIX && i > 0) f = FORM_NO_PREFIX;
    if (style == FORM_NO_SUFFIX && i + 1 < k) f = FORM_NO_SUFFIX;
    size_t off, len;
    if (!form_span(e, (size_t)order[i], f, &off, &len)) form_span(e, (size_t)order[i], FORM_FULL, &off, &len);
    int w = snprintf(out + o, cap - o, "%s%.*s%.*s", i ? "、" : "", (int)wrap_len, wrap, (int)len,
                     e->parts[order[i]] + off);
    if (w < 0 || (size_t)w >= cap - o) return;
    o += (size_t)w;
  }
}

/* Whether the entry's label introduces the enumeration starting at x: it ends just before
** it, joined only by marks like ”：，即 (四个意识”：政治意识…; 四个自信，即道路自信…). A label
** merely elsewhere in the sentence proves nothing (“四风”问题…有的形式主义、官僚主义突出). */
static int label_before(const dz_rule_ctx *ctx, const dz_formulation *e, size_t x) {
  if (!*e->label) return 0;
  static const char *const glue[] = {"”", "：", "，", "即", "是", "“", "（", ":", "就是", NULL};
  for (int steps = 0; steps < 4; steps++) {
    if (ends_with(ctx, x, e->label)) return 1;
    int moved = 0;
    for (int g = 0; glue[g] && !moved; g++)
      if (ends_with(ctx, x, glue[g])) x -= strlen(glue[g]), moved = 1;
    if (!moved) return 0;
  }
  return ends_with(ctx, x, e->label);
}

/* How messages name a formulation: 不是“四个意识”中的规范用语, or 不是规范用语 without a label. */
static const char *display(const dz_formulation *e, char *buf, size_t cap) {
  if (*e->label) snprintf(buf, cap, "“%s”中的", e->label);
  else buf[0] = 0;
  return buf;
}

/* Judge one enumeration of entry e: altered, order, missing (in that priority). */
static int check_enum(dz_rule_ctx *ctx, const dz_formulation *e, const item *it, size_t n, const char *wrap,
                      size_t wrap_len) {
  int seen[DZ_MAX_PARTS] = {0};
  size_t k = 0, alt = 0, alt_at = 0;
  int ordered = 1, last = -1, style = FORM_FULL;
  for (size_t i = 0; i < n; i++) {
    if (it[i].part < 0) {
      alt++, alt_at = i;
      continue;
    }
    if (seen[it[i].part]++) return 0; /* a part twice: not an enumeration of this entry */
    k++;
    if (it[i].part < last) ordered = 0;
    last = it[i].part;
    if (it[i].form == FORM_NO_PREFIX || it[i].form == FORM_STEM) style = e->suffix && it[i].form == FORM_STEM ? FORM_NO_SUFFIX : FORM_NO_PREFIX;
    if (it[i].form == FORM_NO_SUFFIX) style = FORM_NO_SUFFIX;
  }
  size_t a = it[0].a, b = it[n - 1].b;
  if (k < 2) return 0;
  char sugg[1024], nm[300];
  int order[DZ_MAX_PARTS];
  if (alt) {
    const item *x = &it[alt_at];
    if (x->right) { /* a listed wrong item: its correction is known, unless already there */
      for (size_t q = 0; q < e->nparts; q++)
        if (seen[q] && !strcmp(e->parts[q], x->right)) return 0;
      snprintf(sugg, sizeof sugg, "%s", x->right);
    } else {
      if (alt != 1 || k + 1 != e->nparts) return 0;
      size_t miss = 0;
      while (miss < e->nparts && seen[miss]) miss++;
      int f = (style == FORM_NO_PREFIX && alt_at > 0) ? FORM_NO_PREFIX : FORM_FULL;
      size_t off, len;
      if (!form_span(e, miss, f, &off, &len)) form_span(e, miss, FORM_FULL, &off, &len);
      snprintf(sugg, sizeof sugg, "%.*s", (int)len, e->parts[miss] + off);
    }
    return dz__emit(ctx, "formulation.altered", x->a, x->b, sugg, "“%.*s”不是%s规范用语，应为“%s”。", (int)(x->b - x->a),
                    ctx->s + x->a, display(e, nm, sizeof nm), sugg);
  }
  /* Two items out of order are enough only for a counted formulation (四个意识) written in
  ** full with long parts; short parts (创新、协调) occur in ordinary prose, so they need three. */
  int strong = *e->label && style == FORM_FULL && e->min_chars >= 4;
  if (!ordered && (k >= 3 || strong || label_before(ctx, e, a))) {
    size_t j = 0;
    for (size_t q = 0; q < e->nparts; q++)
      if (seen[q]) order[j++] = (int)q;
    render(e, order, j, style, wrap, wrap_len, sugg, sizeof sugg);
    if (*e->label)
      return dz__emit(ctx, "formulation.order", a, b, sugg, "“%s”的规范顺序是：%s。", e->label, sugg);
    return dz__emit(ctx, "formulation.order", a, b, sugg, "顺序不规范，应为：%s。", sugg);
  }
  /* A missing part needs the label right before: without it, n-1 parts are often a
  ** deliberate subset or an older formulation (道路自信、理论自信、制度自信 before 2016). */
  if (k < e->nparts && label_before(ctx, e, a)) {
    for (size_t q = 0; q < e->nparts; q++) order[q] = (int)q;
    render(e, order, e->nparts, style, wrap, wrap_len, sugg, sizeof sugg);
    char missing[512] = "";
    size_t mo = 0;
    for (size_t q = 0; q < e->nparts; q++)
      if (!seen[q] && mo < sizeof missing)
        mo += (size_t)snprintf(missing + mo, sizeof missing - mo, "%s“%s”", mo ? "、" : "", e->parts[q]);
    return dz__emit(ctx, "formulation.missing", a, b, sugg, "“%s”缺少%s，完整表述为：%s。", e->label,
                    missing, sugg);
  }
  return 0;
}

/* Grow an enumeration of entry e around the full part at [a, b) and check it. Returns the
** end of the enumeration, so later matches inside it are skipped. */
static size_t enumeration(dz_rule_ctx *ctx, const dz_formulation *e, size_t part, size_t a, size_t b) {
  item it[MAX_ITEMS];
  size_t n = 0;
  /* Backward: compressed items before a full last item (道路、理论、制度、文化自信). */
  item back[MAX_ITEMS];
  size_t nb = 0, x = a;
  while (nb < MAX_ITEMS / 2) {
    size_t y = skip_sep_back(ctx, x);
    item t;
    if (!y || !match_item(ctx, e, y, 1, &t) || (t.form == FORM_FULL && !t.right)) break;
    back[nb++] = t;
    x = t.a;
  }
  while (nb) it[n++] = back[--nb];
  it[n++] = (item){a, b, (int)part, FORM_FULL, NULL};
  /* A wrapper repeated before every item (必须坚持人民至上、必须坚持自信自立): the Han
  ** characters between the previous mark and the first item, at most four. */
  size_t wa = it[0].a, wl = 0;
  while (wa > 0 && wl < 4) {
    size_t j = wa;
    if (!dz_is_han(dz_utf8_prev(ctx->s, &j))) break;
    wa = j, wl++;
  }
  size_t wlen = wl && wl < 4 ? it[0].a - wa : 0;
  int wrapped = 0;
  x = b;
  while (n < MAX_ITEMS) {
    size_t y = skip_sep(ctx, x);
    item t;
    if (!y) break;
    if (!match_item(ctx, e, y, 0, &t) && !altered_item(ctx, e, y, &t)) {
      /* Only a full part may follow the same wrapper. */
      if (!wlen || y + wlen > ctx->n || memcmp(ctx->s + y, ctx->s + wa, wlen) || !match_item(ctx, e, y + wlen, 0, &t) ||
          t.form != FORM_FULL || t.part < 0)
        break;
      wrapped = 1;
    }
    it[n++] = t;
    x = t.b;
  }
  if (wrapped) it[0].a = wa; /* the span covers the first wrapper too */
  if (check_enum(ctx, e, it, n, ctx->s + wa, wrapped ? wlen : 0)) return (size_t)-1;
  return it[n - 1].b;
}

/* formulation.name: wrong variants not inside an accepted spelling. */
static int names(dz_rule_ctx *ctx) {
  size_t last_end = 0;
  for (size_t i = 0; i < ctx->nm; i++) {
    const dz_match *m = &ctx->m[i];
    if (DZ_MK_KIND(m->value) != DZ_MK_FVAR || m->start < last_end) continue;
    size_t ei = DZ_MK_INDEX(m->value) >> 6, vi = DZ_MK_INDEX(m->value) & 63;
    int inside = 0;
    size_t lo = dz__match_lower(ctx, m->start > DZ_MAX_PATTERN ? m->start - DZ_MAX_PATTERN : 0);
    for (size_t j = lo; j < ctx->nm && ctx->m[j].start <= m->start && !inside; j++)
      inside = ctx->m[j].value == DZ_MK(DZ_MK_FNAME, ei) && ctx->m[j].end >= m->end;
    if (inside) continue;
    const dz_formulation *e = &ctx->ck->form[ei];
    last_end = m->end;
    const char *right = e->variants[vi].right;
    if (dz__emit(ctx, "formulation.name", m->start, m->end, right, "“%.*s”不规范，应为“%s”。", (int)(m->end - m->start),
                 ctx->s + m->start, right))
      return ctx->err;
  }
  return 0;
}

/* Names first, then one enumeration per run of list parts. */
int dz__rule_formulation(dz_rule_ctx *ctx) {
  const dz_checker *ck = ctx->ck;
  if (names(ctx)) return ctx->err;
  if (!ck->nform) return 0;
  size_t *done = calloc(ck->nform, sizeof *done); /* end of the last enumeration per entry */
  if (!done) return ctx->err = DZ_ENOMEM;
  for (size_t i = 0; i < ctx->nm; i++) {
    const dz_match *m = &ctx->m[i];
    if (DZ_MK_KIND(m->value) != DZ_MK_FPART) continue;
    size_t ei = DZ_MK_INDEX(m->value) >> 6, q = DZ_MK_INDEX(m->value) & 63;
    if (m->start < done[ei]) continue;
    size_t end = enumeration(ctx, &ck->form[ei], q, m->start, m->end);
    if (end == (size_t)-1) break;
    done[ei] = end;
  }
  free(done);
  return ctx->err;
}
