/*
** The HTML report of a check: one self-contained page (inline CSS and a few lines of JS, no
** network) with the document text, findings highlighted by severity, and the list of
** findings; clicking an item scrolls to its span. All document text is escaped.
*/
#include <stdlib.h>
#include <string.h>

#include "duizhao.h"
#include "util/buf.h"
#include "util/error.h"

static const char css[] =
    "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\",sans-serif;margin:0;"
    "display:flex;height:100vh}main{flex:3;overflow:auto;padding:1.5em}aside{flex:2;overflow:auto;padding:1.5em;"
    "background:#f6f6f4;border-left:1px solid #ddd}pre{white-space:pre-wrap;font-family:\"FangSong\",\"STFangsong\","
    "serif;font-size:17px;line-height:1.9}mark{background:none;border-bottom:2px solid;cursor:pointer}"
    "mark.error{border-color:#c62828;background:#fdecea}mark.warning{border-color:#e6a100;background:#fff6dc}"
    "mark.info{border-color:#1e88e5;background:#e8f2fc}mark.hl{outline:2px solid #333}ol{padding-left:1.2em}"
    "li{margin:.6em 0;cursor:pointer}.sev{font-size:.8em;padding:0 .4em;border-radius:3px;color:#fff}"
    ".sev.error{background:#c62828}.sev.warning{background:#e6a100}.sev.info{background:#1e88e5}"
    ".rule{color:#666;font-family:monospace;font-size:.85em}.sug{color:#2e7d32}h1{font-size:1.2em}"
    ".meta{color:#555;font-size:.9em}";

static const char js[] =
    "document.querySelectorAll('li[data-f]').forEach(function(li){li.onclick=function(){"
    "var m=document.querySelector('mark[data-f~=\"'+li.dataset.f+'\"]');if(!m)return;"
    "document.querySelectorAll('mark.hl').forEach(function(x){x.classList.remove('hl')});"
    "m.classList.add('hl');m.scrollIntoView({block:'center'});};});"
    "document.querySelectorAll('mark').forEach(function(m){m.onclick=function(){"
    "var li=document.querySelector('li[data-f=\"'+m.dataset.f.split(' ')[0]+'\"]');"
    "if(li)li.scrollIntoView({block:'center'});};});";

static const char *sev_zh(dz_severity s) { return s == DZ_SEV_ERROR ? "错误" : s == DZ_SEV_WARNING ? "警告" : "提示"; }

static int cmp_size(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* The text with every finding's span wrapped in <mark>; overlapping spans are cut into
** segments, each marked with the most severe finding covering it. */
static void marked_text(dz_buf *b, const char *s, size_t n, const dz_result *r) {
  size_t nf = dz_result_count(r);
  size_t *cut = malloc((2 * nf + 2) * sizeof *cut);
  if (!cut) {
    b->oom = 1;
    return;
  }
  size_t nc = 0;
  cut[nc++] = 0;
  cut[nc++] = n;
  for (size_t i = 0; i < nf; i++) {
    const dz_finding *f = dz_result_get(r, i);
    cut[nc++] = dz_finding_dstart(f) < n ? dz_finding_dstart(f) : n;
    cut[nc++] = dz_finding_dend(f) < n ? dz_finding_dend(f) : n;
  }
  qsort(cut, nc, sizeof *cut, cmp_size);
  /* Sweep: findings are sorted by start, so the ones covering a segment are among those
  ** started so far and not yet ended; `active` holds them. */
  size_t *active = malloc((nf + 1) * sizeof *active), na = 0, next = 0;
  if (!active) {
    free(cut);
    b->oom = 1;
    return;
  }
  for (size_t k = 0; k + 1 < nc; k++) {
    size_t a = cut[k], e = cut[k + 1];
    if (a == e) continue;
    while (next < nf && dz_finding_dstart(dz_result_get(r, next)) <= a) active[na++] = next++;
    size_t keep = 0;
    for (size_t i = 0; i < na; i++)
      if (dz_finding_dend(dz_result_get(r, active[i])) > a) active[keep++] = active[i];
    na = keep;
    int sev = -1;
    dz_buf ids = {0};
    for (size_t i = 0; i < na; i++) {
      const dz_finding *f = dz_result_get(r, active[i]);
      if (dz_finding_dend(f) < e) continue;
      if ((int)dz_finding_severity(f) > sev) sev = (int)dz_finding_severity(f);
      dz_buf_printf(&ids, "%sf%zu", ids.len ? " " : "", active[i] + 1);
    }
    if (sev >= 0) dz_buf_printf(b, "<mark class=\"%s\" data-f=\"%s\">", dz_severity_name((dz_severity)sev), ids.data);
    dz_buf_html(b, s + a, e - a);
    if (sev >= 0) dz_buf_puts(b, "</mark>");
    if (ids.oom) b->oom = 1;
    dz_buf_free(&ids);
  }
  free(active);
  free(cut);
}

int dz_report_html(char **out, size_t *len, const dz_doc *doc, const dz_result *r, dz_error *err) {
  dz_buf b = {0};
  const dz_text *t = dz_doc_text(doc);
  size_t n;
  const char *s = dz_text_data(t, &n);
  const char *name = dz_text_name(t);
  dz_buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>对照检查报告：");
  dz_buf_html(&b, name, strlen(name));
  dz_buf_printf(&b, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n<h1>", css);
  dz_buf_html(&b, name, strlen(name));
  dz_buf_puts(&b, "</h1>\n<p class=\"meta\">框架：");
  const char *pid = dz_result_profile_id(r), *why = dz_result_profile_reason(r);
  dz_buf_html(&b, pid, strlen(pid));
  dz_buf_puts(&b, "（");
  dz_buf_html(&b, why, strlen(why));
  dz_buf_printf(&b, "）。共 %zu 处：错误 %zu，警告 %zu，提示 %zu。</p>\n<pre>", dz_result_count(r),
                dz_result_count_severity(r, DZ_SEV_ERROR), dz_result_count_severity(r, DZ_SEV_WARNING),
                dz_result_count_severity(r, DZ_SEV_INFO));
  marked_text(&b, s, n, r);
  dz_buf_puts(&b, "</pre>\n</main>\n<aside>\n<h1>问题清单</h1>\n<ol>\n");
  for (size_t i = 0; i < dz_result_count(r); i++) {
    const dz_finding *f = dz_result_get(r, i);
    dz_severity sv = dz_finding_severity(f);
    dz_buf_printf(&b, "<li data-f=\"f%zu\"><span class=\"sev %s\">%s</span> 第 %zu 行第 %zu 列 <span class=\"rule\">", i + 1,
                  dz_severity_name(sv), sev_zh(sv), dz_finding_line(f), dz_finding_column(f));
    dz_buf_html(&b, dz_finding_rule(f), strlen(dz_finding_rule(f)));
    dz_buf_puts(&b, "</span><br>");
    dz_buf_html(&b, dz_finding_message(f), strlen(dz_finding_message(f)));
    const char *sg = dz_finding_suggestion(f);
    if (sg) {
      dz_buf_puts(&b, "<br><span class=\"sug\">建议：");
      if (*sg) dz_buf_html(&b, sg, strlen(sg));
      else dz_buf_puts(&b, "（删除）");
      dz_buf_puts(&b, "</span>");
    }
    dz_buf_puts(&b, "</li>\n");
  }
  dz_buf_printf(&b, "</ol>\n</aside>\n<script>%s</script>\n</body>\n</html>\n", js);
  if (dz_buf_take(&b, out, len)) return dz__error_nomem(err);
  return 0;
}
