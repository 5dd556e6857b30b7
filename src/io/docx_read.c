/*
** The .docx reader. The package is opened with libzip from memory; each XML part streams in
** 64 KiB chunks through expat; the body becomes LF-separated lines, one per paragraph in
** reading order (table cells included, one paragraph per line), with automatic numbering
** labels rebuilt (docx_numbering.c) and tracked changes read as accepted (w:ins and w:moveTo
** kept, w:del and w:moveFrom dropped, a deleted paragraph mark joins two paragraphs).
** Headers, footers and footnotes/endnotes are extracted into separate texts kept on the map.
** Text boxes (w:txbxContent) and the mc:Fallback copies of drawings are skipped.
**
** Every run is recorded with its text span and its bytes in word/document.xml
** (docx_map.h), and the whole package is kept, so that `duizhao fix` can rewrite the runs a
** finding touches and copy everything else through untouched.
*/
#include <stdlib.h>
#include <string.h>

#include "io/docx.h"
#include "io/docx_map.h"
#include "io/docx_numbering.h"
#include "io/docx_xml.h"
#include "io/zipin.h"
#include "text/text.h"
#include "util/buf.h"
#include "util/error.h"

#define MAX_DEPTH 10000 /* deeper XML than this is an attack, not a document */

typedef struct {
  XML_Parser p; /* first, see dz__xml_parser_new */
  dz_buf *out;
  int mapping; /* body: record runs and paragraphs */
  dz__numdefs *num;
  int depth;
  int skip;      /* depth where a skipped subtree began, 0 when not skipping */
  int t_depth;   /* inside w:t / w:delText... (the text element being read) */
  /* paragraph */
  int p_depth;
  int num_id, ilvl, in_ppr;
  char pstyle[64];
  int label_done, mark_deleted, joined; /* joined: previous paragraph's mark was deleted */
  size_t p_dstart;
  size_t p_xstart;
  /* run */
  int r_depth, rpr_depth;
  dz_docx_run run;
  size_t r_xlen;
  int ins_depth;  /* > 0 inside w:ins / w:moveTo */
  int fld;        /* complex field nesting (fldChar begin/end) */
  int fld_simple; /* depth of an enclosing w:fldSimple */
  dz_docx_run *runs;
  size_t nruns, cap_runs;
  dz_docx_para *paras;
  size_t nparas, cap_paras;
  uint32_t runs_in_para;
  long max_id;
  int oom, too_deep;
} xstate;

static void stop(xstate *s) { XML_StopParser(s->p, XML_FALSE); }

static size_t xml_index(xstate *s) { return (size_t)XML_GetCurrentByteIndex(s->p); }

/* The numbering label goes before the paragraph's first text (pPr always comes first). */
static void label(xstate *s) {
  if (s->label_done || !s->p_depth) return;
  s->label_done = 1;
  dz__numdefs_label(s->num, s->num_id, s->ilvl, s->pstyle[0] ? s->pstyle : NULL, s->out);
}

static void begin_para(xstate *s) {
  s->p_depth = s->depth;
  s->num_id = s->ilvl = -1;
  s->pstyle[0] = 0;
  s->label_done = s->mark_deleted = 0;
  s->runs_in_para = 0;
  if (!s->joined) s->p_dstart = s->out->len;
  s->p_xstart = s->mapping ? xml_index(s) : 0;
  if (s->mapping && !s->joined) {
    if (s->nparas == s->cap_paras) {
      size_t cap = s->cap_paras ? s->cap_paras * 2 : 256;
      dz_docx_para *p = realloc(s->paras, cap * sizeof *p);
      if (!p) {
        s->oom = 1;
        stop(s);
        return;
      }
      s->paras = p, s->cap_paras = cap;
    }
    dz_docx_para *p = &s->paras[s->nparas++];
    p->dstart = s->out->len;
    p->xstart = s->p_xstart;
    p->first_run = (uint32_t)s->nruns;
    p->nruns = 0;
  }
}

static void end_para(xstate *s) {
  label(s);
  s->p_depth = 0;
  if (s->mapping && s->nparas) {
    dz_docx_para *p = &s->paras[s->nparas - 1];
    p->dend = s->out->len;
    p->xend = xml_index(s) + (size_t)XML_GetCurrentByteCount(s->p);
    p->nruns = (uint32_t)(s->nruns - p->first_run);
  }
  /* A deleted paragraph mark (accepted) merges this paragraph with the next one. */
  s->joined = s->mark_deleted;
  if (!s->mark_deleted) dz_buf_put(s->out, "\n", 1);
}

static void end_run(xstate *s, size_t xend) {
  if (!s->mapping) return;
  s->run.dend = s->out->len;
  s->run.xend = xend;
  if (s->nruns == s->cap_runs) {
    size_t cap = s->cap_runs ? s->cap_runs * 2 : 1024;
    dz_docx_run *r = realloc(s->runs, cap * sizeof *r);
    if (!r) {
      s->oom = 1;
      stop(s);
      return;
    }
    s->runs = r, s->cap_runs = cap;
  }
  s->runs[s->nruns++] = s->run;
}

/* Elements whose whole subtree carries no visible body text. */
static int skipped(const char *l) {
  return !strcmp(l, "del") || !strcmp(l, "moveFrom") || !strcmp(l, "txbxContent") || !strcmp(l, "pPrChange") ||
         !strcmp(l, "rPrChange") || !strcmp(l, "instrText") || !strcmp(l, "delInstrText") || !strcmp(l, "comment");
}

static void note_id(xstate *s, const char **atts) {
  const char *id = dz__w_attr(atts, "id");
  if (id) {
    long v = strtol(id, NULL, 10);
    if (v > s->max_id && v < 1000000000L) s->max_id = v;
  }
}

static void XMLCALL on_start(void *ud, const char *qn, const char **atts) {
  xstate *s = ud;
  if (++s->depth > MAX_DEPTH) {
    s->too_deep = 1;
    stop(s);
    return;
  }
  if (s->mapping) note_id(s, atts);
  if (s->skip) return;
  const char *l = dz__w_local(qn);
  if (!l) {
    /* mc:Fallback repeats what mc:Choice shows; read the choice only. */
    if (!strncmp(qn, DZ_NS_MC "|", sizeof DZ_NS_MC) && !strcmp(qn + sizeof DZ_NS_MC, "Fallback")) s->skip = s->depth;
    return;
  }
  if (s->rpr_depth) {
    /* A formatting revision carries its own w:id: copying it into split pieces would
    ** duplicate the id, so such a run is left whole. */
    if (!strcmp(l, "rPrChange")) s->run.flags |= DZ_RUN_REVISION;
    return;
  }
  if (s->in_ppr) {
    if (!strcmp(l, "numId")) s->num_id = atoi(dz__w_attr(atts, "val") ? dz__w_attr(atts, "val") : "-1");
    else if (!strcmp(l, "ilvl")) s->ilvl = atoi(dz__w_attr(atts, "val") ? dz__w_attr(atts, "val") : "0");
    else if (!strcmp(l, "pStyle")) snprintf(s->pstyle, sizeof s->pstyle, "%s", dz__w_attr(atts, "val") ? dz__w_attr(atts, "val") : "");
    else if (!strcmp(l, "del") || !strcmp(l, "moveFrom")) s->mark_deleted = 1; /* inside pPr/rPr */
    else if (!strcmp(l, "pPrChange")) s->skip = s->depth;
    return;
  }
  if (!strcmp(l, "del") && s->r_depth) return; /* never inside a run, but be safe */
  if (skipped(l)) {
    s->skip = s->depth;
    if (s->r_depth) s->run.flags |= DZ_RUN_COMPLEX;
    return;
  }
  if (!strcmp(l, "footnote") || !strcmp(l, "endnote")) {
    const char *type = dz__w_attr(atts, "type"); /* separators are layout, not notes */
    if (type && strcmp(type, "normal")) s->skip = s->depth;
    return;
  }
  if (!strcmp(l, "p")) {
    if (s->p_depth) { /* a paragraph inside a paragraph: only in content we skip */
      s->skip = s->depth;
      return;
    }
    begin_para(s);
  } else if (!strcmp(l, "pPr") && s->p_depth && !s->r_depth) {
    s->in_ppr = s->depth;
  } else if (!strcmp(l, "ins") || !strcmp(l, "moveTo")) {
    if (!s->r_depth) s->ins_depth++;
  } else if (!strcmp(l, "fldSimple")) {
    if (!s->fld_simple) s->fld_simple = s->depth;
  } else if (!strcmp(l, "r") && s->p_depth && !s->r_depth) {
    label(s);
    s->r_depth = s->depth;
    memset(&s->run, 0, sizeof s->run);
    if (s->mapping) {
      s->run.para = (uint32_t)(s->nparas - 1);
      s->run.index = s->runs_in_para++;
      s->run.dstart = s->out->len;
      s->run.xstart = xml_index(s);
      s->r_xlen = (size_t)XML_GetCurrentByteCount(s->p);
      if (s->ins_depth) s->run.flags |= DZ_RUN_REVISION;
      if (s->fld || s->fld_simple) s->run.flags |= DZ_RUN_FIELD;
    }
  } else if (s->r_depth) {
    if (!strcmp(l, "rPr")) {
      s->rpr_depth = s->depth;
      if (s->mapping) s->run.pstart = xml_index(s);
    } else if (!strcmp(l, "t")) {
      s->t_depth = s->depth;
    } else if (!strcmp(l, "tab") || !strcmp(l, "ptab")) {
      dz_buf_put(s->out, "\t", 1);
    } else if (!strcmp(l, "br") || !strcmp(l, "cr")) {
      const char *type = dz__w_attr(atts, "type");
      if (!type || !strcmp(type, "textWrapping")) dz_buf_put(s->out, "\n", 1);
      else s->run.flags |= DZ_RUN_COMPLEX; /* page and column breaks are layout */
    } else if (!strcmp(l, "noBreakHyphen")) {
      dz_buf_put(s->out, "-", 1);
      s->run.flags |= DZ_RUN_COMPLEX;
    } else if (!strcmp(l, "fldChar")) {
      const char *type = dz__w_attr(atts, "fldCharType");
      if (type && !strcmp(type, "begin")) s->fld++;
      else if (type && !strcmp(type, "end") && s->fld > 0) s->fld--;
      s->run.flags |= DZ_RUN_COMPLEX | DZ_RUN_FIELD;
    } else if (strcmp(l, "lastRenderedPageBreak") && strcmp(l, "softHyphen")) {
      /* w:sym (a symbol-font glyph), drawings, footnote references...: no text, keep whole */
      s->run.flags |= DZ_RUN_COMPLEX;
      s->skip = s->depth;
    }
  }
}

static void XMLCALL on_end(void *ud, const char *qn) {
  xstate *s = ud;
  int d = s->depth--;
  if (s->skip) {
    if (d == s->skip) s->skip = 0;
    return;
  }
  if (s->rpr_depth) {
    if (d == s->rpr_depth) {
      s->rpr_depth = 0;
      if (s->mapping) s->run.pend = xml_index(s) + (size_t)XML_GetCurrentByteCount(s->p);
    }
    return;
  }
  if (s->in_ppr) {
    if (d == s->in_ppr) s->in_ppr = 0;
    return;
  }
  const char *l = dz__w_local(qn);
  if (!l) return;
  if (d == s->t_depth) s->t_depth = 0;
  else if (d == s->r_depth) {
    size_t n = (size_t)XML_GetCurrentByteCount(s->p);
    end_run(s, n ? xml_index(s) + n : s->run.xstart + s->r_xlen);
    s->r_depth = 0;
  } else if (d == s->p_depth) end_para(s);
  else if (d == s->fld_simple) s->fld_simple = 0;
  else if ((!strcmp(l, "ins") || !strcmp(l, "moveTo")) && !s->r_depth && s->ins_depth > 0) s->ins_depth--;
}

static void XMLCALL on_text(void *ud, const char *t, int n) {
  xstate *s = ud;
  if (!s->t_depth || s->skip || s->depth != s->t_depth) return;
  /* Drop U+FEFF and CR so that extracted offsets and decoded offsets stay identical. */
  int run = 0;
  for (int i = 0; i < n; i++) {
    int bom = i + 2 < n && (unsigned char)t[i] == 0xEF && (unsigned char)t[i + 1] == 0xBB && (unsigned char)t[i + 2] == 0xBF;
    if (t[i] != '\r' && !bom) continue;
    dz_buf_put(s->out, t + run, (size_t)(i - run));
    if (bom) i += 2;
    run = i + 1;
  }
  dz_buf_put(s->out, t + run, (size_t)(n - run));
}

/* Extract one part into `out`. Missing parts are fine except the body (checked by caller). */
static int read_part(dz_zipin *z, const char *entry, xstate *s, dz_error *err) {
  if (!dz__xml_parser_new(s)) return dz__error_nomem(err);
  XML_SetElementHandler(s->p, on_start, on_end);
  XML_SetCharacterDataHandler(s->p, on_text);
  dz_xml_feed f = {s->p, 0, &s->oom};
  int rc = dz__zip_stream(z, entry, dz__xml_sink, &f, err);
  if (rc == DZ_ENOMEM || s->out->oom) rc = dz__error_nomem(err);
  else if (rc == DZ_EINVALID && f.failed && s->too_deep)
    rc = dz__error_set(err, DZ_EINVALID, "文件 %s 的 %s 嵌套层级过深（超过 %d 层），疑似恶意构造，已拒绝读取。", z->name, entry, MAX_DEPTH);
  else if (rc == DZ_EINVALID && f.failed)
    rc = dz__xml_error(err, z->name, entry, s->p);
  XML_ParserFree(s->p);
  s->p = NULL;
  return rc;
}

static void map_free(void *p) {
  dz_docx_map *m = p;
  if (!m) return;
  free(m->runs);
  free(m->paras);
  free(m->zip);
  free(m->headers);
  free(m->footers);
  free(m->notes);
  free(m);
}

const dz_docx_map *dz__docx_map(const dz_text *t) {
  return t && t->attach_free == map_free ? t->attach : NULL;
}

int dz__docx_locate(const dz_docx_map *m, size_t off, uint32_t *para, long *run, size_t *run_off) {
  size_t lo = 0, hi = m->nparas;
  while (lo < hi) { /* last paragraph starting at or before off */
    size_t mid = (lo + hi) / 2;
    if (m->paras[mid].dstart <= off) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return DZ_ENOTFOUND;
  const dz_docx_para *p = &m->paras[lo - 1];
  if (off > p->dend) return DZ_ENOTFOUND;
  *para = (uint32_t)(lo - 1);
  *run = -1;
  *run_off = 0;
  for (uint32_t i = 0; i < p->nruns; i++) {
    const dz_docx_run *r = &m->runs[p->first_run + i];
    if (off >= r->dstart && off < r->dend) {
      *run = (long)(p->first_run + i);
      *run_off = off - r->dstart;
      break;
    }
  }
  return DZ_OK;
}

/* Enforced edit protection in word/settings.xml: its w:edit value. */
typedef struct {
  XML_Parser p; /* first, see dz__xml_parser_new */
  char *edit;
} pstate_settings;

static void XMLCALL on_settings(void *ud, const char *qn, const char **atts) {
  pstate_settings *s = ud;
  const char *l = dz__w_local(qn);
  if (!l || strcmp(l, "documentProtection")) return;
  const char *en = dz__w_attr(atts, "enforcement"), *edit = dz__w_attr(atts, "edit");
  if (en && (!strcmp(en, "1") || !strcmp(en, "true") || !strcmp(en, "on")))
    snprintf(s->edit, 16, "%s", edit && *edit ? edit : "readOnly");
}

static int read_protection(dz_zipin *z, char edit[16], dz_error *err) {
  pstate_settings s = {NULL, edit};
  if (!dz__xml_parser_new(&s)) return dz__error_nomem(err);
  XML_SetStartElementHandler(s.p, on_settings);
  dz_xml_feed f = {s.p, 0, NULL};
  int rc = dz__zip_stream(z, "word/settings.xml", dz__xml_sink, &f, err);
  if (rc == DZ_ENOTFOUND) rc = DZ_OK;
  else if (rc == DZ_EINVALID && f.failed) rc = dz__xml_error(err, z->name, "word/settings.xml", s.p);
  XML_ParserFree(s.p);
  return rc;
}

/* Header, footer and note parts, in name order (header1.xml, header2.xml ...). */
static int read_side_parts(dz_zipin *z, const char *prefix, dz_buf *out, dz__numdefs *num, dz_error *err) {
  zip_int64_t n = dz__zip_count(z);
  for (zip_int64_t i = 0; i < n; i++) {
    const char *name = dz__zip_name(z, i);
    size_t pl = strlen(prefix);
    if (!name || strncmp(name, prefix, pl) || strchr(name + pl, '/') || !strstr(name + pl, ".xml")) continue;
    xstate s = {.out = out, .num = num};
    int rc = read_part(z, name, &s, err);
    if (rc && rc != DZ_ENOTFOUND) return rc;
  }
  return DZ_OK;
}

int dz__docx_read(dz_text **out, const void *bytes, size_t len, const dz_decode_options *opts, dz_error *err) {
  const char *name = opts && opts->name ? opts->name : "标准输入";
  dz_zipin z;
  int rc = dz__zip_open(&z, bytes, len, name, err);
  if (rc) return rc;
  dz__numdefs *num = NULL;
  dz_buf body = {0}, hdr = {0}, ftr = {0}, notes = {0};
  dz_docx_map *m = NULL;
  xstate s = {0};
  if (!dz__zip_has(&z, "word/document.xml")) {
    rc = dz__error_set(err, DZ_EINVALID,
                       "文件 %s 缺少正文部件 word/document.xml，不是有效的 Word 文档。请确认文件是 Word（.docx）格式，或在 Word 或 WPS 中重新保存后再试。",
                       name);
    goto cleanup;
  }
  if ((rc = dz__numdefs_load(&num, &z, err))) goto cleanup;
  s.out = &body, s.mapping = 1, s.num = num;
  if ((rc = read_part(&z, "word/document.xml", &s, err))) goto cleanup;
  if ((rc = read_side_parts(&z, "word/header", &hdr, num, err))) goto cleanup;
  if ((rc = read_side_parts(&z, "word/footer", &ftr, num, err))) goto cleanup;
  if ((rc = read_side_parts(&z, "word/footnotes", &notes, num, err))) goto cleanup;
  if ((rc = read_side_parts(&z, "word/endnotes", &notes, num, err))) goto cleanup;
  m = calloc(1, sizeof *m);
  if (!m || body.oom || hdr.oom || ftr.oom || notes.oom) {
    rc = dz__error_nomem(err);
    goto cleanup;
  }
  if ((rc = read_protection(&z, m->protection, err))) goto cleanup;
  m->runs = s.runs, m->nruns = s.nruns, s.runs = NULL;
  m->paras = s.paras, m->nparas = s.nparas, s.paras = NULL;
  m->max_id = s.max_id;
  m->zip = malloc(len ? len : 1);
  if (!m->zip || dz_buf_take(&hdr, &m->headers, NULL) || dz_buf_take(&ftr, &m->footers, NULL) ||
      dz_buf_take(&notes, &m->notes, NULL)) {
    rc = dz__error_nomem(err);
    goto cleanup;
  }
  memcpy(m->zip, bytes, len);
  m->zip_len = len;
  dz_text *t = NULL;
  if ((rc = dz__text_from_utf8(&t, body.data ? body.data : "", body.len, name, err))) goto cleanup;
  t->attach = m;
  t->attach_free = map_free;
  m = NULL;
  *out = t;
cleanup:
  map_free(m);
  free(s.runs);
  free(s.paras);
  dz_buf_free(&body);
  dz_buf_free(&hdr);
  dz_buf_free(&ftr);
  dz_buf_free(&notes);
  dz__numdefs_free(num);
  dz__zip_close(&z);
  return rc;
}

const char *dz_docx_part_text(const dz_text *t, dz_docx_part part, size_t *len) {
  const dz_docx_map *m = dz__docx_map(t);
  const char *s = !m ? NULL : part == DZ_DOCX_HEADERS ? m->headers : part == DZ_DOCX_FOOTERS ? m->footers : m->notes;
  if (len) *len = s ? strlen(s) : 0;
  return s;
}

const char *dz_docx_protection(const dz_text *t) {
  const dz_docx_map *m = dz__docx_map(t);
  return m && m->protection[0] ? m->protection : NULL;
}
