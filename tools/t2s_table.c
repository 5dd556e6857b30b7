/*
** Build-time generator of the traditional->simplified tables of src/sim/normalize.c, computed
** with the same Debian OpenCC data the program would otherwise convert with at run time:
**
**   t2s_table OUT.c TSCharacters.txt TSPhrases.txt
**
** (the two text files are `opencc_dict -f ocd2 -t text` dumps of the dictionaries t2s.json
** uses). It writes
** - `dz_t2s_changed[]`: one bit per code point from U+3400 to U+9FFF that t2s changes on its
**   own (bit (c - 0x3400) % 8 of byte (c - 0x3400) / 8);
** - `dz_t2s_chars[][2]`: every TSCharacters key with what OpenCC t2s makes of it alone,
**   sorted by key;
** - `dz_t2s_phrases[]`: every TSPhrases key with what OpenCC t2s makes of it, as flat records
**   (key length, value length, key code points, value code points) sorted by key, plus their
**   offsets `dz_t2s_phrase_off[]`;
** - `dz_t2s_starts[]`: one bit per code point of the same range that starts a TSPhrases key.
** With these, the normaliser replays t2s.json (maximal-match segmentation on TSPhrases, then
** phrase or character conversion) without OpenCC's per-call cost; tests/unit/test_sim.c
** compares the two on traditional text.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <opencc/opencc.h>

#define LO 0x3400u
#define HI 0xA000u
#define MAXK 64

static int put(char *o, unsigned c) {
  if (c < 0x80) return o[0] = (char)c, 1;
  if (c < 0x800) return o[0] = (char)(0xC0 | (c >> 6)), o[1] = (char)(0x80 | (c & 0x3F)), 2;
  if (c < 0x10000) {
    o[0] = (char)(0xE0 | (c >> 12));
    o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  o[0] = (char)(0xF0 | (c >> 18));
  o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
  o[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

/* Decode UTF-8 s[0..n) into at most MAXK code points; -1 when too long or malformed. */
static int decode(const char *s, size_t n, uint32_t *out) {
  int m = 0;
  for (size_t i = 0; i < n;) {
    unsigned char b = (unsigned char)s[i];
    int l = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (!l || i + (size_t)l > n || m == MAXK) return -1;
    uint32_t c = l == 1 ? b : b & (0xFFu >> (l + 1));
    for (int k = 1; k < l; k++) c = c << 6 | ((unsigned char)s[i + (size_t)k] & 0x3F);
    out[m++] = c;
    i += (size_t)l;
  }
  return m;
}

typedef struct entry {
  uint32_t k[MAXK], v[MAXK];
  int nk, nv;
} entry;

/* Keys of a dictionary dump (the text before the tab on each line), converted by OpenCC. */
static entry *load(opencc_t cc, const char *path, size_t *n) {
  FILE *f = fopen(path, "r");
  if (!f) { perror(path); return NULL; }
  size_t cap = 1024, m = 0;
  entry *e = malloc(cap * sizeof *e);
  char line[4096];
  while (e && fgets(line, sizeof line, f)) {
    char *tab = strchr(line, '\t');
    if (!tab || tab == line) continue;
    if (m == cap) e = realloc(e, (cap *= 2) * sizeof *e);
    if (!e) break;
    char *conv = opencc_convert_utf8(cc, line, (size_t)(tab - line));
    e[m].nk = decode(line, (size_t)(tab - line), e[m].k);
    e[m].nv = conv ? decode(conv, strlen(conv), e[m].v) : -1;
    if (conv) opencc_convert_utf8_free(conv);
    if (e[m].nk < 1 || e[m].nv < 0) {
      fprintf(stderr, "t2s_table: cannot use entry %.*s of %s\n", (int)(tab - line), line, path);
      exit(1);
    }
    m++;
  }
  fclose(f);
  *n = m;
  return e;
}

static int entry_cmp(const void *x, const void *y) {
  const entry *a = x, *b = y;
  for (int i = 0; i < a->nk && i < b->nk; i++)
    if (a->k[i] != b->k[i]) return a->k[i] < b->k[i] ? -1 : 1;
  return a->nk - b->nk;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: t2s_table OUT.c TSCharacters.txt TSPhrases.txt\n");
    return 2;
  }
  opencc_t cc = opencc_open("t2s.json");
  if (cc == (opencc_t)-1) {
    fprintf(stderr, "t2s_table: cannot open OpenCC t2s.json (install libopencc-data)\n");
    return 1;
  }
  size_t n = HI - LO, len = 0, nc = 0, np = 0;
  char *in = malloc(n * 4 + 1);
  unsigned char bits[(HI - LO) / 8] = {0};
  if (!in) return 1;
  for (unsigned c = LO; c < HI; c++) len += (size_t)put(in + len, c), in[len++] = '\n';
  char *out = opencc_convert_utf8(cc, in, len);
  if (!out) return 1;
  /* Line i of the output is the conversion of code point LO + i. */
  const char *p = out;
  for (unsigned c = LO; c < HI; c++) {
    const char *eol = strchr(p, '\n');
    if (!eol) {
      fprintf(stderr, "t2s_table: OpenCC output out of step at U+%04X\n", c);
      return 1;
    }
    char want[3];
    put(want, c);
    if (eol - p != 3 || memcmp(p, want, 3)) bits[(c - LO) / 8] |= (unsigned char)(1u << ((c - LO) % 8));
    p = eol + 1;
  }
  entry *chars = load(cc, argv[2], &nc), *phr = load(cc, argv[3], &np);
  if (!chars || !phr) return 1;
  qsort(chars, nc, sizeof *chars, entry_cmp);
  qsort(phr, np, sizeof *phr, entry_cmp);
  FILE *f = fopen(argv[1], "w");
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  fprintf(f, "/* Generated by tools/t2s_table.c from OpenCC t2s.json; do not edit. */\n"
             "#include <stddef.h>\n#include <stdint.h>\n"
             "const unsigned char dz_t2s_changed[%zu] = {", sizeof bits);
  for (size_t i = 0; i < sizeof bits; i++) fprintf(f, "%s%u,", i % 32 ? "" : "\n", bits[i]);
  fprintf(f, "\n};\nconst uint32_t dz_t2s_chars[][2] = {");
  size_t kept = 0;
  for (size_t i = 0; i < nc; i++) {
    if (chars[i].nk != 1 || chars[i].nv != 1) {
      fprintf(stderr, "t2s_table: TSCharacters entry %zu is not one character to one\n", i);
      return 1;
    }
    if (chars[i].v[0] == chars[i].k[0]) continue;
    fprintf(f, "%s{%u,%u},", kept++ % 8 ? "" : "\n", chars[i].k[0], chars[i].v[0]);
  }
  fprintf(f, "\n};\nconst size_t dz_t2s_nchars = %zu;\nconst uint32_t dz_t2s_phrases[] = {", kept);
  size_t off = 0;
  for (size_t i = 0; i < np; i++) {
    fprintf(f, "\n%d,%d,", phr[i].nk, phr[i].nv);
    for (int k = 0; k < phr[i].nk; k++) fprintf(f, "%u,", phr[i].k[k]);
    for (int k = 0; k < phr[i].nv; k++) fprintf(f, "%u,", phr[i].v[k]);
  }
  fprintf(f, "0};\nconst uint32_t dz_t2s_phrase_off[] = {");
  for (size_t i = 0; i < np; i++) {
    fprintf(f, "%s%zu,", i % 16 ? "" : "\n", off);
    off += 2 + (size_t)phr[i].nk + (size_t)phr[i].nv;
  }
  fprintf(f, "0};\nconst size_t dz_t2s_nphrases = %zu;\n", np);
  /* which code points of the range start a phrase key: the others need no phrase search */
  unsigned char starts[(HI - LO) / 8] = {0};
  for (size_t i = 0; i < np; i++)
    if (phr[i].k[0] >= LO && phr[i].k[0] < HI) starts[(phr[i].k[0] - LO) / 8] |= (unsigned char)(1u << ((phr[i].k[0] - LO) % 8));
  fprintf(f, "const unsigned char dz_t2s_starts[%zu] = {", sizeof starts);
  for (size_t i = 0; i < sizeof starts; i++) fprintf(f, "%s%u,", i % 32 ? "" : "\n", starts[i]);
  fprintf(f, "\n};\n");
  opencc_convert_utf8_free(out);
  opencc_close(cc);
  free(in);
  free(chars);
  free(phr);
  return fclose(f) ? 1 : 0;
}
