/*
** The .docx writers behind `duizhao fmt`, `fix` and `new`: a parsed document (or a profile)
** becomes lines with roles (title, heading levels 1-4, body), laid out by docx_layout.c, and
** findings are written back by docx_patch.c, either into that layout or, for a document read
** from a .docx, into its own word/document.xml with every other part copied through.
*/
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "io/docx_write.h"
#include "io/zipin.h"
#include "text/text.h"
#include "util/embed.h"
#include "util/error.h"
#include "util/file.h"

/* Trim ASCII spaces, tabs, U+3000 and no-break spaces from both ends of s[*a, *b), and a
** Markdown heading mark ("## ") in front. */
static void trim_line(const char *s, size_t *a, size_t *b) {
  for (;;) {
    if (*a < *b && (s[*a] == ' ' || s[*a] == '\t')) (*a)++;
    else if (*b - *a >= 3 && !memcmp(s + *a, "\xE3\x80\x80", 3)) *a += 3;
    else if (*b - *a >= 2 && !memcmp(s + *a, "\xC2\xA0", 2)) *a += 2;
    else break;
  }
  if (*a < *b && s[*a] == '#') {
    size_t k = *a;
    while (k < *b && s[k] == '#') k++;
    if (k < *b && s[k] == ' ') *a = k + 1;
  }
  for (;;) {
    if (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == '\t')) (*b)--;
    else if (*b - *a >= 3 && !memcmp(s + *b - 3, "\xE3\x80\x80", 3)) *b -= 3;
    else break;
  }
}

/* Lines of a parsed document with their roles: a line is a heading or the title when such a
** node starts on it; every other non-blank line is body text. */
static int doc_blocks(const dz_doc *doc, dz__blk **out, size_t *nout, dz_error *err) {
  const char *s = dz_text_data(dz_doc_text(doc), NULL);
  size_t lines = dz_text_line_count(dz_doc_text(doc));
  dz__blk *b = calloc(lines ? lines : 1, sizeof *b);
  if (!b) return dz__error_nomem(err);
  /* Title and heading starts in document order (the iterator visits in order). */
  dz_iter it;
  dz_iter_init(&it, dz_doc_root(doc));
  size_t n = 0, line = 1;
  const dz_node *pending = NULL;
  dz_event ev = dz_iter_next(&it);
  for (; line <= lines; line++) {
    size_t a, e;
    if (dz_text_line_span(dz_doc_text(doc), line, &a, &e)) break;
    size_t ta = a, te = e;
    trim_line(s, &ta, &te);
    dz__blk_role role = DZ_BLK_BODY;
    for (;;) {
      if (!pending) {
        while (ev != DZ_EVENT_NONE) {
          const dz_node *nd = dz_iter_node(&it);
          dz_node_kind k = dz_node_get_kind(nd);
          int take = ev == DZ_EVENT_ENTER && (k == DZ_NODE_TITLE || k == DZ_NODE_HEADING);
          ev = dz_iter_next(&it);
          if (take) { pending = nd; break; }
        }
      }
      if (!pending || dz_node_dstart(pending) > e) break;
      if (dz_node_dstart(pending) >= a) {
        if (dz_node_get_kind(pending) == DZ_NODE_TITLE) role = DZ_BLK_TITLE;
        else {
          int lv = dz_node_level(pending);
          role = lv <= 1 ? DZ_BLK_H1 : lv == 2 ? DZ_BLK_H2 : lv == 3 ? DZ_BLK_H3 : DZ_BLK_H4;
        }
      }
      pending = NULL;
    }
    if (te > ta) b[n++] = (dz__blk){role, ta, te};
  }
  *out = b;
  *nout = n;
  return DZ_OK;
}

static void now_iso(char out[32]) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Package a laid-out body (optionally patched) with the GB/T 9704 parts. */
static int package(dz_docx_bytes *out, const char *docxml, size_t doclen, const char *comments, size_t clen,
                   const dz_docx_options *opts, dz_error *err) {
  dz_buf store = {0};
  dz__part *parts = NULL;
  int rc = dz__layout_parts(&parts, &store, opts ? opts->protect_password : NULL, comments != NULL, err);
  if (rc) {
    dz_buf_free(&store);
    return rc;
  }
  dz__part all[10];
  size_t n = 0;
  all[n++] = parts[0];
  all[n++] = parts[1];
  all[n++] = (dz__part){"word/document.xml", docxml, doclen};
  for (int i = 2; i < 7; i++) all[n++] = parts[i];
  if (comments) all[n++] = (dz__part){"word/comments.xml", comments, clen};
  rc = dz__zip_write(out, all, n, err);
  free(parts);
  dz_buf_free(&store);
  return rc;
}

int dz_docx_fmt(dz_docx_bytes *out, const dz_doc *doc, const dz_docx_options *opts, dz_error *err) {
  dz__blk *blocks = NULL;
  size_t n = 0;
  int rc = doc_blocks(doc, &blocks, &n, err);
  if (rc) return rc;
  dz__body body = {0};
  rc = dz__docx_layout(&body, dz_text_data(dz_doc_text(doc), NULL), blocks, n, err);
  free(blocks);
  if (!rc) rc = package(out, body.xml, body.len, NULL, 0, opts, err);
  dz__body_free(&body);
  return rc;
}

/* Add what a comments part needs to [Content_Types].xml and the document's relationships. */
static int add_comment_links(const char *name, const char *data, size_t len, dz_buf *out) {
  if (!strcmp(name, "[Content_Types].xml")) {
    const char *end = strstr(data, "</Types>");
    if (strstr(data, "/word/comments.xml") || !end) return 0;
    dz_buf_put(out, data, (size_t)(end - data));
    dz_buf_puts(out, "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>");
    dz_buf_put(out, end, len - (size_t)(end - data));
    return 1;
  }
  if (!strcmp(name, "word/_rels/document.xml.rels")) {
    const char *end = strstr(data, "</Relationships>");
    if (strstr(data, "Target=\"comments.xml\"") || strstr(data, "Target=\"/word/comments.xml\"") || !end) return 0;
    dz_buf_put(out, data, (size_t)(end - data));
    dz_buf_puts(out, "<Relationship Id=\"rIdDuizhaoComments\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/>");
    dz_buf_put(out, end, len - (size_t)(end - data));
    return 1;
  }
  return 0;
}

/* Findings into the package the text was read from: document.xml patched, comments merged. */
static int fix_package(dz_docx_bytes *out, const dz_text *text, const dz_docx_map *m, const dz_docx_edit *edits,
                       size_t n, const dz__patch_opts *po, size_t *applied, dz_error *err) {
  dz_zipin z;
  int rc = dz__zip_open(&z, m->zip, m->zip_len, text->name ? text->name : "-", err);
  if (rc) return rc;
  zip_int64_t ne = dz__zip_count(&z);
  char **data = calloc((size_t)ne + 1, sizeof *data);
  dz__part *parts = calloc((size_t)ne + 2, sizeof *parts);
  dz_buf doc = {0}, com = {0}, links[2] = {{0}};
  int have_comments = 0, nl = 0;
  size_t np = 0;
  if (!data || !parts) {
    rc = dz__error_nomem(err);
    goto done;
  }
  for (zip_int64_t i = 0; i < ne && !rc; i++) {
    const char *name = dz__zip_name(&z, i);
    if (!name || !*name || name[strlen(name) - 1] == '/') continue; /* empty names occur in hostile zips */
    size_t len = 0;
    if ((rc = dz__zip_read(&z, name, &data[i], &len, err))) break;
    if (!strcmp(name, "word/document.xml")) {
      rc = dz__docx_patch(&doc, &com, applied, data[i], len, m->runs, m->nruns, m->paras, m->nparas, text->buf,
                          text->len, edits, n, po, err);
      parts[np++] = (dz__part){name, NULL, 0}; /* filled below */
      continue;
    }
    if (!strcmp(name, "word/comments.xml")) {
      have_comments = 1;
      parts[np++] = (dz__part){name, NULL, 1};
      continue;
    }
    if (nl < 2 && add_comment_links(name, data[i], len, &links[nl])) {
      parts[np++] = (dz__part){name, links[nl].data, links[nl].len};
      nl++;
      continue;
    }
    parts[np++] = (dz__part){name, data[i], len};
  }
  if (rc) goto done;
  /* Merge our comments into an existing comments part, or add one. */
  dz_buf merged = {0};
  for (zip_int64_t i = 0; i < ne; i++) {
    const char *name = dz__zip_name(&z, i);
    if (!name || !data[i] || strcmp(name, "word/comments.xml")) continue;
    const char *end = strrchr(data[i], '<');
    size_t at = end ? (size_t)(end - data[i]) : strlen(data[i]);
    dz_buf_put(&merged, data[i], at);
    dz_buf_put(&merged, com.data ? com.data : "", com.len);
    dz_buf_puts(&merged, end ? end : "");
  }
  if (!have_comments) {
    dz_buf_puts(&merged, DZ_COMMENTS_OPEN);
    dz_buf_put(&merged, com.data ? com.data : "", com.len);
    dz_buf_puts(&merged, DZ_COMMENTS_CLOSE);
    parts[np++] = (dz__part){"word/comments.xml", NULL, 1};
  }
  for (size_t i = 0; i < np; i++) {
    if (!strcmp(parts[i].name, "word/document.xml")) parts[i].data = doc.data, parts[i].len = doc.len;
    else if (!strcmp(parts[i].name, "word/comments.xml")) parts[i].data = merged.data, parts[i].len = merged.len;
  }
  if (doc.oom || merged.oom || links[0].oom || links[1].oom) rc = dz__error_nomem(err);
  else rc = dz__zip_write(out, parts, np, err);
  dz_buf_free(&merged);
done:
  for (zip_int64_t i = 0; data && i < ne; i++) free(data[i]);
  free(data);
  free(parts);
  dz_buf_free(&doc);
  dz_buf_free(&com);
  dz_buf_free(&links[0]);
  dz_buf_free(&links[1]);
  dz__zip_close(&z);
  return rc;
}

int dz_docx_fix(dz_docx_bytes *out, const dz_doc *doc, const dz_docx_edit *edits, size_t n,
                const dz_docx_options *opts, size_t *applied, dz_error *err) {
  char date[32];
  now_iso(date);
  dz__patch_opts po = {opts && opts->author ? opts->author : "duizhao", opts && opts->date ? opts->date : date,
                       opts ? opts->tracked : 1, 0};
  const dz_text *text = dz_doc_text(doc);
  const dz_docx_map *m = dz__docx_map(text);
  if (m) {
    po.max_id = m->max_id;
    return fix_package(out, text, m, edits, n, &po, applied, err);
  }
  dz__blk *blocks = NULL;
  size_t nb = 0;
  int rc = doc_blocks(doc, &blocks, &nb, err);
  if (rc) return rc;
  dz__body body = {0};
  dz_buf xml = {0}, com = {0};
  rc = dz__docx_layout(&body, text->buf, blocks, nb, err);
  free(blocks);
  if (!rc) {
    dz_buf_puts(&com, DZ_COMMENTS_OPEN);
    rc = dz__docx_patch(&xml, &com, applied, body.xml, body.len, body.runs, body.nruns, body.paras, body.nparas,
                        text->buf, text->len, edits, n, &po, err);
    dz_buf_puts(&com, DZ_COMMENTS_CLOSE);
  }
  if (!rc && (xml.oom || com.oom)) rc = dz__error_nomem(err);
  if (!rc) rc = package(out, xml.data, xml.len, com.data, com.len, opts, err);
  dz__body_free(&body);
  dz_buf_free(&xml);
  dz_buf_free(&com);
  return rc;
}

/* Chinese ordinal for a level-1 or level-2 heading number (1..99). */
static void cn_ordinal(dz_buf *b, int v) {
  static const char *const D[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (v >= 20) dz_buf_puts(b, D[v / 10]);
  if (v >= 10) dz_buf_puts(b, "十");
  dz_buf_puts(b, D[v % 10]);
}

static const char *jstr(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

int dz_docx_skeleton(dz_docx_bytes *out, const char *profile_json, size_t len, const char *name,
                     const dz_docx_options *opts, dz_error *err) {
  json_error_t je;
  json_t *root = json_loadb(profile_json, len, 0, &je);
  json_t *parts = root ? json_object_get(root, "parts") : NULL, *aspects = root ? json_object_get(root, "aspects") : NULL;
  const char *title = root ? jstr(root, "title") : NULL;
  if (!title && root) title = jstr(root, "name");
  if (!root || !json_is_array(parts) || !title || (aspects && !json_is_array(aspects))) {
    int rc = dz__error_set(err, DZ_EINVALID, "配置文件 %s 无效：%s。需要 name（或 title）和 parts 数组。", name,
                           root ? "缺少必需字段" : je.text);
    json_decref(root);
    return rc;
  }
  /* Aspects go under the part whose role is "problems" (存在问题), else under the first. */
  size_t host = 0;
  for (size_t i = 0; i < json_array_size(parts); i++) {
    const char *role = jstr(json_array_get(parts, i), "role");
    if (role && !strcmp(role, "problems")) { host = i; break; }
  }
  dz_buf src = {0};
  size_t nb = 0, cap = 2 + 2 * json_array_size(parts) + 2 * json_array_size(aspects) * (json_array_size(parts) ? 1 : 0);
  dz__blk *b = calloc(cap + 1, sizeof *b);
  if (!b) {
    json_decref(root);
    return dz__error_nomem(err);
  }
#define LINE(role_, ...)                                                                            \
  do {                                                                                              \
    size_t s0_ = src.len;                                                                           \
    __VA_ARGS__;                                                                                    \
    b[nb++] = (dz__blk){role_, s0_, src.len};                                                       \
    dz_buf_puts(&src, "\n");                                                                        \
  } while (0)
  /* Without a "title", the genre's standard title: the meeting name (less a parenthesised
  ** note such as （通用）) + 个人对照检查材料. */
  const char *paren = jstr(root, "title") ? NULL : strstr(title, "（");
  LINE(DZ_BLK_TITLE, dz_buf_put(&src, title, paren ? (size_t)(paren - title) : strlen(title));
       if (!jstr(root, "title")) dz_buf_puts(&src, "个人对照检查材料"));
  for (size_t i = 0; i < json_array_size(parts); i++) {
    const char *pn = jstr(json_array_get(parts, i), "name");
    LINE(DZ_BLK_H1, cn_ordinal(&src, (int)i + 1); dz_buf_puts(&src, "、"); dz_buf_puts(&src, pn ? pn : ""));
    if (i == host && json_array_size(aspects)) {
      for (size_t k = 0; k < json_array_size(aspects); k++) {
        const char *an = jstr(json_array_get(aspects, k), "name");
        LINE(DZ_BLK_H2, dz_buf_puts(&src, "（"); cn_ordinal(&src, (int)k + 1); dz_buf_puts(&src, "）");
             dz_buf_puts(&src, an ? an : ""));
        LINE(DZ_BLK_BODY, (void)0);
      }
    } else {
      LINE(DZ_BLK_BODY, (void)0);
    }
  }
#undef LINE
  json_decref(root);
  int rc = src.oom ? dz__error_nomem(err) : DZ_OK;
  dz__body body = {0};
  if (!rc) rc = dz__docx_layout(&body, src.data, b, nb, err);
  if (!rc) rc = package(out, body.xml, body.len, NULL, 0, opts, err);
  dz__body_free(&body);
  dz_buf_free(&src);
  free(b);
  return rc;
}

extern const dz_embedded_file dz_embedded_data[];

int dz_docx_new(dz_docx_bytes *out, const char *profile, const dz_docx_options *opts, dz_error *err) {
  size_t pl = strlen(profile);
  if (strchr(profile, '/') || (pl > 5 && !strcmp(profile + pl - 5, ".json"))) {
    FILE *f = fopen(profile, "rb");
    if (!f) return dz__error_set(err, DZ_ENOTFOUND, "找不到配置文件 %s，请检查路径。", profile);
    char *buf = NULL;
    size_t len = 0;
    int rc = dz__read_all(f, (size_t)4 << 20, &buf, &len);
    fclose(f);
    if (rc) return dz__error_set(err, rc, "读取配置文件 %s 失败。", profile);
    rc = dz_docx_skeleton(out, buf, len, profile, opts, err);
    free(buf);
    return rc;
  }
  char key[256];
  snprintf(key, sizeof key, "profiles/%s.json", profile);
  const dz_embedded_file *e = dz_embed_find(dz_embedded_data, key);
  if (!e) {
    char list[256] = "";
    for (const dz_embedded_file *f = dz_embedded_data; f->name; f++) {
      size_t l = strlen(f->name);
      if (strncmp(f->name, "profiles/", 9) || l < 14 || strcmp(f->name + l - 5, ".json")) continue;
      size_t at = strlen(list);
      snprintf(list + at, sizeof list - at, "%s%.*s", at ? "、" : "", (int)(l - 14), f->name + 9);
    }
    return dz__error_set(err, DZ_ENOTFOUND, "没有名为“%s”的配置（profile）。可用的配置：%s。", profile, list);
  }
  return dz_docx_skeleton(out, (const char *)e->data, e->len, key, opts, err);
}
