/*
** Sentence splitting for Chinese. A sentence ends at 。！？；(and half-width !?;) or an
** ellipsis, and takes with it any closing quotes or brackets that follow (…。” ends after ”),
** so that quotations are not split from the sentence they close.
*/
#include "text/sentence.h"
#include "text/utf8.h"

int dz_is_sentence_end(uint32_t c) {
  return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */ || c == 0xFF1B /* ； */ ||
         c == '!' || c == '?' || c == ';' || c == 0x2026 /* … */;
}

int dz_is_closing_mark(uint32_t c) {
  return c == 0x201D /* ” */ || c == 0x2019 /* ’ */ || c == 0x300D /* 」 */ || c == 0x300F /* 』 */ ||
         c == 0xFF09 /* ） */ || c == ')' || c == '"' || c == 0x300B /* 》 */;
}

size_t dz_sentence_end(const char *s, size_t start, size_t end) {
  size_t i = start;
  while (i < end) {
    size_t at = i;
    uint32_t c = dz_utf8_next(s, end, &i);
    if (c == '\n') return at;
    if (!dz_is_sentence_end(c)) continue;
    /* Swallow repeated end marks (……, ！？) and closing quotes after them. */
    while (i < end) {
      size_t j = i;
      uint32_t d = dz_utf8_next(s, end, &j);
      if (dz_is_sentence_end(d) || dz_is_closing_mark(d)) i = j;
      else break;
    }
    return i;
  }
  return end;
}
