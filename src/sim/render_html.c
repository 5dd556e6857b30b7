/*
** Self-contained HTML reports: inline CSS, no script, no external resource. Every piece of
** text from a document or a path is escaped. Copied passages are shown side by side: the
** checked text on the left, the source on the right.
*/
#include <stdlib.h>
#include <string.h>

#include "sim/batch.h"
#include "sim/result.h"
#include "util/buf.h"

/* Escaped text, line breaks kept as <br>. */
static void esc(dz_buf *f, const char *s) {
  while (s && *s) {
    const char *lf = strchr(s, '\n');
    size_t n = lf ? (size_t)(lf - s) : strlen(s);
    dz_buf_html(f, s, n);
    if (!lf) break;
    dz_buf_puts(f, "<br>");
    s = lf + 1;
  }
}

/* Write the page out; DZ_ENOMEM if building it ran out of memory. */
static int emit(FILE *out, dz_buf *b) {
  char *data;
  size_t len;
  int rc = dz_buf_take(b, &data, &len);
  if (rc) return rc;
  fwrite(data, 1, len, out);
  free(data);
  return ferror(out) ? DZ_EIO : DZ_OK;
}

/* Doctype, title and the inline style sheet. */
static void head(dz_buf *f, const char *title) {
  dz_buf_puts(f, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
  esc(f, title);
  dz_buf_puts(f, "</title>\n<style>\n"
        "body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;margin:2em;color:#222}\n"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top}\n"
        "th{background:#f3f3f3}.ratio{font-weight:bold;color:#b00}\n"
        ".pair td{width:50%}.pair mark{background:#ffe08a}.meta{color:#666;font-size:90%}\n"
        "</style>\n</head>\n<body>\n");
}

/* One table row: the passage in the checked text beside the same passage in its source. */
static void passage_rows(dz_buf *f, const dz_sim_passage *p, const char *left, const char *right) {
  dz_buf_puts(f, "<tr><td><div class=\"meta\">");
  esc(f, left);
  dz_buf_printf(f, " 第 %zu 行第 %zu 列，字节 %zu–%zu，%zu 字</div><mark>", p->line, p->col, p->start, p->end, p->chars);
  esc(f, p->text);
  dz_buf_puts(f, "</mark></td><td><div class=\"meta\">");
  esc(f, right);
  dz_buf_printf(f, " 第 %zu 行第 %zu 列，字节 %zu–%zu</div><mark>", p->source_line, p->source_col, p->source_start,
          p->source_end);
  esc(f, p->source_text);
  dz_buf_puts(f, "</mark></td></tr>\n");
}

/* One checked file: ratio, sources, parts, passages side by side. */
static void one_result(dz_buf *f, const dz_sim_result *r) {
  dz_buf_puts(f, "<section>\n<h1>查重报告：");
  esc(f, r->file);
  dz_buf_printf(f, "</h1>\n<p>复制比 <span class=\"ratio\">%.1f%%</span>（共 %zu 字）</p>\n", r->copy_ratio * 100, r->chars);
  if (r->nsources) {
    dz_buf_puts(f, "<h2>来源</h2>\n<table><tr><th>编号</th><th>文件</th><th>占比</th></tr>\n");
    for (size_t i = 0; i < r->nsources; i++) {
      dz_buf_printf(f, "<tr><td>%lld</td><td>", (long long)r->sources[i].id);
      esc(f, r->sources[i].path);
      dz_buf_printf(f, "</td><td>%.1f%%</td></tr>\n", r->sources[i].ratio * 100);
    }
    dz_buf_puts(f, "</table>\n");
  }
  if (r->nparts) {
    dz_buf_puts(f, "<h2>分部分复制比</h2>\n<table>\n");
    for (size_t i = 0; i < r->nparts; i++) {
      dz_buf_puts(f, "<tr><td>");
      esc(f, r->parts[i].title);
      dz_buf_printf(f, "</td><td>%.1f%%</td></tr>\n", r->parts[i].ratio * 100);
    }
    dz_buf_puts(f, "</table>\n");
  }
  dz_buf_printf(f, "<h2>重复段落（%zu 处）</h2>\n<table class=\"pair\"><tr><th>本文</th><th>来源</th></tr>\n", r->npassages);
  for (size_t i = 0; i < r->npassages; i++) {
    const char *src = "?";
    for (size_t k = 0; k < r->nsources; k++)
      if (r->sources[k].id == r->passages[i].source) src = r->sources[k].path;
    passage_rows(f, &r->passages[i], r->file, src);
  }
  dz_buf_puts(f, "</table>\n</section>\n");
}

/* Corpus check report page. */
int dz__sim_render_html(FILE *out, const dz_sim_result *const *r, size_t n) {
  dz_buf b = {0}, *f = &b;
  head(f, n == 1 ? r[0]->file : "查重报告");
  for (size_t i = 0; i < n; i++) one_result(f, r[i]);
  dz_buf_puts(f, "</body>\n</html>\n");
  return emit(out, f);
}

/* Batch report page: shaded containment matrix, then each pair side by side. */
int dz__batch_render_html(FILE *out, const dz_sim_batch *b) {
  dz_buf buf = {0}, *f = &buf;
  head(f, "交叉比对报告");
  dz_buf_printf(f, "<h1>交叉比对报告（%zu 个文件）</h1>\n<h2>包含矩阵</h2>\n"
             "<p class=\"meta\">第 i 行第 j 列：文件 i 的内容在文件 j 中出现的比例。</p>\n<table><tr><th></th>", b->n);
  for (size_t j = 0; j < b->n; j++) dz_buf_printf(f, "<th>%zu</th>", j);
  dz_buf_puts(f, "</tr>\n");
  for (size_t i = 0; i < b->n; i++) {
    dz_buf_printf(f, "<tr><th title=\"");
    esc(f, b->files[i]);
    dz_buf_printf(f, "\">%zu</th>", i);
    for (size_t j = 0; j < b->n; j++) {
      double v = b->matrix[i * b->n + j];
      int shade = (int)(255 - v * 120);
      dz_buf_printf(f, "<td style=\"background:rgb(255,%d,%d)\">%.0f%%</td>", shade, shade, v * 100);
    }
    dz_buf_puts(f, "</tr>\n");
  }
  dz_buf_puts(f, "</table>\n<h2>文件</h2>\n<ol start=\"0\">\n");
  for (size_t i = 0; i < b->n; i++) {
    dz_buf_puts(f, "<li>");
    esc(f, b->files[i]);
    dz_buf_puts(f, "</li>\n");
  }
  dz_buf_puts(f, "</ol>\n");
  for (size_t i = 0; i < b->npairs; i++) {
    const dz_sim_pair *p = &b->pairs[i];
    dz_buf_printf(f, "<h2>[%zu] 与 [%zu]：%.1f%% / %.1f%%（%s）</h2>\n<table class=\"pair\">\n", p->a, p->b, p->a_in_b * 100,
            p->b_in_a * 100,
            !strcmp(p->basis, "identical") ? "两份文件内容完全相同" : p->direction == DZ_DIR_A_TO_B ? "后者可能抄自前者"
            : p->direction == DZ_DIR_B_TO_A ? "前者可能抄自后者" : "方向不明");
    for (size_t k = 0; k < p->npassages; k++) passage_rows(f, &p->passages[k], b->files[p->a], b->files[p->b]);
    dz_buf_puts(f, "</table>\n");
  }
  dz_buf_puts(f, "</body>\n</html>\n");
  return emit(out, f);
}
