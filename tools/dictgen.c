/*
** Build-time dictionary compiler: turns jieba's dict.txt, our own 公文 vocabulary, ICU pinyin
** readings and (optionally) libime's Cangjie table into the memory-mapped dict.bin described
** in src/lexicon/dictfmt.h. Run by cmake/spell.cmake; the library never parses text
** dictionaries at run time, so start-up is one mmap.
**
**   dictgen OUT.bin JIEBA_DICT GONGWEN_TSV [CANGJIE_DUMP [WUBI_DUMP [PINYIN_DUMP [GLYPH_PAIRS]]]]
**
** JIEBA_DICT lines are "word freq [tag]". GONGWEN_TSV lines are "term<TAB>freq<TAB>note";
** '#' starts a comment line. A term already in jieba keeps the larger frequency. CANGJIE_DUMP
** is the text form of /usr/share/libime/cj.main.dict written by `libime_tabledict -d`; when it
** is absent or empty the look-alike table is left empty and the checker uses pinyin only.
** WUBI_DUMP (from /usr/share/libime/wbx.main.dict) adds the look-alikes whose full Wubi codes
** are one edit apart (没 imcy / 设 ymcy), which Cangjie's shorter codes miss. PINYIN_DUMP is
** libime's pinyin dictionary (/usr/share/libime/sc.dict, `libime_pinyindict -d`): its words
** that jieba lacks (愿景, 担责, 办实事) enter with frequency DZ_EXTRA_FREQ, low enough that
** they are never proposed as corrections but high enough that text using them is left alone;
** its one-character entries give each character's other readings (地 di besides ICU's de) and
** its words their own reading (地区 di'qu), a second key in the sound-alike index.
** GLYPH_PAIRS (tools/glyphsim.c, "A<TAB>B<TAB>kind<TAB>score" lines) adds the look-alikes found
** on glyph images (大/太, 厂/广, 木/术), in both directions; kind k marks the weaker look-alikes
** (DZ_LOOK_WEAK) and kind p the component ones (列/例, DZ_LOOK_PART).
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "lexicon/dictfmt.h"
#include "lexicon/shape.h"
#include "text/utf8.h"

#define CP_FIRST 0x3400u
#define CP_LAST 0x9FFFu
#define CP_COUNT (CP_LAST - CP_FIRST + 1)

typedef struct word {
  char *s;
  uint32_t len, freq, flags, off;
  uint16_t pron[DZ_DICT_VAR_MAX]; /* syllable ids as libime reads the word; pron[0] = 0: none */
  float pron_cost;
} word;

static word *words;
static size_t n_words, cap_words;

/* Fail loudly: the build must stop on bad input rather than ship a broken dictionary. */
static void die(const char *msg, const char *arg) {
  fprintf(stderr, "dictgen: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
  exit(1);
}

/* realloc or die: the generator has no partial results to save. */
static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) die("out of memory", NULL);
  return p;
}

/* Simple string -> index map used while building (chained hash). */
static uint32_t *map_head, map_cap;
static uint32_t *map_next;

/* Index + 1 of a word in the build-time map, 0 when absent. */
static uint32_t find_word(const char *s, uint32_t len) {
  uint32_t h = dz_dict_hash(s, len) & (map_cap - 1);
  for (uint32_t i = map_head[h]; i; i = map_next[i - 1])
    if (words[i - 1].len == len && !memcmp(words[i - 1].s, s, len)) return i;
  return 0;
}

/* Add or merge a word; returns its index + 1. */
static uint32_t add_word(const char *s, uint32_t len, uint32_t freq, uint32_t flags) {
  uint32_t i = find_word(s, len);
  if (i) {
    word *w = &words[i - 1];
    if (freq > w->freq) w->freq = freq;
    w->flags |= flags;
    return i;
  }
  if (n_words == cap_words) {
    cap_words = cap_words ? cap_words * 2 : 1 << 16;
    words = xrealloc(words, cap_words * sizeof *words);
    map_next = xrealloc(map_next, cap_words * sizeof *map_next);
  }
  word *w = &words[n_words];
  w->s = xrealloc(NULL, len + 1);
  memcpy(w->s, s, len);
  w->s[len] = 0;
  w->len = len, w->freq = freq, w->flags = flags, w->off = 0;
  w->pron[0] = 0, w->pron_cost = 0;
  uint32_t h = dz_dict_hash(s, len) & (map_cap - 1);
  map_next[n_words] = map_head[h];
  map_head[h] = (uint32_t)++n_words;
  return (uint32_t)n_words;
}

/* Han-only check, and the code points of a word (at most `max`). Returns the count or -1. */
static int word_cps(const char *s, uint32_t len, uint32_t *cps, int max) {
  size_t i = 0;
  int n = 0;
  while (i < len) {
    uint32_t c = dz_utf8_next(s, len, &i);
    if (!dz_is_han(c)) return -1;
    if (n < max) cps[n] = c;
    n++;
  }
  return n;
}

/* jieba part-of-speech tags that matter to the checker: person names and proper nouns. */
static uint32_t tag_flags(const char *tag) {
  if (!tag) return 0;
  if (!strcmp(tag, "nr") || !strcmp(tag, "nrfg") || !strcmp(tag, "nrt")) return DZ_DW_NAME;
  if (!strcmp(tag, "ns") || !strcmp(tag, "nt") || !strcmp(tag, "nz")) return DZ_DW_PLACE;
  return 0;
}

/* jieba dict.txt: "word freq tag" per line. */
static void read_jieba(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) die("cannot open jieba dictionary", path);
  char line[1024];
  while (fgets(line, sizeof line, f)) {
    char *w = strtok(line, " \t\r\n"), *fr = strtok(NULL, " \t\r\n"), *tag = strtok(NULL, " \t\r\n");
    if (!w || !fr) continue;
    uint32_t len = (uint32_t)strlen(w);
    if (len > 255) continue;
    uint32_t cps[1];
    uint32_t flags = DZ_DW_WORD | tag_flags(tag) | (word_cps(w, len, cps, 1) > 0 ? DZ_DW_HAN : 0);
    add_word(w, len, (uint32_t)strtoul(fr, NULL, 10), flags);
  }
  fclose(f);
}

#define DZ_EXTRA_FREQ 3

/* libime pinyin dictionary dump: "word pinyin cost"; adds Han words of 2+ characters. */
static void read_extra(const char *path) {
  FILE *f = path ? fopen(path, "r") : NULL;
  if (!f) return;
  char line[1024];
  while (fgets(line, sizeof line, f)) {
    char *w = strtok(line, " \t\r\n");
    if (!w) continue;
    uint32_t len = (uint32_t)strlen(w), cps[1];
    if (len > 255 || word_cps(w, len, cps, 1) < 0 || len < 6) continue;
    if (!find_word(w, len)) add_word(w, len, DZ_EXTRA_FREQ, DZ_DW_WORD | DZ_DW_HAN);
  }
  fclose(f);
}

/* Our vocabulary: "term<TAB>freq<TAB>note". Every term must be Han only and carry a note. */
static void read_gongwen(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) die("cannot open vocabulary", path);
  char line[2048];
  int ln = 0;
  while (fgets(line, sizeof line, f)) {
    ln++;
    if (line[0] == '#' || line[0] == '\n') continue;
    char *t = strtok(line, "\t\r\n"), *fr = strtok(NULL, "\t\r\n"), *note = strtok(NULL, "\t\r\n");
    if (!t || !fr || !note) {
      fprintf(stderr, "dictgen: %s:%d: expected term<TAB>freq<TAB>note\n", path, ln);
      exit(1);
    }
    uint32_t len = (uint32_t)strlen(t), cps[1];
    if (word_cps(t, len, cps, 1) < 2) {
      fprintf(stderr, "dictgen: %s:%d: term must be two or more Han characters\n", path, ln);
      exit(1);
    }
    add_word(t, len, (uint32_t)strtoul(fr, NULL, 10), DZ_DW_WORD | DZ_DW_GONGWEN | DZ_DW_HAN);
  }
  fclose(f);
}

/* Syllable table built while transliterating. */
static char syl[1024][8];
static uint16_t syl_fuzzy[1024];
static uint32_t n_syl = 1; /* id 0 = no reading */

/* The fuzzy class key of a toneless syllable: zh/ch/sh -> z/c/s, n -> l, h -> f, and the finals
** ang/eng/ing -> an/en/in. Two characters whose keys match sound alike to a pinyin typist (the
** fuzzy options of libime's pinyin engine, PinyinFuzzyFlag in libime/pinyin/pinyinencoder.h,
** include all of these; f/h joined on the spell5 branch: docs/spell.md). */
static void fuzzy_key(const char *s, char *out) {
  char b[16];
  size_t n = 0;
  if ((s[0] == 'z' || s[0] == 'c' || s[0] == 's') && s[1] == 'h') b[n++] = s[0], s += 2;
  else if (s[0] == 'n') b[n++] = 'l', s++;
  else if (s[0] == 'h') b[n++] = 'f', s++;
  while (*s && n < 14) b[n++] = *s++;
  b[n] = 0;
  if (n >= 3 && !strcmp(b + n - 3, "ang")) b[n - 1] = 0;
  else if (n >= 3 && !strcmp(b + n - 3, "eng")) b[n - 1] = 0;
  else if (n >= 3 && !strcmp(b + n - 3, "ing")) b[n - 1] = 0;
  strcpy(out, b);
}

/* Intern a syllable (linear: there are about 410). */
static uint16_t syllable_id(const char *s) {
  for (uint32_t i = 1; i < n_syl; i++)
    if (!strcmp(syl[i], s)) return (uint16_t)i;
  if (n_syl >= 1024) die("too many syllables", s);
  snprintf(syl[n_syl], sizeof syl[n_syl], "%s", s);
  return (uint16_t)n_syl++;
}

/* Fuzzy classes: the smallest syllable id with the same key. */
static void fuzzy_classes(void) {
  char ki[16], kj[16];
  for (uint32_t i = 1; i < n_syl; i++) {
    fuzzy_key(syl[i], ki);
    syl_fuzzy[i] = (uint16_t)i;
    for (uint32_t j = 1; j < i; j++) {
      fuzzy_key(syl[j], kj);
      if (!strcmp(ki, kj)) { syl_fuzzy[i] = syl_fuzzy[j]; break; }
    }
  }
}

/* One reading per character from ICU's "Han-Latin; Latin-ASCII" transliterator. */
static void readings(uint16_t *out) {
  UErrorCode st = U_ZERO_ERROR;
  UChar id[64];
  u_uastrcpy(id, "Han-Latin; Latin-ASCII");
  UTransliterator *tr = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
  if (U_FAILURE(st)) die("ICU transliterator Han-Latin unavailable", u_errorName(st));
  for (uint32_t cp = CP_FIRST; cp <= CP_LAST; cp++) {
    UChar buf[32];
    int32_t len = 1, limit = 1;
    buf[0] = (UChar)cp;
    st = U_ZERO_ERROR;
    utrans_transUChars(tr, buf, &len, 32, 0, &limit, &st);
    out[cp - CP_FIRST] = 0;
    if (U_FAILURE(st) || len < 1 || len > 6) continue;
    char a[8];
    int ok = 1;
    for (int32_t i = 0; i < len; i++) {
      if (buf[i] < 'a' || buf[i] > 'z') { ok = 0; break; }
      a[i] = (char)buf[i];
    }
    if (!ok) continue;
    a[len] = 0;
    out[cp - CP_FIRST] = syllable_id(a);
  }
  utrans_close(tr);
  fuzzy_classes();
}

/* A libime syllable in ICU's Latin-ASCII spelling (lv -> lu, nve -> nue); 0 when malformed. */
static uint16_t libime_syllable(const char *p, size_t n) {
  char a[8];
  if (n < 1 || n > 6) return 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] < 'a' || p[i] > 'z') return 0;
    a[i] = p[i] == 'v' ? 'u' : p[i];
  }
  a[n] = 0;
  return syllable_id(a);
}

#define DZ_ALT_MIN_LOG10 (-3.5) /* other readings at least this likely (log10) are kept */

/* libime's pinyin dictionary gives every reading of a character with its probability (地 di and
** de, 长 chang and zhang) and each word's own reading (地区 di'qu, 银行 yin'hang). The other
** readings of a character go to alt[] (up to DZ_DICT_ALT, most likely first); a word of
** 2..DZ_DICT_VAR_MAX Han characters keeps its most likely reading for the sound-alike index. */
static void libime_readings(const char *path, const uint16_t *rd, uint16_t *alt) {
  float *alt_cost = calloc((size_t)CP_COUNT * DZ_DICT_ALT, sizeof *alt_cost);
  if (!alt_cost) die("out of memory", NULL);
  memset(alt, 0, (size_t)CP_COUNT * DZ_DICT_ALT * sizeof *alt);
  FILE *f = path ? fopen(path, "r") : NULL;
  char line[1024];
  while (f && fgets(line, sizeof line, f)) {
    char *w = strtok(line, " \t\r\n"), *py = strtok(NULL, " \t\r\n"), *co = strtok(NULL, " \t\r\n");
    if (!w || !py || !co) continue;
    float cost = strtof(co, NULL);
    uint32_t len = (uint32_t)strlen(w), cps[DZ_DICT_VAR_MAX + 1];
    int n = word_cps(w, len, cps, DZ_DICT_VAR_MAX + 1);
    if (n < 1 || n > DZ_DICT_VAR_MAX) continue;
    uint16_t ids[DZ_DICT_VAR_MAX];
    int k = 0;
    for (char *p = py; k < n; k++) {
      size_t m = strcspn(p, "'");
      if (!(ids[k] = libime_syllable(p, m))) break;
      p += m;
      if (*p) p++;
      else if (k + 1 < n) break;
    }
    if (k != n) continue;
    if (n == 1) {
      uint32_t c = cps[0] - CP_FIRST;
      if (cps[0] < CP_FIRST || cps[0] > CP_LAST || ids[0] == rd[c] || cost < DZ_ALT_MIN_LOG10) continue;
      /* Insert by probability into the character's few slots. */
      uint16_t *a = alt + (size_t)c * DZ_DICT_ALT;
      float *ac = alt_cost + (size_t)c * DZ_DICT_ALT;
      int j = 0, dup = 0;
      for (int q = 0; q < DZ_DICT_ALT; q++) dup |= a[q] == ids[0];
      if (dup) continue;
      while (j < DZ_DICT_ALT && a[j] && ac[j] >= cost) j++;
      if (j == DZ_DICT_ALT) continue;
      for (int q = DZ_DICT_ALT - 1; q > j; q--) a[q] = a[q - 1], ac[q] = ac[q - 1];
      a[j] = ids[0], ac[j] = cost;
      continue;
    }
    uint32_t i = find_word(w, len);
    if (!i) continue;
    word *wd = &words[i - 1];
    if (wd->pron[0] && wd->pron_cost >= cost) continue;
    memcpy(wd->pron, ids, sizeof ids[0] * (size_t)n);
    wd->pron_cost = cost;
  }
  if (f) fclose(f);
  free(alt_cost);
}

/* Shape codes from `libime_tabledict -d` output: "code char" lines after "[Data]". Cangjie
** keeps each character's shortest code; Wubi (longest = 1) its full code. */
static void shapes(const char *path, uint32_t *out, int longest) {
  memset(out, 0, CP_COUNT * sizeof *out);
  if (!path) return;
  FILE *f = fopen(path, "r");
  if (!f) return;
  char line[256];
  int data = 0;
  while (fgets(line, sizeof line, f)) {
    if (!data) { data = !strncmp(line, "[Data]", 6); continue; }
    char *code = strtok(line, " \t\r\n"), *ch = strtok(NULL, " \t\r\n");
    if (!code || !ch) continue;
    size_t i = 0, n = strlen(ch), cl = strlen(code);
    uint32_t cp = dz_utf8_next(ch, n, &i);
    if (i != n || cp < CP_FIRST || cp > CP_LAST || cl < 1 || cl > 5) continue;
    uint32_t v = dz_shape_pack(code);
    uint32_t *slot = &out[cp - CP_FIRST];
    if (v && (!*slot || (longest ? (*slot >> 29) < cl : (*slot >> 29) > cl))) *slot = v;
  }
  fclose(f);
}

/* qsort order of 64-bit keys and of code points. */
static int cmp_u64(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return a < b ? -1 : a > b;
}
/* Look-alike items by code point, a plain look-alike before a weak one of the same. */
static int cmp_look(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  if (DZ_LOOK_CP(a) != DZ_LOOK_CP(b)) return DZ_LOOK_CP(a) < DZ_LOOK_CP(b) ? -1 : 1;
  return a < b ? -1 : a > b;
}

/* Full Wubi codes one edit apart, both of three or four letters and neither a key-name
** character's repeated letter (大 dddd), look alike: Wubi also spells by components. */
static int wubi_alike(uint32_t a, uint32_t b) {
  if (!a || !b || (a >> 29) < 3 || (b >> 29) < 3 || a == b) return 0;
  for (int k = 0; k < 2; k++) {
    uint32_t v = k ? b : a, n = v >> 29, first = v & 31, same = 1;
    for (uint32_t i = 1; i < n; i++) same &= ((v >> (5 * i)) & 31) == first;
    if (same) return 0;
  }
  return dz_shape_code_alike(a, b);
}

/* Look-alike pairs from glyph images, both directions, as (a << 32 | b) code-point keys sorted
** so that each character's partners are one run. */
static uint64_t *glyph_pairs(const char *path, size_t *n) {
  *n = 0;
  FILE *f = path ? fopen(path, "r") : NULL;
  if (!path) return NULL;
  if (!f) die("cannot open glyph pairs", path);
  uint64_t *v = NULL;
  size_t cap = 0;
  char line[256];
  while (fgets(line, sizeof line, f)) {
    char *a = strtok(line, "\t\r\n"), *b = strtok(NULL, "\t\r\n"), *kind = strtok(NULL, "\t\r\n");
    if (!a || !b) continue;
    uint64_t weak = kind && !strcmp(kind, "k") ? DZ_LOOK_WEAK : kind && !strcmp(kind, "p") ? DZ_LOOK_PART : 0;
    size_t i = 0, j = 0, na = strlen(a), nb = strlen(b);
    uint32_t x = dz_utf8_next(a, na, &i), y = dz_utf8_next(b, nb, &j);
    if (i != na || j != nb || x < CP_FIRST || x > CP_LAST || y < CP_FIRST || y > CP_LAST || x == y)
      die("bad glyph pair line", path);
    if (*n + 2 > cap) v = xrealloc(v, (cap = cap ? cap * 2 : 4096) * sizeof *v);
    v[(*n)++] = (uint64_t)x << 32 | y | weak;
    v[(*n)++] = (uint64_t)y << 32 | x | weak;
  }
  fclose(f);
  qsort(v, *n, sizeof *v, cmp_u64);
  return v;
}

/* Is syllable id among the character's readings (ICU's or the kept others)? */
static int reads_as(const uint16_t *rd, const uint16_t *alt, uint32_t cp, uint16_t id) {
  if (cp < CP_FIRST || cp > CP_LAST || !id) return 0;
  if (rd[cp - CP_FIRST] == id) return 1;
  for (int j = 0; j < DZ_DICT_ALT; j++)
    if (alt[(size_t)(cp - CP_FIRST) * DZ_DICT_ALT + j] == id) return 1;
  return 0;
}

/* Fuzzy class of a character (0 when it has no reading). */
static uint32_t fuzzy_of(const uint16_t *rd, uint32_t cp) {
  if (cp < CP_FIRST || cp > CP_LAST) return 0;
  uint16_t id = rd[cp - CP_FIRST];
  return id ? syl_fuzzy[id] : 0;
}

/* The fuzzy classes of a word read by ICU, character by character (own = 0), or as libime's
** pinyin dictionary reads the word (own = 1; only when each syllable is a kept reading of its
** character, which the reader checks). 0 when there is no such reading. */
static int word_classes(const word *w, const uint32_t *cps, int n, const uint16_t *rd,
                        const uint16_t *alt, uint32_t *cls, int own) {
  if (own && !w->pron[0]) return 0;
  for (int j = 0; own && j < n; j++)
    if (!reads_as(rd, alt, cps[j], w->pron[j])) return 0;
  for (int j = 0; j < n; j++) {
    cls[j] = own ? syl_fuzzy[w->pron[j]] : fuzzy_of(rd, cps[j]);
    if (!cls[j]) return 0;
  }
  return 1;
}

/* The sound-alike keys of a word: ICU's reading, and its own reading when that differs (目的
** mu de and mu di, 因地制宜 yin de zhi yi and yin di zhi yi). Returns how many (0..2). */
static int word_keys(const word *w, const uint16_t *rd, const uint16_t *alt, uint32_t key[2]) {
  uint32_t cps[DZ_DICT_VAR_MAX + 1], cls[DZ_DICT_VAR_MAX];
  int n = word_cps(w->s, w->len, cps, DZ_DICT_VAR_MAX + 1), k = 0;
  if (n < 2 || n > DZ_DICT_VAR_MAX) return 0;
  if (word_classes(w, cps, n, rd, alt, cls, 0)) key[k++] = dz_dict_var_key(cls, n);
  if (word_classes(w, cps, n, rd, alt, cls, 1) && (!k || dz_dict_var_key(cls, n) != key[0]))
    key[k++] = dz_dict_var_key(cls, n);
  return k;
}

typedef struct buf {
  unsigned char *p;
  size_t n, cap;
} buf;

/* Append bytes to the output image; returns their offset. */
static size_t put(buf *b, const void *data, size_t n) {
  while (b->n + n + 4 > b->cap) {
    b->cap = b->cap ? b->cap * 2 : 1 << 20;
    b->p = xrealloc(b->p, b->cap);
  }
  size_t at = b->n;
  memcpy(b->p + at, data, n);
  b->n += n;
  return at;
}

/* Pad the image so that the next section is 4-byte aligned. */
static void align4(buf *b) {
  static const char z[4] = {0};
  if (b->n % 4) put(b, z, 4 - b->n % 4);
}

/* Table capacities are powers of two (masking instead of modulo). */
static uint32_t next_pow2(uint64_t n) {
  uint32_t c = 1;
  while (c < n) c <<= 1;
  return c;
}

/* Read the sources, then lay out the sections in the order of dictfmt.h. */
int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: dictgen OUT.bin JIEBA_DICT GONGWEN_TSV [CANGJIE_DUMP [WUBI_DUMP "
                    "[PINYIN_DUMP [GLYPH_PAIRS]]]]\n");
    return 2;
  }
  map_cap = 1 << 21;
  map_head = calloc(map_cap, sizeof *map_head);
  if (!map_head) die("out of memory", NULL);
  read_jieba(argv[2]);
  read_gongwen(argv[3]);
  read_extra(argc > 6 ? argv[6] : NULL);

  /* Prefixes (jieba's lfreq entries with frequency 0). */
  size_t real = n_words;
  uint64_t total = 0;
  for (size_t i = 0; i < real; i++) total += words[i].freq;
  for (size_t i = 0; i < real; i++) {
    size_t k = 0;
    const char *s = words[i].s;
    uint32_t len = words[i].len;
    while (k < len) {
      dz_utf8_next(s, len, &k);
      if (k < len) add_word(s, (uint32_t)k, 0, 0);
    }
  }

  buf out = {0};
  dz_dict_header h;
  memset(&h, 0, sizeof h);
  put(&out, &h, sizeof h);

  /* Pool. */
  h.pool_off = (uint32_t)out.n;
  uint32_t maxb = 0;
  for (size_t i = 0; i < n_words; i++) {
    uint32_t fq = (words[i].flags & DZ_DW_WORD) ? (words[i].freq ? words[i].freq : 1) : 0;
    unsigned char hdr[6] = {(unsigned char)fq, (unsigned char)(fq >> 8), (unsigned char)(fq >> 16),
                            (unsigned char)(fq >> 24), (unsigned char)words[i].len,
                            (unsigned char)words[i].flags};
    words[i].off = (uint32_t)put(&out, hdr, 6);
    put(&out, words[i].s, words[i].len);
    if (words[i].len > maxb) maxb = words[i].len;
  }
  h.pool_size = (uint32_t)out.n - h.pool_off;
  align4(&out);

  /* Word hash table, load factor <= 2/3. */
  h.words_cap = next_pow2((uint64_t)n_words * 3 / 2);
  dz_dict_entry *tab = calloc(h.words_cap, sizeof *tab);
  if (!tab) die("out of memory", NULL);
  for (size_t i = 0; i < n_words; i++) {
    uint64_t h64 = dz_dict_hash64(words[i].s, words[i].len);
    uint32_t hv = (uint32_t)h64 | 1u, m = h.words_cap - 1;
    uint32_t slot = hv & m;
    while (tab[slot].hash) slot = (slot + 1) & m;
    tab[slot].hash = hv, tab[slot].off = words[i].off, tab[slot].check = (uint32_t)(h64 >> 32);
    tab[slot].freq = (words[i].flags & DZ_DW_WORD) ? (words[i].freq ? words[i].freq : 1) : 0;
  }
  h.words_off = (uint32_t)put(&out, tab, (size_t)h.words_cap * sizeof *tab);
  free(tab);

  /* Per-character readings and shapes. */
  uint16_t *rd = calloc(CP_COUNT, sizeof *rd);
  uint32_t *sh = calloc(CP_COUNT, sizeof *sh);
  if (!rd || !sh) die("out of memory", NULL);
  readings(rd);
  uint16_t *alt = calloc((size_t)CP_COUNT * DZ_DICT_ALT, sizeof *alt);
  if (!alt) die("out of memory", NULL);
  libime_readings(argc > 6 ? argv[6] : NULL, rd, alt);
  fuzzy_classes(); /* libime may have added syllables */
  shapes(argc > 4 ? argv[4] : NULL, sh, 0);
  uint32_t *wb = calloc(CP_COUNT, sizeof *wb);
  if (!wb) die("out of memory", NULL);
  shapes(argc > 5 ? argv[5] : NULL, wb, 1);
  h.cp_first = CP_FIRST, h.cp_count = CP_COUNT;
  h.readings_off = (uint32_t)put(&out, rd, CP_COUNT * sizeof *rd);
  align4(&out);
  h.alt_off = (uint32_t)put(&out, alt, (size_t)CP_COUNT * DZ_DICT_ALT * sizeof *alt);
  align4(&out);
  h.shapes_off = (uint32_t)put(&out, sh, CP_COUNT * sizeof *sh);
  /* Look-alike lists (O(n^2) over the few thousand characters with a Cangjie code). */
  uint32_t *lstart = calloc(CP_COUNT + 1, sizeof *lstart), *litems = NULL;
  size_t nl = 0, capl = 0;
  if (!lstart) die("out of memory", NULL);
  uint32_t *coded = calloc(CP_COUNT, sizeof *coded), n_coded = 0;
  if (!coded) die("out of memory", NULL);
  for (uint32_t a = 0; a < CP_COUNT; a++)
    if (sh[a] || wb[a]) coded[n_coded++] = a;
  size_t n_gp = 0, gi = 0;
  uint64_t *gp = glyph_pairs(argc > 7 ? argv[7] : NULL, &n_gp);
  for (uint32_t a = 0; a < CP_COUNT; a++) {
    lstart[a] = (uint32_t)nl;
    for (uint32_t bi = 0; (sh[a] || wb[a]) && bi < n_coded; bi++) {
      uint32_t b = coded[bi];
      if (b == a) continue;
      if (!dz_shape_code_alike(sh[a], sh[b]) && !wubi_alike(wb[a], wb[b])) continue;
      if (nl == capl) litems = xrealloc(litems, (capl = capl ? capl * 2 : 4096) * sizeof *litems);
      litems[nl++] = b + CP_FIRST;
    }
    /* Glyph look-alikes join the code-based ones; the list stays sorted and unique. */
    size_t from = lstart[a];
    for (; gi < n_gp && (gp[gi] >> 32) < a + CP_FIRST; gi++) {}
    for (; gi < n_gp && (gp[gi] >> 32) == a + CP_FIRST; gi++) {
      if (nl == capl) litems = xrealloc(litems, (capl = capl ? capl * 2 : 4096) * sizeof *litems);
      litems[nl++] = (uint32_t)gp[gi];
    }
    if (nl > from) qsort(litems + from, nl - from, sizeof *litems, cmp_look);
    size_t m = from;
    for (size_t k = from; k < nl; k++)
      if (m == from || DZ_LOOK_CP(litems[m - 1]) != DZ_LOOK_CP(litems[k])) litems[m++] = litems[k];
    nl = m;
  }
  free(gp);
  lstart[CP_COUNT] = (uint32_t)nl;
  h.look_start_off = (uint32_t)put(&out, lstart, (CP_COUNT + 1) * sizeof *lstart);
  h.look_items_off = (uint32_t)put(&out, litems ? litems : lstart, nl * sizeof *litems);
  h.look_n_items = (uint32_t)nl;
  free(lstart);
  free(litems);
  free(coded);
  free(wb);
  /* Homophone characters of each syllable: common one-character words, most frequent first. */
  uint32_t *sc_start = calloc(n_syl + 1, sizeof *sc_start), *sc_items = NULL;
  size_t n_sc = 0;
  if (!sc_start) die("out of memory", NULL);
  uint64_t *byfreq = calloc(CP_COUNT, sizeof *byfreq); /* (syllable << 48 | ~freq << 16 | k) */
  size_t nb = 0;
  if (!byfreq) die("out of memory", NULL);
  for (uint32_t k = 0; k < CP_COUNT; k++) {
    char ch[4];
    int cl = dz_utf8_put(ch, k + CP_FIRST);
    uint32_t i = rd[k] ? find_word(ch, (uint32_t)cl) : 0;
    if (!i || !(words[i - 1].flags & DZ_DW_WORD) || words[i - 1].freq < DZ_DICT_SYLC_MIN) continue;
    uint32_t f = words[i - 1].freq > 0xFFFFFFu ? 0xFFFFFFu : words[i - 1].freq;
    byfreq[nb++] = (uint64_t)rd[k] << 48 | (uint64_t)(0xFFFFFFu - f) << 16 | k;
  }
  qsort(byfreq, nb, sizeof *byfreq, cmp_u64);
  sc_items = calloc(nb ? nb : 1, sizeof *sc_items);
  if (!sc_items) die("out of memory", NULL);
  for (uint32_t sy = 0, b = 0; sy < n_syl; sy++) {
    sc_start[sy] = (uint32_t)n_sc;
    for (; b < nb && (byfreq[b] >> 48) == sy; b++) sc_items[n_sc++] = (uint32_t)(byfreq[b] & 0xFFFF) + CP_FIRST;
  }
  sc_start[n_syl] = (uint32_t)n_sc;
  h.sylc_start_off = (uint32_t)put(&out, sc_start, (n_syl + 1) * sizeof *sc_start);
  h.sylc_items_off = (uint32_t)put(&out, sc_items, (n_sc ? n_sc : 1) * sizeof *sc_items);
  h.sylc_n_items = (uint32_t)n_sc;
  free(sc_start), free(sc_items), free(byfreq);
  h.syl_count = n_syl;
  h.syl_off = (uint32_t)put(&out, syl, (size_t)n_syl * 8);
  h.syl_fuzzy_off = (uint32_t)put(&out, syl_fuzzy, (size_t)n_syl * sizeof *syl_fuzzy);
  align4(&out);

  /* Pair filter: 8 Mbit, two probes; about 1.5M pairs gives a false-positive rate near 10%. */
  h.pair_bits = 1u << 23;
  uint8_t *pairs = calloc(h.pair_bits / 8, 1);
  if (!pairs) die("out of memory", NULL);
  for (size_t i = 0; i < real; i++) {
    uint32_t cps[DZ_DICT_VAR_MAX + 1], p1, p2;
    int n = word_cps(words[i].s, words[i].len, cps, DZ_DICT_VAR_MAX + 1);
    if (n < 2 || n > DZ_DICT_VAR_MAX) continue;
    for (int j = 0; j + 1 < n; j++) {
      dz_dict_pair_probes(cps[j], cps[j + 1], h.pair_bits - 1, &p1, &p2);
      pairs[p1 >> 3] |= (uint8_t)(1u << (p1 & 7));
      pairs[p2 >> 3] |= (uint8_t)(1u << (p2 & 7));
    }
  }
  h.pair_off = (uint32_t)put(&out, pairs, h.pair_bits / 8);
  free(pairs);

  /* Sound-alike index over real Han words of 2..DZ_DICT_VAR_MAX characters, keyed by their
  ** sequence of fuzzy pinyin classes: one slot per distinct key (open addressing, load factor
  ** <= 1/2) pointing at its words in the items (in word order, code points inline). One slot per word made every key's words one probe run, and common keys (shi
  ** shi: 实施 事实 时事 逝世 ...) merged into runs that every lookup nearby had to walk. */
  size_t n_pairs = 0;
  uint32_t keys[2];
  for (size_t i = 0; i < real; i++) n_pairs += (size_t)word_keys(&words[i], rd, alt, keys);
  uint64_t *kv = calloc(n_pairs ? n_pairs : 1, sizeof *kv); /* key << 32 | word index */
  if (!kv) die("out of memory", NULL);
  size_t np = 0;
  for (size_t i = 0; i < real; i++) {
    int nk = word_keys(&words[i], rd, alt, keys);
    for (int k = 0; k < nk; k++) kv[np++] = (uint64_t)keys[k] << 32 | (uint32_t)i;
  }
  qsort(kv, np, sizeof *kv, cmp_u64); /* by key, then word order */
  size_t n_keys = 0;
  for (size_t i = 0; i < np; i++) n_keys += !i || (kv[i] >> 32) != (kv[i - 1] >> 32);
  h.var_nb = next_pow2((uint64_t)n_keys * 2);
  dz_dict_var_slot *vt = calloc(h.var_nb, sizeof *vt);
  dz_dict_var_item *items = calloc(np ? np : 1, sizeof *items);
  if (!vt || !items) die("out of memory", NULL);
  for (size_t i = 0; i < np;) {
    uint32_t key = (uint32_t)(kv[i] >> 32), slot = key & (h.var_nb - 1);
    size_t e = i;
    while (e < np && (uint32_t)(kv[e] >> 32) == key) e++;
    while (vt[slot].key) slot = (slot + 1) & (h.var_nb - 1);
    vt[slot] = (dz_dict_var_slot){key, (uint32_t)i, (uint32_t)(e - i)};
    for (; i < e; i++) {
      const word *w = &words[(uint32_t)kv[i]];
      uint32_t cps[DZ_DICT_VAR_MAX + 1];
      int n = word_cps(w->s, w->len, cps, DZ_DICT_VAR_MAX + 1);
      items[i].off = w->off;
      for (int k = 0; k < n && k < DZ_DICT_VAR_MAX; k++) items[i].cp[k] = cps[k];
    }
  }
  h.var_n_items = (uint32_t)np;
  h.var_start_off = (uint32_t)put(&out, vt, (size_t)h.var_nb * sizeof *vt);
  h.var_items_off = (uint32_t)put(&out, items, (np ? np : 1) * sizeof *items);
  free(vt), free(items), free(kv);

  memcpy(h.magic, DZ_DICT_MAGIC, 8);
  h.n_words = (uint32_t)real;
  h.total_freq = total;
  h.max_word_bytes = maxb;
  h.file_size = (uint32_t)out.n;
  memcpy(out.p, &h, sizeof h);

  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
  FILE *f = fopen(tmp, "wb");
  if (!f || fwrite(out.p, 1, out.n, f) != out.n || fclose(f)) die("cannot write", tmp);
  if (rename(tmp, argv[1])) die("cannot rename", argv[1]);
  free(out.p);
  free(rd);
  free(alt);
  free(sh);
  for (size_t i = 0; i < n_words; i++) free(words[i].s);
  free(words);
  free(map_next);
  free(map_head);
  fprintf(stderr, "dictgen: %zu words, %zu entries, %u syllables, %zu bytes\n", real, n_words,
          n_syl - 1, out.n);
  return 0;
}
