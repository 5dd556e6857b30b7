/*
** spell.char / spell.word: the statistical spelling check (src/lexicon/spell.c) as rules.
** spell.char flags a character that makes no word where it stands (总休方案→总体方案);
** spell.word a real word that the context rejects (形式主意→形式主义 reads as a word swap).
** Both are warnings with the checker's confidence: they are guesses, not list matches.
** Words of the user's dictionary are never touched (no change may fall inside one).
*/
#include <stdio.h>
#include <string.h>

#include "check/check_int.h"
#include "util/error.h"

/* Called by dz_checker_new when a spell rule is enabled; the error says how to fix or skip it. */
int dz__spell_open(dz_checker *ck, dz_error *err) {
  dz_error e;
  int rc = dz_spell_new(&ck->speller, NULL, &e);
  if (rc)
    return dz__error_set(err, rc, "%s。若不需要错别字检查，可用 --ignore 'spell.*' 关闭。", e.message);
  return 0;
}

/* Does a word of the user's dictionary overlap [a, b)? */
static int touches_dictionary(const dz_rule_ctx *ctx, size_t a, size_t b) {
  for (size_t i = 0; i < ctx->nm && ctx->m[i].start < b; i++)
    if (DZ_MK_KIND(ctx->m[i].value) == DZ_MK_DICT && ctx->m[i].end > a) return 1;
  return 0;
}

/* One pass of the speller over the decoded text; each hit becomes a finding with its confidence. */
int dz__rule_spell(dz_rule_ctx *ctx) {
  const dz_speller *sp = ctx->ck->speller;
  if (!sp) return 0;
  dz_spell_hit *h = NULL;
  size_t n = 0;
  int rc = dz_spell_check(&h, &n, sp, ctx->s, ctx->n, NULL);
  if (rc) return rc;
  for (size_t i = 0; i < n && !rc; i++) {
    if (touches_dictionary(ctx, h[i].start, h[i].end)) continue;
    const char *id = h[i].kind == DZ_SPELL_WORD ? "spell.word" : "spell.char";
    size_t before = ctx->nraw;
    rc = dz__emit(ctx, id, h[i].start, h[i].end, h[i].suggestion, "疑似错别字：“%s”可能应为“%s”",
                  h[i].original, h[i].suggestion);
    /* A statistical guess is never certain: cap at 0.99 so that reports never show 1.00. */
    if (!rc && ctx->nraw > before) ctx->raw[ctx->nraw - 1].conf = h[i].confidence < 0.99 ? h[i].confidence : 0.99;
  }
  dz_spell_hits_free(h);
  return rc;
}
