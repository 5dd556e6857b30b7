/*
** The terminal report of a check: findings grouped by line, each with its position, severity,
** rule and message, an excerpt of the line with carets under the span (East Asian wide
** characters take two columns), and the suggestion. ANSI colour only when asked (a tty).
** Ends with a one-line summary by severity.
*/
#include <stdio.h>
#include <string.h>

#include "duizhao.h"
#include "text/utf8.h"

#define CONTEXT_CHARS 16

static const char *sev_zh(dz_severity s) { return s == DZ_SEV_ERROR ? "错误" : s == DZ_SEV_WARNING ? "警告" : "提示"; }
static const char *sev_color(dz_severity s) { return s == DZ_SEV_ERROR ? "\033[1;31m" : s == DZ_SEV_WARNING ? "\033[1;33m" : "\033[1;36m"; }

/* Display width of a code point: 2 for East Asian wide and fullwidth characters. */
static int width(uint32_t c) {
  if (c < 0x1100) return 1;
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
      (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
      (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD))
    return 2;
  return 1;
}

static int span_width(const char *s, size_t a, size_t b) {
  int w = 0;
  for (size_t i = a; i < b;) w += width(dz_utf8_next(s, b, &i));
  return w;
}

/* Move back (or forward) up to k characters from i within [lo, hi]. */
static size_t back_chars(const char *s, size_t i, size_t lo, int k) {
  while (k-- > 0 && i > lo) dz_utf8_prev(s, &i);
  return i;
}
static size_t fwd_chars(const char *s, size_t i, size_t hi, int k) {
  while (k-- > 0 && i < hi) dz_utf8_next(s, hi, &i);
  return i;
}

/* Tabs and other controls would break the caret alignment: print them as spaces. */
static void put_clean(FILE *f, const char *s, size_t a, size_t b) {
  for (size_t i = a; i < b; i++) fputc((unsigned char)s[i] < 0x20 ? ' ' : s[i], f);
}

int dz_report_text(FILE *f, const dz_doc *doc, const dz_result *r, int color) {
  const dz_text *t = dz_doc_text(doc);
  size_t n;
  const char *s = dz_text_data(t, &n);
  const char *on_dim = color ? "\033[2m" : "", *off = color ? "\033[0m" : "", *on_green = color ? "\033[32m" : "";
  const char *pid = dz_result_profile_id(r);
  fprintf(f, "%s%s%s\n", color ? "\033[1m" : "", dz_text_name(t), off);
  if (*pid) fprintf(f, "框架：%s（%s）\n", pid, dz_result_profile_reason(r));
  size_t cur_line = 0;
  for (size_t i = 0; i < dz_result_count(r); i++) {
    const dz_finding *x = dz_result_get(r, i);
    size_t line = dz_finding_line(x), ls, le;
    if (dz_text_line_span(t, line, &ls, &le)) ls = le = dz_finding_dstart(x);
    if (line != cur_line) {
      fprintf(f, "\n%s第 %zu 行%s\n", on_dim, line, off);
      cur_line = line;
    }
    dz_severity sv = dz_finding_severity(x);
    fprintf(f, "  %zu:%zu %s%s%s %s %s\n", line, dz_finding_column(x), color ? sev_color(sv) : "", sev_zh(sv), off,
            dz_finding_rule(x), dz_finding_message(x));
    size_t a = dz_finding_dstart(x), b = dz_finding_dend(x);
    if (b > le) b = le; /* show the first line of a multi-line span */
    if (a > b) a = b;
    size_t wa = back_chars(s, a, ls, CONTEXT_CHARS), wb = fwd_chars(s, b, le, CONTEXT_CHARS);
    if (span_width(s, a, b) > 60) { /* long span: clip */
      b = fwd_chars(s, a, le, 28);
      wb = b;
    }
    fprintf(f, "    %s|%s %s", on_dim, off, wa > ls ? "…" : "");
    put_clean(f, s, wa, a);
    fputs(color ? sev_color(sv) : "", f);
    put_clean(f, s, a, b);
    fputs(off, f);
    put_clean(f, s, b, wb);
    fprintf(f, "%s\n", wb < le ? "…" : "");
    int pad = span_width(s, wa, a) + (wa > ls ? 1 : 0), w = span_width(s, a, b);
    fprintf(f, "    %s|%s %*s%s", on_dim, off, pad, "", color ? sev_color(sv) : "");
    for (int k = 0; k < (w ? w : 1); k++) fputc('^', f);
    fprintf(f, "%s\n", off);
    const char *sg = dz_finding_suggestion(x);
    if (sg) fprintf(f, "    %s=%s 建议：%s%s%s\n", on_dim, off, on_green, *sg ? sg : "（删除）", off);
  }
  size_t e = dz_result_count_severity(r, DZ_SEV_ERROR), w = dz_result_count_severity(r, DZ_SEV_WARNING),
         in = dz_result_count_severity(r, DZ_SEV_INFO);
  if (!dz_result_count(r)) fprintf(f, "\n未发现问题。\n");
  else fprintf(f, "\n共 %zu 处：错误 %zu，警告 %zu，提示 %zu。\n", dz_result_count(r), e, w, in);
  return ferror(f) ? DZ_EIO : 0;
}
