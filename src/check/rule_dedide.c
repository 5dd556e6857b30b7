/*
** text.de-di-de: 的 written for 得 before a complement of degree: 抓的不够 -> 抓得不够.
**
** Only the verbs of data/lexicon/de_verbs.tsv, and only before a degree word (不够 很 太 过于
** 比较 较 还不 非常 十分 更 and 不 + a short list of adjectives: 不好 不实 不细 …), because 的
** after a verb is usually right. Attributive readings are excluded (做的很多工作, 干的不是本职,
** 做的比较多). A one-character verb must stand as a word: without a segmenter, a table of
** the characters that form a common word with it when written before it (思想, 作用, 分管,
** 科学, 若干 …) rules those out.
*/
#include <stdio.h>
#include <string.h>

#include "check/check_int.h"
#include "text/utf8.h"

/* Degree words after 的, longest first where one is a prefix of another. */
static const char *const degree[] = {"不够", "很", "太", "过于", "比较", "较", "还不", "非常", "十分", "更加", "更", NULL};
/* 不 followed by one of these is a degree complement (抓的不实 -> 抓得不实). */
static const char *const bu_ok[] = {"不好", "不实", "不细", "不深", "不透", "不紧", "不牢", "不准", "不快", "不力",
                                    "不严", "不到位", "不扎实", "不充分", "不全面", "不彻底", "不及时", "不太", "不大", NULL};
/* Attributive readings: 的 ends a relative clause (做的很多工作; 你说的很对 = what you said). */
static const char *const attributive[] = {"很多", "很少", "比较多", "比较少", "较多", "较少", "更多", "更少",
                                          "很对", "很有道理", "很在理", NULL};

/* For each one-character verb, the characters that make a word with it when written just
** before it (思想, 作用, 分管): such a match is not the verb. */
static const char *const compounds[] = {
    "想:思理感设着联构猜梦妄随料遐畅幻空",
    "用:作使利运费应信采适实通效任录雇重挪占引试选启享食日动功善",
    "管:分主监掌保托接不尽看专代",
    "学:科教大中小文数化哲留医自同好治求讲力光史法美神农工商",
    "查:调审检排核督巡清普侦抽探盘复追稽",
    "改:整修更篡批删涂",
    "讲:演宣主开听",
    "说:小学传据听游解劝述虽再或比",
    "写:书编撰填抄描改缩速特",
    "办:主举承督创代交包兴开查筹协",
    "谋:参合预密图主",
    "议:会建决协审提商评异争非倡抗动附谏",
    "练:训熟操演排苦老干历",
    "读:阅解研宣朗攻导品领精拜",
    "悟:感领觉醒彻顿参",
    "记:日笔书登牢铭标忘追速惦",
    "听:聆倾打收旁偷窃视好难",
    "带:地纽携领连绷皮磁声海热",
    "推:类助",
    "压:施血高电镇挤打欺积减抗承加",
    "树:建植果桑松柏绿",
    "守:遵坚保看操职恪驻留信防镇固",
    "走:行奔游出逃",
    "跑:长起赛奔慢短领",
    "看:好难查察观小中收试照眼偷",
    "干:骨树若能实苦主枝躯才精巧蛮大硬",
    "做:看叫当",
    NULL,
};

/* Whether s[at..] starts with w. */
static int starts(const char *s, size_t n, size_t at, const char *w) {
  size_t l = strlen(w);
  return at + l <= n && !memcmp(s + at, w, l);
}

/* Whether the one-character verb at [a, a+vl) is the tail of a longer word. */
static int inside_word(const dz_rule_ctx *ctx, size_t a, size_t vl) {
  if (!a) return 0;
  size_t j = a;
  uint32_t p = dz_utf8_prev(ctx->s, &j);
  if (!dz_is_han(p)) return 0;
  char pc[5];
  int pl = dz_utf8_put(pc, p);
  pc[pl] = 0;
  for (int k = 0; compounds[k]; k++)
    if (!strncmp(compounds[k], ctx->s + a, vl) && compounds[k][vl] == ':')
      return strstr(compounds[k] + vl + 1, pc) != NULL;
  return 0;
}

/* Length of the degree complement at `at`, or 0 when none (or an attributive reading). */
static size_t complement(const dz_rule_ctx *ctx, size_t at) {
  for (int k = 0; attributive[k]; k++)
    if (starts(ctx->s, ctx->n, at, attributive[k])) return 0;
  for (int k = 0; bu_ok[k]; k++)
    if (starts(ctx->s, ctx->n, at, bu_ok[k])) return strlen(bu_ok[k]);
  for (int k = 0; degree[k]; k++)
    if (starts(ctx->s, ctx->n, at, degree[k])) return strlen(degree[k]);
  return 0;
}

/* Check every VERB的 match of the automaton. */
int dz__rule_dedide(dz_rule_ctx *ctx) {
  for (size_t i = 0; i < ctx->nm; i++) {
    const dz_match *m = &ctx->m[i];
    if (DZ_MK_KIND(m->value) != DZ_MK_DEVERB) continue;
    size_t at = m->end, vl = m->end - m->start - strlen("的");
    size_t cl = complement(ctx, at);
    if (!cl) continue;
    if (dz__chars(ctx->s, m->start, m->start + vl) == 1 && inside_word(ctx, m->start, vl)) continue;
    char sugg[300];
    snprintf(sugg, sizeof sugg, "%.*s得", (int)vl, ctx->s + m->start);
    size_t tail = at + cl;
    if (dz__emit(ctx, "text.de-di-de", m->start, m->end, sugg, "“%.*s”中动词后接程度补语，应用“得”：%s%.*s。",
                 (int)(tail - m->start), ctx->s + m->start, sugg, (int)(tail - at), ctx->s + at))
      return ctx->err;
  }
  return 0;
}
