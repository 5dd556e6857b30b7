/*
** Self-contained HTML reports: inline CSS, no script, no external resource. Every piece of
** text from a document or a path is escaped. Copied passages are shown side by side: the
** checked text on the left, the source on the right.
*/
#include "sim/batch.h"
#include "sim/result.h"

static void esc(FILE *f, const char *s) {
  for (; s && *s; s++) {
    switch (*s) {
    case '&': fputs("&amp;", f); break;
    case '<': fputs("&lt;", f); break;
    case '>': fputs("&gt;", f); break;
    case '"': fputs("&quot;", f); break;
    case '\'': fputs("&#39;", f); break;
    case '\n': fputs("<br>", f); break;
    default: fputc(*s, f);
    }
  }
}

static void head(FILE *f, const char *title) {
  fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>", f);
  esc(f, title);
  fputs("</title>\n<style>\n"
        "body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;margin:2em;color:#222}\n"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top}\n"
        "th{background:#f3f3f3}.ratio{font-weight:bold;color:#b00}\n"
        ".pair td{width:50%}.pair mark{background:#ffe08a}.meta{color:#666;font-size:90%}\n"
        "</style>\n</head>\n<body>\n", f);
}

static void passage_rows(FILE *f, const dz_sim_passage *p, const char *left, const char *right) {
  fputs("<tr><td><div class=\"meta\">", f);
  esc(f, left);
  fprintf(f, " 第 %zu 行第 %zu 列，字节 %zu–%zu，%zu 字</div><mark>", p->line, p->col, p->start, p->end, p->chars);
  esc(f, p->text);
  fputs("</mark></td><td><div class=\"meta\">", f);
  esc(f, right);
  fprintf(f, " 第 %zu 行第 %zu 列，字节 %zu–%zu</div><mark>", p->source_line, p->source_col, p->source_start,
          p->source_end);
  esc(f, p->source_text);
  fputs("</mark></td></tr>\n", f);
}

static void one_result(FILE *f, const dz_sim_result *r) {
  fputs("<section>\n<h1>查重报告：", f);
  esc(f, r->file);
  fprintf(f, "</h1>\n<p>复制比 <span class=\"ratio\">%.1f%%</span>（共 %zu 字）</p>\n", r->copy_ratio * 100, r->chars);
  if (r->nsources) {
    fputs("<h2>来源</h2>\n<table><tr><th>编号</th><th>文件</th><th>占比</th></tr>\n", f);
    for (size_t i = 0; i < r->nsources; i++) {
      fprintf(f, "<tr><td>%lld</td><td>", (long long)r->sources[i].id);
      esc(f, r->sources[i].path);
      fprintf(f, "</td><td>%.1f%%</td></tr>\n", r->sources[i].ratio * 100);
    }
    fputs("</table>\n", f);
  }
  if (r->nparts) {
    fputs("<h2>分部分复制比</h2>\n<table>\n", f);
    for (size_t i = 0; i < r->nparts; i++) {
      fputs("<tr><td>", f);
      esc(f, r->parts[i].title);
      fprintf(f, "</td><td>%.1f%%</td></tr>\n", r->parts[i].ratio * 100);
    }
    fputs("</table>\n", f);
  }
  fprintf(f, "<h2>重复段落（%zu 处）</h2>\n<table class=\"pair\"><tr><th>本文</th><th>来源</th></tr>\n", r->npassages);
  for (size_t i = 0; i < r->npassages; i++) {
    const char *src = "?";
    for (size_t k = 0; k < r->nsources; k++)
      if (r->sources[k].id == r->passages[i].source) src = r->sources[k].path;
    passage_rows(f, &r->passages[i], r->file, src);
  }
  fputs("</table>\n</section>\n", f);
}

int dz__sim_render_html(FILE *f, const dz_sim_result *const *r, size_t n) {
  head(f, n == 1 ? r[0]->file : "查重报告");
  for (size_t i = 0; i < n; i++) one_result(f, r[i]);
  fputs("</body>\n</html>\n", f);
  return ferror(f) ? DZ_EIO : DZ_OK;
}

int dz__batch_render_html(FILE *f, const dz_sim_batch *b) {
  head(f, "交叉比对报告");
  fprintf(f, "<h1>交叉比对报告（%zu 个文件）</h1>\n<h2>包含矩阵</h2>\n"
             "<p class=\"meta\">第 i 行第 j 列：文件 i 的内容在文件 j 中出现的比例。</p>\n<table><tr><th></th>", b->n);
  for (size_t j = 0; j < b->n; j++) fprintf(f, "<th>%zu</th>", j);
  fputs("</tr>\n", f);
  for (size_t i = 0; i < b->n; i++) {
    fprintf(f, "<tr><th title=\"");
    esc(f, b->files[i]);
    fprintf(f, "\">%zu</th>", i);
    for (size_t j = 0; j < b->n; j++) {
      double v = b->matrix[i * b->n + j];
      int shade = (int)(255 - v * 120);
      fprintf(f, "<td style=\"background:rgb(255,%d,%d)\">%.0f%%</td>", shade, shade, v * 100);
    }
    fputs("</tr>\n", f);
  }
  fputs("</table>\n<h2>文件</h2>\n<ol start=\"0\">\n", f);
  for (size_t i = 0; i < b->n; i++) {
    fputs("<li>", f);
    esc(f, b->files[i]);
    fputs("</li>\n", f);
  }
  fputs("</ol>\n", f);
  for (size_t i = 0; i < b->npairs; i++) {
    const dz_sim_pair *p = &b->pairs[i];
    fprintf(f, "<h2>[%zu] 与 [%zu]：%.1f%% / %.1f%%（%s）</h2>\n<table class=\"pair\">\n", p->a, p->b, p->a_in_b * 100,
            p->b_in_a * 100,
            p->direction == DZ_DIR_A_TO_B ? "后者可能抄自前者" : p->direction == DZ_DIR_B_TO_A ? "前者可能抄自后者" : "方向不明");
    for (size_t k = 0; k < p->npassages; k++) passage_rows(f, &p->passages[k], b->files[p->a], b->files[p->b]);
    fputs("</table>\n", f);
  }
  fputs("</body>\n</html>\n", f);
  return ferror(f) ? DZ_EIO : DZ_OK;
}
