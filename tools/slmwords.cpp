/*
** Build-time writer of the second language model's word table (src/lexicon/lm2fmt.h):
** reads sunpinyin's lexicon (pydict_sc.bin, Debian sunpinyin-data, CC BY-SA 3.0) through
** libsunpinyin's CPinyinTrie, whose word ids are the ids of its trigram model lm_sc.t3g, and
** writes every word and every proper prefix of a word into a hash table keyed by its UTF-8
** text. C++ only because the trie reader is.
**   dz_slmwords OUT PYDICT
*/
#include <pytrie.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

extern "C" {
#include "lexicon/lm2fmt.h"
}

/* Append code point c to s as UTF-8. */
static void put_utf8(std::string &s, unsigned c) {
  if (c < 0x80) {
    s += (char)c;
  } else if (c < 0x800) {
    s += (char)(0xC0 | c >> 6), s += (char)(0x80 | (c & 63));
  } else if (c < 0x10000) {
    s += (char)(0xE0 | c >> 12), s += (char)(0x80 | ((c >> 6) & 63)), s += (char)(0x80 | (c & 63));
  } else {
    s += (char)(0xF0 | c >> 18), s += (char)(0x80 | ((c >> 12) & 63));
    s += (char)(0x80 | ((c >> 6) & 63)), s += (char)(0x80 | (c & 63));
  }
}

/* Insert (or update) the entry for text; the first id of a word wins. */
static void put(std::vector<dz_lm2_slot> &tab, const std::string &t, uint32_t id, uint32_t fl) {
  uint64_t key = dz_lm2_fnv(DZ_LM2_FNV_INIT, t.data(), (uint32_t)t.size()) | 1u;
  size_t m = tab.size() - 1;
  for (size_t i = key & m;; i = (i + 1) & m) {
    dz_lm2_slot &s = tab[i];
    if (s.key == 0) s.key = key;
    if (s.key != key) continue;
    if ((fl & DZ_LM2_WORD) && !(s.flags & DZ_LM2_WORD)) s.id = id;
    s.flags |= fl;
    return;
  }
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: dz_slmwords OUT PYDICT\n");
    return 2;
  }
  CPinyinTrie trie;
  if (!trie.load(argv[2])) {
    fprintf(stderr, "dz_slmwords: cannot read %s\n", argv[2]);
    return 1;
  }
  /* The words as code point strings, by id. */
  std::vector<std::vector<unsigned>> words(trie.getWordCount());
  size_t n_words = 0, n_keys = 0, max_len = 0;
  for (unsigned id = 0; id < trie.getWordCount(); id++) {
    const TWCHAR *w = trie[id];
    for (; w && *w; w++) words[id].push_back(*w);
    if (words[id].empty()) continue;
    n_words++;
    n_keys += words[id].size();
    if (words[id].size() > max_len) max_len = words[id].size();
  }
  size_t cap = 1;
  while (cap < 2 * n_keys) cap <<= 1;
  std::vector<dz_lm2_slot> tab(cap);
  for (unsigned id = 0; id < words.size(); id++) {
    std::string t;
    for (size_t k = 0; k < words[id].size(); k++) {
      put_utf8(t, words[id][k]);
      put(tab, t, id, k + 1 == words[id].size() ? DZ_LM2_WORD : DZ_LM2_PREFIX);
    }
  }
  dz_lm2_header h;
  memset(&h, 0, sizeof h);
  memcpy(h.magic, DZ_LM2_MAGIC, 8);
  h.cap = (uint32_t)cap;
  h.n_words = (uint32_t)n_words;
  h.max_len = (uint32_t)max_len;
  h.file_size = sizeof h + cap * sizeof(dz_lm2_slot);
  FILE *f = fopen(argv[1], "wb");
  if (!f || fwrite(&h, sizeof h, 1, f) != 1 ||
      fwrite(tab.data(), sizeof(dz_lm2_slot), cap, f) != cap || fclose(f)) {
    fprintf(stderr, "dz_slmwords: cannot write %s\n", argv[1]);
    return 1;
  }
  printf("dz_slmwords: %zu words, %zu slots, longest %zu characters\n", n_words, cap, max_len);
  return 0;
}
