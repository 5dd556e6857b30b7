/*
** Fuzz target: the compiled-dictionary reader on arbitrary files. Opening must either fail
** cleanly or give a dictionary on which lookups, prefix iteration, readings, look-alikes and
** the sound-alike index stay inside the mapping (ASan) and return. The input is written to a
** temporary file because dz_dict_open maps a path.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "duizhao.h"
#include "lexicon/dict.h"

static int on_prefix(void *ctx, size_t len, uint32_t freq) {
  (void)ctx, (void)len, (void)freq;
  return 0;
}

static void on_word(void *ctx, const char *w, size_t wn, const uint32_t *cps, uint32_t freq) {
  (void)ctx, (void)w, (void)wn, (void)cps, (void)freq;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[] = "/tmp/dz_fuzz_dict_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return 0;
  if (write(fd, data, size) != (ssize_t)size) {
    close(fd);
    unlink(path);
    return 0;
  }
  close(fd);
  dz_dict *d = NULL;
  dz_error e;
  if (dz_dict_open(&d, path, &e) == DZ_OK) {
    const char *t = "中华人民共和国发展机制总体方案";
    uint32_t cps[] = {0x603B, 0x4F53, 0x65B9, 0x6848}; /* 总体方案 */
    for (size_t n = 3; n <= strlen(t); n += 3) dz_dict_lookup(d, t, n, NULL);
    unsigned fl;
    dz_dict_lookup(d, t, strlen(t), &fl);
    dz_dict_prefixes(d, t, strlen(t), on_prefix, NULL);
    for (int i = 0; i < 4; i++) {
      size_t nl;
      dz_dict_syllable_text(d, dz_dict_syllable(d, cps[i]));
      uint16_t rd[1 + DZ_DICT_ALT];
      int nr = dz_dict_readings(d, cps[i], rd);
      for (int k = 0; k < nr; k++) {
        size_t nc;
        const uint32_t *sc = dz_dict_syllable_chars(d, rd[k], &nc);
        for (size_t j = 0; j < nc; j++) dz_dict_syllable(d, sc[j]);
      }
      dz_dict_lookalikes(d, cps[i], &nl);
      dz_dict_pair_maybe(d, cps[i], cps[(i + 1) % 4]);
    }
    for (int len = 2; len <= 4; len++) dz_dict_homophones(d, cps, len, on_word, NULL);
    dz_dict_free(d);
  }
  unlink(path);
  return 0;
}
