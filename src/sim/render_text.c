/*
** Terminal reports of corpus checks and batch cross-checks: a summary line, sources, parts,
** then each passage with its place in both texts and a short excerpt. Colour only on request
** (the CLI asks for it on a terminal).
*/
#include <string.h>

#include "sim/batch.h"
#include "sim/result.h"
#include "text/utf8.h"

#define EXCERPT_CHARS 40

/* Print at most EXCERPT_CHARS characters of s on one line (newlines shown as spaces). */
static void excerpt(FILE *f, const char *s) {
  size_t n = strlen(s), i = 0, chars = 0;
  while (i < n && chars < EXCERPT_CHARS) {
    size_t j = i;
    uint32_t c = dz_utf8_next(s, n, &j);
    if (c == '\n' || c == '\t') fputc(' ', f);
    else fwrite(s + i, 1, j - i, f);
    i = j, chars++;
  }
  if (i < n) fputs("……", f);
}

/* Path of a source id in the result. */
static const char *src_path(const dz_sim_result *r, int64_t id) {
  for (size_t i = 0; i < r->nsources; i++)
    if (r->sources[i].id == id) return r->sources[i].path;
  return "?";
}

/* Summary, sources, parts, then each passage with an excerpt. */
static void one_result(FILE *f, const dz_sim_result *r, int color) {
  const char *hi = color ? "\033[1;31m" : "", *off = color ? "\033[0m" : "";
  fprintf(f, "%s：复制比 %s%.1f%%%s（共 %zu 字）\n", r->file, hi, r->copy_ratio * 100, off, r->chars);
  if (!r->nsources) {
    fprintf(f, "未发现与语料库重复的段落。\n");
    return;
  }
  fprintf(f, "最大单一来源：[%lld] %s（%.1f%%）\n", (long long)r->sources[0].id, r->sources[0].path,
          r->sources[0].ratio * 100);
  fprintf(f, "来源（%zu 个）：\n", r->nsources);
  for (size_t i = 0; i < r->nsources; i++)
    fprintf(f, "  [%lld] %s  %.1f%%\n", (long long)r->sources[i].id, r->sources[i].path, r->sources[i].ratio * 100);
  if (r->nparts) {
    fprintf(f, "分部分复制比：\n");
    for (size_t i = 0; i < r->nparts; i++) fprintf(f, "  %s  %.1f%%\n", r->parts[i].title, r->parts[i].ratio * 100);
  }
  fprintf(f, "重复段落（%zu 处）：\n", r->npassages);
  for (size_t i = 0; i < r->npassages; i++) {
    const dz_sim_passage *p = &r->passages[i];
    fprintf(f, "  %zu. 第 %zu 行第 %zu 列起 %zu 字（字节 %zu–%zu），来自 [%lld] %s 第 %zu 行第 %zu 列（字节 %zu–%zu）\n",
            i + 1, p->line, p->col, p->chars, p->start, p->end, (long long)p->source, src_path(r, p->source),
            p->source_line, p->source_col, p->source_start, p->source_end);
    fprintf(f, "     %s", hi);
    excerpt(f, p->text);
    fprintf(f, "%s\n", off);
  }
}

/* Several files separated by a blank line. */
int dz__sim_render_text(FILE *f, const dz_sim_result *const *r, size_t n, int color) {
  for (size_t i = 0; i < n; i++) {
    if (i) fputc('\n', f);
    one_result(f, r[i], color);
  }
  return ferror(f) ? DZ_EIO : DZ_OK;
}

/* Direction in words. */
static const char *dir_text(const dz_sim_pair *p) {
  if (!strcmp(p->basis, "identical")) return "两份文件内容完全相同";
  switch (p->direction) {
  case DZ_DIR_A_TO_B: return "后者可能抄自前者";
  case DZ_DIR_B_TO_A: return "前者可能抄自后者";
  default: return "方向不明";
  }
}

/* What the direction rests on, in words. */
static const char *basis_text(const char *basis) {
  if (!strcmp(basis, "containment")) return "依据：一方被另一方整体包含";
  if (!strcmp(basis, "mtime")) return "依据：文件修改时间";
  if (!strcmp(basis, "identical")) return "同一份材料提交了两次，或整篇照抄";
  return "依据不足";
}

/* Files, groups, then each pair with its passages. */
int dz__batch_render_text(FILE *f, const dz_sim_batch *b, int color) {
  const char *hi = color ? "\033[1;31m" : "", *off = color ? "\033[0m" : "";
  fprintf(f, "交叉比对 %zu 个文件。\n", b->n);
  for (size_t i = 0; i < b->n; i++) fprintf(f, "  [%zu] %s\n", i, b->files[i]);
  if (!b->npairs) {
    fprintf(f, "未发现相互重复的段落。\n");
    return ferror(f) ? DZ_EIO : DZ_OK;
  }
  fprintf(f, "相互抄袭的组（%zu 个）：\n", b->ngroups);
  for (size_t g = 0; g < b->ngroups; g++) {
    fprintf(f, "  组 %zu：", g + 1);
    for (size_t k = b->group_start[g]; k < b->group_start[g + 1]; k++)
      fprintf(f, "%s[%zu]", k > b->group_start[g] ? "、" : "", b->group_members[k]);
    fputc('\n', f);
  }
  fprintf(f, "重复的文件对（%zu 对）：\n", b->npairs);
  for (size_t i = 0; i < b->npairs; i++) {
    const dz_sim_pair *p = &b->pairs[i];
    fprintf(f, "  [%zu] 在 [%zu] 中占 %s%.1f%%%s，[%zu] 在 [%zu] 中占 %s%.1f%%%s；%s（%s）；%zu 处段落\n", p->a, p->b,
            hi, p->a_in_b * 100, off, p->b, p->a, hi, p->b_in_a * 100, off, dir_text(p), basis_text(p->basis),
            p->npassages);
    for (size_t k = 0; k < p->npassages; k++) {
      const dz_sim_passage *q = &p->passages[k];
      fprintf(f, "    - [%zu] 第 %zu 行第 %zu 列 ↔ [%zu] 第 %zu 行第 %zu 列，%zu 字：", p->a, q->line, q->col, p->b,
              q->source_line, q->source_col, q->chars);
      excerpt(f, q->text);
      fputc('\n', f);
    }
  }
  return ferror(f) ? DZ_EIO : DZ_OK;
}

/* See sim.h: dispatch on the format. */
int dz_sim_render(FILE *f, const dz_sim_result *const *r, size_t n, dz_sim_format fmt, int flags) {
  switch (fmt) {
  case DZ_SIM_JSON: return dz__sim_render_json(f, r, n);
  case DZ_SIM_HTML: return dz__sim_render_html(f, r, n);
  default: return dz__sim_render_text(f, r, n, flags & DZ_SIM_COLOR);
  }
}

/* See sim.h: dispatch on the format. */
int dz_sim_batch_render(FILE *f, const dz_sim_batch *b, dz_sim_format fmt, int flags) {
  switch (fmt) {
  case DZ_SIM_JSON: return dz__batch_render_json(f, b);
  case DZ_SIM_HTML: return dz__batch_render_html(f, b);
  default: return dz__batch_render_text(f, b, flags & DZ_SIM_COLOR);
  }
}
