/*
** Writing findings back into word/document.xml. Only the runs an edit or a comment boundary
** falls inside are rewritten; every other byte of the part is copied through unchanged.
**
** An edit's span and its suggestion are first trimmed of their common prefix and suffix (on
** character boundaries), so "以学以学" -> "以学" deletes just the second 以学. The deleted
** text becomes w:del runs and the new text one w:ins run after them (or, untracked, the text
** is simply replaced), each carrying a copy of the original run's w:rPr. Every edit also
** becomes a comment: commentRangeStart/End around its span and a commentReference run after
** it. A span Word cannot revise (a numbering label, a field, a drawing, text inside an earlier
** revision, or across paragraphs) keeps its comment only, anchored on the nearest run edges.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "io/docx_write.h"
#include "util/error.h"

enum { EV_DEL_END = 1, EV_INS, EV_CEND, EV_CPOINT, EV_CSTART, EV_DEL_BEGIN };

typedef struct {
  size_t run, off; /* run index, byte offset in its text */
  int kind;
  long id;
  const char *s; /* insertion text */
  size_t n;
  size_t seq;
} event;

typedef struct {
  size_t pos; /* byte offset in the original XML */
  int order;  /* at equal positions: comment starts, then ends, then run rewrites */
  size_t seq;
  size_t run; /* for rewrites */
  int kind;   /* EV_CSTART / EV_CEND / EV_CPOINT, or 0 for a run rewrite */
  long id;
} splice;

typedef struct {
  const char *xml, *text;
  const dz_docx_run *runs;
  const dz_docx_para *paras;
  size_t nruns, nparas, text_len;
  const dz__patch_opts *o;
  event *ev;
  size_t nev, cap_ev;
  splice *sp;
  size_t nsp, cap_sp;
  size_t seq;
  long next_id;
  int oom;
} patch;

static void add_event(patch *p, size_t run, size_t off, int kind, long id, const char *s, size_t n) {
  if (p->nev == p->cap_ev) {
    size_t cap = p->cap_ev ? p->cap_ev * 2 : 64;
    event *e = realloc(p->ev, cap * sizeof *e);
    if (!e) { p->oom = 1; return; }
    p->ev = e, p->cap_ev = cap;
  }
  p->ev[p->nev++] = (event){run, off, kind, id, s, n, p->seq++};
}

static void add_splice(patch *p, size_t pos, int order, size_t run, int kind, long id) {
  if (p->nsp == p->cap_sp) {
    size_t cap = p->cap_sp ? p->cap_sp * 2 : 64;
    splice *s = realloc(p->sp, cap * sizeof *s);
    if (!s) { p->oom = 1; return; }
    p->sp = s, p->cap_sp = cap;
  }
  p->sp[p->nsp++] = (splice){pos, order, p->seq++, run, kind, id};
}

/* The paragraph holding decoded offset `off` (the next one when `off` is on an LF). */
static long find_para(const patch *p, size_t off) {
  size_t lo = 0, hi = p->nparas;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (p->paras[mid].dstart <= off) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return p->nparas ? 0 : -1;
  if (off > p->paras[lo - 1].dend && lo < p->nparas) return (long)lo;
  return (long)(lo - 1);
}

/* Where a paragraph's end tag begins. */
static size_t para_end_tag(const patch *p, const dz_docx_para *pa) {
  size_t i = pa->xend;
  while (i > pa->xstart && p->xml[i - 1] != '<') i--;
  return i ? i - 1 : 0;
}

static void anchor_start(patch *p, size_t s, int kind, long id) {
  long pi = find_para(p, s);
  if (pi < 0) return;
  const dz_docx_para *pa = &p->paras[pi];
  for (uint32_t i = 0; i < pa->nruns; i++) {
    size_t ri = pa->first_run + i;
    const dz_docx_run *r = &p->runs[ri];
    if (s >= r->dstart && s < r->dend) {
      if (!r->flags && s > r->dstart) add_event(p, ri, s - r->dstart, kind, id, NULL, 0);
      else add_splice(p, r->xstart, 1, 0, kind, id);
      return;
    }
    if (r->dstart >= s && r->dend > r->dstart) {
      add_splice(p, r->xstart, 1, 0, kind, id);
      return;
    }
  }
  add_splice(p, para_end_tag(p, pa), 1, 0, kind, id);
}

static void anchor_end(patch *p, size_t e, long id) {
  long pi = find_para(p, e ? e - 1 : 0);
  if (pi < 0) return;
  const dz_docx_para *pa = &p->paras[pi];
  for (uint32_t i = pa->nruns; i-- > 0;) {
    size_t ri = pa->first_run + i;
    const dz_docx_run *r = &p->runs[ri];
    if (e > r->dstart && e <= r->dend) {
      if (!r->flags && e < r->dend) add_event(p, ri, e - r->dstart, EV_CEND, id, NULL, 0);
      else add_splice(p, r->xend, 2, 0, EV_CEND, id);
      return;
    }
    if (r->dend <= e && r->dend > r->dstart) {
      add_splice(p, r->xend, 2, 0, EV_CEND, id);
      return;
    }
  }
  /* Only label text before the first run: close where the start went. */
  anchor_start(p, pa->dstart, EV_CEND, id);
}

/* Try to turn [a, b) -> ins into revision events; 0 when Word cannot take it there. */
static int revise(patch *p, size_t a, size_t b, const char *ins, size_t n) {
  long pi = find_para(p, a);
  if (pi < 0) return 0;
  const dz_docx_para *pa = &p->paras[pi];
  if (a < pa->dstart || b > pa->dend) return 0;
  size_t first = SIZE_MAX, last = SIZE_MAX, covered = a;
  for (uint32_t i = 0; i < pa->nruns; i++) {
    size_t ri = pa->first_run + i;
    const dz_docx_run *r = &p->runs[ri];
    if (a == b) { /* a pure insertion: into the run that ends at or holds a */
      if (r->dstart < a && a <= r->dend) first = last = ri;
      else if (r->dstart == a && r->dend > a && first == SIZE_MAX) first = last = ri;
      continue;
    }
    if (r->dend <= a || r->dstart >= b) continue;
    if (r->dstart > covered) return 0; /* a gap: label text or a skipped element */
    if (first == SIZE_MAX) first = ri;
    last = ri;
    covered = r->dend;
  }
  if (first == SIZE_MAX || (a < b && covered < b)) return 0;
  for (size_t ri = first; ri <= last; ri++)
    if (p->runs[ri].flags) return 0;
  long id = 0;
  for (size_t ri = first; a < b && ri <= last; ri++) {
    const dz_docx_run *r = &p->runs[ri];
    size_t s = a > r->dstart ? a - r->dstart : 0, e = (b < r->dend ? b : r->dend) - r->dstart;
    id = p->next_id++;
    add_event(p, ri, s, EV_DEL_BEGIN, id, NULL, 0);
    add_event(p, ri, e, EV_DEL_END, id, NULL, 0);
  }
  if (n) add_event(p, last, b - p->runs[last].dstart, EV_INS, p->next_id++, ins, n);
  return 1;
}

static int cmp_event(const void *x, const void *y) {
  const event *a = x, *b = y;
  if (a->run != b->run) return a->run < b->run ? -1 : 1;
  if (a->off != b->off) return a->off < b->off ? -1 : 1;
  if (a->kind != b->kind) return a->kind - b->kind;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int cmp_splice(const void *x, const void *y) {
  const splice *a = x, *b = y;
  if (a->pos != b->pos) return a->pos < b->pos ? -1 : 1;
  if (a->order != b->order) return a->order - b->order;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void marker(dz_buf *b, int kind, long id) {
  if (kind == EV_CSTART || kind == EV_CPOINT) dz_buf_printf(b, "<w:commentRangeStart w:id=\"%ld\"/>", id);
  if (kind == EV_CEND || kind == EV_CPOINT)
    dz_buf_printf(b, "<w:commentRangeEnd w:id=\"%ld\"/><w:r><w:commentReference w:id=\"%ld\"/></w:r>", id, id);
}

/* One piece of a split run, plain or deleted. */
static void piece(const patch *p, dz_buf *b, const dz_docx_run *r, const char *s, size_t n, int deleted) {
  if (!n) return;
  const char *tag = deleted ? "w:delText" : "w:t";
  dz_buf_puts(b, "<w:r>");
  if (r->pend > r->pstart) dz_buf_put(b, p->xml + r->pstart, r->pend - r->pstart);
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != '\t' && s[j] != '\n') j++;
    if (j > i) {
      dz_buf_printf(b, "<%s xml:space=\"preserve\">", tag);
      dz_buf_xml(b, s + i, j - i);
      dz_buf_printf(b, "</%s>", tag);
    }
    if (j < n) dz_buf_puts(b, s[j] == '\t' ? "<w:tab/>" : "<w:br/>");
    i = j + 1;
  }
  dz_buf_puts(b, "</w:r>");
}

static void revision_open(const patch *p, dz_buf *b, const char *tag, long id) {
  dz_buf_printf(b, "<w:%s w:id=\"%ld\" w:author=\"", tag, id);
  dz_buf_xml(b, p->o->author, strlen(p->o->author));
  dz_buf_printf(b, "\" w:date=\"%s\">", p->o->date);
}

/* Re-emit run `ri` split at its events [e0, e1). */
static void rewrite(const patch *p, dz_buf *b, size_t ri, const event *ev, size_t n) {
  const dz_docx_run *r = &p->runs[ri];
  const char *t = p->text + r->dstart;
  size_t pos = 0, len = r->dend - r->dstart;
  long del = -1;
  for (size_t k = 0; k < n; k++) {
    const event *e = &ev[k];
    size_t off = e->off < len ? e->off : len;
    if (off > pos) {
      if (del >= 0 && p->o->tracked) {
        revision_open(p, b, "del", del);
        piece(p, b, r, t + pos, off - pos, 1);
        dz_buf_puts(b, "</w:del>");
      } else if (del < 0) {
        piece(p, b, r, t + pos, off - pos, 0);
      }
      pos = off;
    }
    switch (e->kind) {
    case EV_DEL_BEGIN: del = e->id; break;
    case EV_DEL_END: del = -1; break;
    case EV_INS:
      if (p->o->tracked) revision_open(p, b, "ins", e->id);
      piece(p, b, r, e->s, e->n, 0);
      if (p->o->tracked) dz_buf_puts(b, "</w:ins>");
      break;
    default: marker(b, e->kind, e->id);
    }
  }
  if (len > pos) piece(p, b, r, t + pos, len - pos, 0);
}

static void comment(const patch *p, dz_buf *c, long id, const dz_docx_edit *e) {
  dz_buf_printf(c, "<w:comment w:id=\"%ld\" w:author=\"", id);
  dz_buf_xml(c, p->o->author, strlen(p->o->author));
  dz_buf_printf(c, "\" w:date=\"%s\" w:initials=\"DZ\"><w:p><w:r><w:t xml:space=\"preserve\">", p->o->date);
  if (e->message) dz_buf_xml(c, e->message, strlen(e->message));
  if (e->rule) {
    dz_buf_puts(c, "〔");
    dz_buf_xml(c, e->rule, strlen(e->rule));
    dz_buf_puts(c, "〕");
  }
  if (e->suggestion && *e->suggestion) {
    dz_buf_puts(c, "建议改为“");
    dz_buf_xml(c, e->suggestion, strlen(e->suggestion));
    dz_buf_puts(c, "”。");
  } else if (e->suggestion) {
    dz_buf_puts(c, "建议删除。");
  }
  dz_buf_puts(c, "</w:t></w:r></w:p></w:comment>");
}

/* Edits in span order (a stable index sort, so equal spans keep their input order). */
static size_t *sort_edits(const dz_docx_edit *e, size_t n) {
  size_t *ix = malloc((n ? n : 1) * sizeof *ix);
  if (!ix) return NULL;
  for (size_t i = 0; i < n; i++) ix[i] = i;
  for (size_t i = 1; i < n; i++) { /* insertion sort keeps it simple and stable; n is small */
    size_t v = ix[i], j = i;
    while (j > 0 && (e[ix[j - 1]].start > e[v].start ||
                     (e[ix[j - 1]].start == e[v].start && e[ix[j - 1]].end > e[v].end)))
      ix[j] = ix[j - 1], j--;
    ix[j] = v;
  }
  return ix;
}

static int cont(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

/* Drop the common prefix and suffix of the span t[a, b) and its suggestion s[0, n), keeping
** both cuts on character boundaries. */
static void trim(const char *t, size_t *a, size_t *b, const char **s, size_t *n) {
  size_t span = *b - *a, pre = 0, suf = 0;
  while (pre < span && pre < *n && t[*a + pre] == (*s)[pre]) pre++;
  while (pre > 0 && ((pre < span && cont(t[*a + pre])) || (pre < *n && cont((*s)[pre])))) pre--;
  while (suf < span - pre && suf < *n - pre && t[*b - 1 - suf] == (*s)[*n - 1 - suf]) suf++;
  while (suf > 0 && cont(t[*b - suf])) suf--;
  *a += pre, *b -= suf, *s += pre, *n -= pre + suf;
}

int dz__docx_patch(dz_buf *doc_out, dz_buf *comments_out, size_t *applied, const char *xml, size_t len,
                   const dz_docx_run *runs, size_t nruns, const dz_docx_para *paras, size_t nparas,
                   const char *text, size_t text_len, const dz_docx_edit *edits, size_t n,
                   const dz__patch_opts *o, dz_error *err) {
  patch p = {.xml = xml, .text = text, .runs = runs, .paras = paras, .nruns = nruns, .nparas = nparas,
             .text_len = text_len, .o = o, .next_id = o->max_id + 1};
  size_t *ix = sort_edits(edits, n), done = 0, last_end = 0;
  if (!ix) return dz__error_nomem(err);
  for (size_t k = 0; k < n; k++) {
    const dz_docx_edit *e = &edits[ix[k]];
    if (e->start > e->end || e->end > text_len) continue;
    long cid = p.next_id++;
    if (e->start == e->end) anchor_start(&p, e->start, EV_CPOINT, cid);
    else anchor_start(&p, e->start, EV_CSTART, cid), anchor_end(&p, e->end, cid);
    comment(&p, comments_out, cid, e);
    if (!e->suggestion || (done && e->start < last_end)) continue;
    size_t a = e->start, b = e->end, sn = strlen(e->suggestion);
    const char *s = e->suggestion;
    trim(text, &a, &b, &s, &sn);
    if (a == b && !sn) continue;
    if (revise(&p, a, b, s, sn)) done++, last_end = e->end;
  }
  free(ix);
  /* Each run with events becomes one rewrite splice. */
  if (p.nev) qsort(p.ev, p.nev, sizeof *p.ev, cmp_event);
  for (size_t i = 0; i < p.nev; i++)
    if (i == 0 || p.ev[i].run != p.ev[i - 1].run) add_splice(&p, runs[p.ev[i].run].xstart, 3, p.ev[i].run, 0, 0);
  if (p.oom) goto oom;
  if (p.nsp) qsort(p.sp, p.nsp, sizeof *p.sp, cmp_splice);
  size_t pos = 0, ei = 0;
  for (size_t i = 0; i < p.nsp; i++) {
    const splice *s = &p.sp[i];
    if (s->pos < pos) continue; /* inside a rewritten run already emitted (cannot happen) */
    dz_buf_put(doc_out, xml + pos, s->pos - pos);
    pos = s->pos;
    if (s->kind) {
      marker(doc_out, s->kind, s->id);
      continue;
    }
    while (ei < p.nev && p.ev[ei].run < s->run) ei++;
    size_t e0 = ei;
    while (ei < p.nev && p.ev[ei].run == s->run) ei++;
    rewrite(&p, doc_out, s->run, p.ev + e0, ei - e0);
    pos = runs[s->run].xend;
  }
  dz_buf_put(doc_out, xml + pos, len - pos);
  free(p.ev);
  free(p.sp);
  if (doc_out->oom || comments_out->oom) return dz__error_nomem(err);
  if (applied) *applied = done;
  return DZ_OK;
oom:
  free(p.ev);
  free(p.sp);
  return dz__error_nomem(err);
}
