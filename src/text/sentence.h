/* Chinese sentence boundaries. */
#ifndef DZ_TEXT_SENTENCE_H
#define DZ_TEXT_SENTENCE_H
#include <stddef.h>
#include <stdint.h>

/* True for marks that end a sentence: 。！？；!?; and the ellipsis …. */
int dz_is_sentence_end(uint32_t c);
/* True for closing quotes and brackets that stay with the sentence before them. */
int dz_is_closing_mark(uint32_t c);

/* End (exclusive) of the sentence that starts at `start` in s[0..end): just past its final
** mark and any closing quotes after it, or at a newline, or `end`. */
size_t dz_sentence_end(const char *s, size_t start, size_t end);
#endif
