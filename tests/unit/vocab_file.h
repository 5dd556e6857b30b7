/* Shared by the unit tests that read our 公文 vocabulary: opens data/lexicon/gongwen_vocab.tsv
** in the source tree (DZ_SOURCE_DIR, set by ctest; the current directory otherwise). */
#ifndef DZ_TEST_VOCAB_FILE_H
#define DZ_TEST_VOCAB_FILE_H
#include <stdio.h>
#include <stdlib.h>

/* The vocabulary file, open for reading, or NULL. */
static inline FILE *dz_test_open_vocab(void) {
  char path[4096];
  snprintf(path, sizeof path, "%s/data/lexicon/gongwen_vocab.tsv",
           getenv("DZ_SOURCE_DIR") ? getenv("DZ_SOURCE_DIR") : ".");
  return fopen(path, "r");
}
#endif
