/*
** text.repeat: an accidentally doubled character or word (以学以学铸魂, 不到到位, 的的).
**
** Precision first. A single doubled character is only flagged when it is a function
** character that Chinese does not reduplicate (的 了 是 在 到 …) and the first of the pair does
** not end a word (实事求是是, 为了了解, 现在在); content characters double
** legitimately all the time (常常, 层层, 红红脸). A doubled word of 2-4 characters is flagged
** unless it is numeral-led (一件一件), a common verb reduplication (研究研究), or covered by
** the curated list data/lexicon/reduplication.tsv, which also rescues AABB idioms (是是非非)
** and words like 钉钉子, 不了了之.
*/
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "check/check_int.h"
#include "text/utf8.h"

/* Function characters whose doubling is a typo. */
static const char function_chars[] = "的了是在和与及并而或被从将为以于到不也都就还又很更其之所这那要应使给由因但却则";

/* Legitimate words the list might lack: kept here so the rule is safe without data. */
static const char *const builtin_ok[] = {"是是非非", "的的确确", "不了了之", "和和气气", "研究研究", "讨论讨论",
                                         "商量商量", "考虑考虑", "学习学习", "交流交流", "沟通沟通", "琢磨琢磨",
                                         "了解了解", "调查调查", "锻炼锻炼", "活动活动", "休息休息", "比较比较",
                                         "参观参观", "庆祝庆祝", "准备准备", "收拾收拾", "打扫打扫", "练习练习",
                                         "欣赏欣赏", "体验体验", "放松放松", "打听打听", "指导指导", "关心关心",
                                         NULL};

/* For a doubled function character AA, the characters X such that XA is a word: the first A
** then ends a word and the second starts the next (实事求是是, 为了了解, 现在在家, 目的的). 不
** is deliberately absent for 到: 不到到位 is the classic typo. */
static const char *const word_before[] = {
    "是:求但就还总可若于或真正凡要只却更倒硬像算老便即乃亦也都不自实确本原",
    "的:目有别似是真",
    "在:现存实正所自内潜外好旨意重贵难",
    "了:为除罢算得好极",
    "以:可所难加予给得用借足何是无",
    "和:温平缓调柔共饱随附总暖",
    "与:参给赋",
    "为:作行认成因以称视较更极最尤颇广互人有无",
    "到:达得受感做遇看想收听来直提等办找说回",
    "于:由对关至属在等善敢勇乐易便过终基",
    "将:即必",
    "就:成迁将造",
    "从:服听自顺",
    "被:棉",
    "并:合兼",
    "而:然从因进反继故",
    "其:尤与极",
    "之:总",
    "所:场诊处住",
    "要:需主重只纪必首",
    "应:相适反供答响对效",
    "使:大",
    "给:供",
    "由:自理来缘",
    "因:原基病起",
    "但:不",
    "则:否原规法准细守",
    NULL,
};

/* Whether the character before position i and cp[i] form a listed word. */
static int ends_word(const uint32_t *cp, size_t i) {
  if (i == 0) return 0;
  char a[5], x[5];
  int la = dz_utf8_put(a, cp[i]), lx = dz_utf8_put(x, cp[i - 1]);
  a[la] = 0, x[lx] = 0;
  for (int k = 0; word_before[k]; k++)
    if (!strncmp(word_before[k], a, (size_t)la) && word_before[k][la] == ':') return strstr(word_before[k] + la + 1, x) != NULL;
  return 0;
}

/* Whether c is in the function-character list. */
static int is_function_char(uint32_t c) {
  char b[5];
  int l = dz_utf8_put(b, c);
  b[l] = 0;
  return strstr(function_chars, b) != NULL;
}

/* Numerals and 每/几: 一件一件, 每天每天 are not typos. */
static int is_numeral_lead(uint32_t c) {
  static const uint32_t nums[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B,
                                  0x4E5D, 0x5341, 0x4E24, 0x51E0, 0x6BCF, 0x767E, 0x5343, 0x4E07};
  for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
    if (c == nums[i]) return 1;
  return 0;
}

/* Whether [a, b) lies inside a listed reduplication or a built-in legitimate word. */
static int legitimate(const dz_rule_ctx *ctx, size_t a, size_t b) {
  if (dz__covered(ctx, DZ_MK_REDUP, a, b)) return 1;
  for (int k = 0; builtin_ok[k]; k++) {
    size_t l = strlen(builtin_ok[k]);
    size_t lo = b >= l ? b - l : 0;
    for (size_t s = lo; s <= a && s + l <= ctx->n; s++)
      if (!memcmp(ctx->s + s, builtin_ok[k], l)) return 1;
  }
  return 0;
}

#define RUN_MAX 512

/* One run of Han characters: cp[i] starts at off[i]; off[n] is the run's end. */
static int scan_run(dz_rule_ctx *ctx, const uint32_t *cp, const size_t *off, size_t n) {
  size_t i = 0;
  while (i + 1 < n) {
    size_t k = 0;
    for (size_t u = 1; u <= 4 && i + 2 * u <= n && !k; u++)
      if (!memcmp(cp + i, cp + i + u, u * sizeof *cp)) k = u;
    if (!k) {
      i++;
      continue;
    }
    size_t reps = 2;
    while (i + (reps + 1) * k <= n && !memcmp(cp + i, cp + i + reps * k, k * sizeof *cp)) reps++;
    size_t a = off[i], b = off[i + reps * k];
    int flag = k == 1 ? is_function_char(cp[i]) && !(reps == 2 && ends_word(cp, i)) : !is_numeral_lead(cp[i]);
    /* 看一看一… : the A一A pattern, not a doubled word. */
    if (flag && k == 2 && cp[i + 1] == 0x4E00) flag = 0;
    /* After Latin letters or digits the first copy belongs to a name (PPP项目项目经理). */
    if (flag && k > 1 && a > 0 && (unsigned char)ctx->s[a - 1] < 0x80 && isalnum((unsigned char)ctx->s[a - 1])) flag = 0;
    if (flag && !legitimate(ctx, a, b)) {
      char unit[64], before[64], after[64];
      size_t ul = off[i + k] - a;
      snprintf(unit, sizeof unit, "%.*s", (int)ul, ctx->s + a);
      /* Context for a doubled character: one character either side, so that 不到到位
      ** reads as a phrase; a doubled word reads well alone. */
      size_t ca = (k == 1 && i > 0) ? off[i - 1] : a;
      size_t tail = i + reps * k + (k == 1 ? 1 : 0);
      size_t cb = off[tail < n ? tail : n];
      snprintf(before, sizeof before, "%.*s", (int)(cb - ca), ctx->s + ca);
      snprintf(after, sizeof after, "%.*s%.*s%.*s", (int)(a - ca), ctx->s + ca, (int)ul, unit, (int)(cb - b),
               ctx->s + b);
      if (dz__emit(ctx, "text.repeat", a, b, unit, "“%s”重复：“%s”应为“%s”。", unit, before, after)) return ctx->err;
    }
    i += flag ? reps * k : 1;
  }
  return 0;
}

/* Split the text into runs of Han characters and scan each. */
int dz__rule_repeat(dz_rule_ctx *ctx) {
  uint32_t cp[RUN_MAX + 1];
  size_t off[RUN_MAX + 1];
  size_t n = 0, i = 0;
  while (i <= ctx->n) {
    size_t at = i;
    uint32_t c = i < ctx->n ? dz_utf8_next(ctx->s, ctx->n, &i) : 0;
    if (i == at) i++; /* the end sentinel */
    if (c && dz_is_han(c) && n < RUN_MAX) {
      cp[n] = c;
      off[n++] = at;
      continue;
    }
    if (n >= 2) {
      off[n] = at;
      if (scan_run(ctx, cp, off, n)) return ctx->err;
    }
    n = 0;
    if (c && dz_is_han(c)) { /* an over-long run restarts here */
      cp[n] = c;
      off[n++] = at;
    }
  }
  return 0;
}
