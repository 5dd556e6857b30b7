/*
** Build-time look-alike table from glyph images (docs/spell.md, "Look-alikes from glyphs").
** Cangjie and Wubi codes miss look-alikes whose codes are short or spelled by other parts
** (大/太, 厂/广, 木/术, 贝/员). This tool renders the common characters with FreeType from a CJK
** font, at their place in the em square, as 64x64 ink bitmaps, and pairs two characters when
**   - alike: each one's ink lies mostly on or next to the other's (both coverages >= --alike),
**     as 大/太, 己/已, 未/末; or
**   - contained: the smaller one's ink lies almost wholly on the larger one's (coverage >=
**     --contain) and makes up most of it (ink ratio >= --ratio), as 人 in 大, 心 in 必.
** "On or next to" is measured against the other glyph dilated by one pixel (a cheap chamfer
** test). Related glyphs often hold a shared part a few pixels apart (厂 in 广), so the smaller
** glyph is also tried moved by up to --shift pixels onto a few alignments with the larger one
** (centroids, ink-box corners, longest strokes). With --codes, two more kinds come from the
** code tables with the glyphs confirming: codes two edits apart whose glyphs are alike at
** --confirm (kind k, weaker look-alikes), and a character and its component (kind p: 列 in 例,
** 军 in 挥), proposed by Wubi (shape.h, dz_shape_wubi_contains: one's code spells the other's
** after a radical) and kept when the smaller glyph, squeezed into the right or the bottom part
** of the larger one's ink box, matches it there at --part (default 0.80). Each character keeps at most --max of its
** closest partners (by coverage), and a pair is written only when each is among the other's
** kept partners, so that no character gains a long list.
**
**   glyphsim OUT.txt FONT JIEBA_DICT [--face TAG] [--chars N] [--alike X] [--contain X]
**            [--ratio X] [--max K] [--shift N] [--codes CANGJIE WUBI [--confirm X]
**            [--maxweak K] [--part X]]
**   glyphsim --show FONT JIEBA_DICT [options] 字字 ...   (measures of given pairs, to tune)
**
** The common characters are the N Han characters with the largest summed jieba frequency of
** the words that hold them (dict.txt). OUT.txt lines are "A<TAB>B<TAB>kind<TAB>score"
** (kind a = alike, c = contained, k = weaker, p = component), each unordered pair once; tools/dictgen.c merges them into
** the look-alike lists of dict.bin in both directions. About 30 million pairs are compared;
** with the popcount instruction this takes some 10 s on one core.
*/
#include <ft2build.h>
#include FT_FREETYPE_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon/shape.h"
#include "text/utf8.h"

#define G 64           /* bitmap side in pixels */
#define EM 60          /* em square in pixels, centred in the bitmap */
#define CP_FIRST 0x3400u
#define CP_LAST 0x9FFFu

typedef struct glyph {
  uint32_t cp;
  int ink;
  uint64_t row[G];  /* ink, one bit a pixel */
  uint64_t dil[G];  /* ink dilated by one pixel (3x3) */
  int x0, y0, x1, y1, cx, cy; /* ink bounding box and centroid */
  int hy, vx;                 /* the row and the column with the most ink (longest strokes) */
} glyph;

typedef struct opts {
  const char *face_tag;
  int n_chars, max_per_char, shift;
  double alike, contain, ratio;
  const char *cangjie, *wubi; /* code tables: pairs two edits apart that glyphs confirm */
  double confirm;
  int max_weak;
  double part; /* a Wubi component pair is kept when the glyph of the part fits the whole */
} opts;

/* The build stops on bad input rather than ship a silently empty table. */
static void die(const char *msg, const char *arg) {
  fprintf(stderr, "glyphsim: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
  exit(1);
}

/* Ink pixels of a row (one instruction where cmake found -mpopcnt). */
static int popc(uint64_t x) { return __builtin_popcountll(x); }

/* The N most used Han characters: summed frequency of the jieba words holding each. */
static uint32_t *common_chars(const char *jieba, int n, int *got) {
  uint64_t *mass = calloc(CP_LAST - CP_FIRST + 1, sizeof *mass);
  if (!mass) die("out of memory", NULL);
  FILE *f = fopen(jieba, "r");
  if (!f) die("cannot open jieba dictionary", jieba);
  char line[1024];
  while (fgets(line, sizeof line, f)) {
    char *w = strtok(line, " \t\r\n"), *fr = strtok(NULL, " \t\r\n");
    if (!w || !fr) continue;
    unsigned long fq = strtoul(fr, NULL, 10);
    size_t len = strlen(w), i = 0;
    while (i < len) {
      uint32_t c = dz_utf8_next(w, len, &i);
      if (c >= CP_FIRST && c <= CP_LAST) mass[c - CP_FIRST] += fq;
    }
  }
  fclose(f);
  /* The n heaviest: the largest mass threshold that at least n characters reach, found by
  ** bisection (ties at the threshold may add a few). */
  uint64_t lo = 0, hi = 1;
  for (uint32_t k = 0; k <= CP_LAST - CP_FIRST; k++)
    if (mass[k] >= hi) hi = mass[k] + 1;
  while (lo + 1 < hi) { /* largest threshold t with count(mass >= t) >= n */
    uint64_t mid = lo + (hi - lo) / 2;
    int c = 0;
    for (uint32_t k = 0; k <= CP_LAST - CP_FIRST; k++) c += mass[k] >= mid;
    if (c >= n) lo = mid;
    else hi = mid;
  }
  uint32_t *out = malloc((CP_LAST - CP_FIRST + 1) * sizeof *out);
  if (!out) die("out of memory", NULL);
  int m = 0;
  for (uint32_t k = 0; k <= CP_LAST - CP_FIRST; k++)
    if (mass[k] >= (lo ? lo : 1) && mass[k] > 0) out[m++] = k + CP_FIRST;
  free(mass);
  *got = m;
  return out;
}

/* Open the face of a font collection whose family name holds `tag` (" SC": simplified forms). */
static FT_Face open_face(FT_Library lib, const char *path, const char *tag) {
  FT_Face face;
  if (FT_New_Face(lib, path, 0, &face)) die("cannot open font", path);
  long n = face->num_faces;
  for (long i = 0; i < n; i++) {
    if (i && FT_New_Face(lib, path, i, &face)) continue;
    if (!tag || !*tag || (face->family_name && strstr(face->family_name, tag))) return face;
    FT_Done_Face(face);
  }
  die("no face of the font has this name", tag);
  return NULL;
}

static void dilate(glyph *g);

/* Render cp at its place in the em square; 0 when the font lacks it. */
static int render(FT_Face face, uint32_t cp, glyph *g) {
  memset(g, 0, sizeof *g);
  g->cp = cp;
  FT_UInt gi = FT_Get_Char_Index(face, cp);
  if (!gi || FT_Load_Glyph(face, gi, FT_LOAD_RENDER | FT_LOAD_NO_HINTING)) return 0;
  FT_Bitmap *bm = &face->glyph->bitmap;
  /* Ideographic em box: baseline at 0.88 em below its top (the CJK fonts' -120/880 box). */
  int x0 = (G - EM) / 2 + face->glyph->bitmap_left;
  int y0 = (G - EM) / 2 + (int)(EM * 0.88 + 0.5) - face->glyph->bitmap_top;
  for (unsigned r = 0; r < bm->rows; r++)
    for (unsigned c = 0; c < bm->width; c++) {
      int y = y0 + (int)r, x = x0 + (int)c;
      if (y < 0 || y >= G || x < 0 || x >= G) continue;
      if (bm->buffer[(long)r * bm->pitch + c] >= 128) g->row[y] |= 1ull << x;
    }
  dilate(g);
  return g->ink > 0;
}

/* Ink count and the one-pixel (3x3) dilation that tolerates small stroke shifts. */
static void dilate(glyph *g) {
  uint64_t tmp[G];
  g->ink = 0;
  for (int y = 0; y < G; y++) {
    g->ink += popc(g->row[y]);
    tmp[y] = g->row[y] | g->row[y] << 1 | g->row[y] >> 1;
  }
  for (int y = 0; y < G; y++)
    g->dil[y] = tmp[y] | (y ? tmp[y - 1] : 0) | (y + 1 < G ? tmp[y + 1] : 0);
  /* Bounding box and centroid: the alignments tried between two glyphs. */
  long sx = 0, sy = 0;
  g->x0 = g->y0 = G, g->x1 = g->y1 = -1;
  for (int y = 0; y < G; y++)
    for (uint64_t r = g->row[y]; r; r &= r - 1) {
      int x = __builtin_ctzll(r);
      sx += x, sy += y;
      if (x < g->x0) g->x0 = x;
      if (x > g->x1) g->x1 = x;
      if (y < g->y0) g->y0 = y;
      if (y > g->y1) g->y1 = y;
    }
  int col[G] = {0}, best_row = -1;
  g->hy = g->vx = 0;
  for (int y = 0; y < G; y++) {
    int n = popc(g->row[y]);
    if (n > best_row) best_row = n, g->hy = y;
    for (uint64_t r = g->row[y]; r; r &= r - 1) col[__builtin_ctzll(r)]++;
  }
  for (int x = 1; x < G; x++)
    if (col[x] > col[g->vx]) g->vx = x;
  g->cx = g->ink ? (int)((sx + g->ink / 2) / g->ink) : 0;
  g->cy = g->ink ? (int)((sy + g->ink / 2) / g->ink) : 0;
}

/* Share of a's ink that lies on or next to b's ink when a is moved by (dx, dy) pixels; gives
** up (returning a lower bound below `need`) as soon as too much ink is uncovered. */
static double cover_at(const glyph *a, const glyph *b, int dx, int dy, double need) {
  int n = 0, miss = 0, max_miss = (int)((1 - need) * a->ink) + 1;
  for (int y = a->y0; y <= a->y1; y++) {
    int yb = y + dy;
    int k = popc(a->row[y]);
    if (yb < 0 || yb >= G) {
      miss += k;
    } else {
      uint64_t r = dx >= 0 ? a->row[y] << dx : a->row[y] >> -dx;
      int c = popc(r & b->dil[yb]);
      n += c, miss += k - c;
    }
    if (miss > max_miss) return 0;
  }
  return (double)n / a->ink;
}

/* Coverage in place, for --show. */
static double cover(const glyph *a, const glyph *b) { return cover_at(a, b, 0, 0, 0); }

/* Moves are limited to --shift pixels each way. */
static int clampi(int v, int m) { return v < -m ? -m : v > m ? m : v; }

/* The relation of a pair: 'a' alike, 'c' contained, 0 none; *score ranks partners. Related
** glyphs often place a shared part a few pixels apart (厂 in 广, 白 in 自), so besides their
** places in the em square the smaller glyph is also tried aligned with the larger one by
** centroid, by each corner of the ink boxes and by their longest horizontal and vertical
** strokes (moves of at most o->shift pixels). */
static int relate(const glyph *a, const glyph *b, const opts *o, double *score) {
  const glyph *s = a->ink <= b->ink ? a : b, *l = s == a ? b : a;
  double ratio = (double)s->ink / l->ink, lim = o->alike < o->contain ? o->alike : o->contain;
  if (ratio < o->ratio && ratio < lim * 0.9) return 0; /* far too different in ink */
  int mv[][2] = {{0, 0}, {l->cx - s->cx, l->cy - s->cy}, {l->x0 - s->x0, l->y0 - s->y0},
                 {l->x1 - s->x1, l->y0 - s->y0}, {l->x0 - s->x0, l->y1 - s->y1},
                 {l->x1 - s->x1, l->y1 - s->y1}, {l->vx - s->vx, l->hy - s->hy},
                 {0, l->hy - s->hy}, {l->vx - s->vx, 0}};
  int kind = 0;
  double best = 0;
  for (int k = 0; k < (int)(sizeof mv / sizeof *mv); k++) {
    int dx = clampi(mv[k][0], o->shift), dy = clampi(mv[k][1], o->shift), dup = 0;
    for (int j = 0; j < k; j++)
      dup |= clampi(mv[j][0], o->shift) == dx && clampi(mv[j][1], o->shift) == dy;
    if (dup) continue;
    double xs = cover_at(s, l, dx, dy, lim);
    if (xs < lim) continue;
    double xl = cover_at(l, s, -dx, -dy, 0);
    double pen = 0.01 * (abs(dx) + abs(dy)); /* prefer the unshifted reading */
    if (xs >= o->alike && xl >= o->alike && (xs < xl ? xs : xl) - pen > best)
      best = (xs < xl ? xs : xl) - pen, kind = 'a';
    else if (kind != 'a' && xs >= o->contain && ratio >= o->ratio && xl - pen > best)
      best = xl - pen, kind = 'c'; /* how much of the larger the smaller explains */
  }
  *score = best;
  return kind;
}

/* How well does the glyph s, squeezed into the box [bx0, bx1] x [by0, by1] of l (nearest pixel
** of its ink box), match l there? The smaller of two shares: s's squeezed ink on or next to l's
** ink, and l's ink inside the box on or next to the squeezed s. */
static double part_in_box(const glyph *s, const glyph *l, int bx0, int by0, int bx1, int by1) {
  glyph t;
  memset(&t, 0, sizeof t);
  int sw = s->x1 - s->x0 + 1, sh = s->y1 - s->y0 + 1, bw = bx1 - bx0 + 1, bh = by1 - by0 + 1;
  if (bw < 4 || bh < 4) return 0;
  for (int y = by0; y <= by1; y++)
    for (int x = bx0; x <= bx1; x++) {
      int sx = s->x0 + (x - bx0) * sw / bw, sy = s->y0 + (y - by0) * sh / bh;
      if (s->row[sy] >> sx & 1) t.row[y] |= 1ull << x;
    }
  dilate(&t);
  if (!t.ink) return 0;
  double cs = cover_at(&t, l, 0, 0, 0);
  uint64_t mask = (bx1 >= 63 ? ~0ull : (1ull << (bx1 + 1)) - 1) & ~((1ull << bx0) - 1);
  int n = 0, in = 0;
  for (int y = by0; y <= by1; y++) {
    in += popc(l->row[y] & mask);
    n += popc(l->row[y] & mask & t.dil[y]);
  }
  double cl = in ? (double)n / in : 0;
  return cs < cl ? cs : cl;
}

/* Is s a component of l, on its right or at its bottom (the part that Wubi spells after a
** leading radical: 列 in 例, 军 in 挥, 谷 in 俗)? The best match of s squeezed into the right or
** the bottom part of l's ink box, the part starting at 25% to 55% of its width or height. */
static double part_of(const glyph *s, const glyph *l) {
  double best = 0;
  int w = l->x1 - l->x0, h = l->y1 - l->y0;
  for (int f = 25; f <= 55; f += 5) {
    double r = part_in_box(s, l, l->x0 + w * f / 100, l->y0, l->x1, l->y1);
    double b = part_in_box(s, l, l->x0, l->y0 + h * f / 100, l->x1, l->y1);
    if (r > best) best = r;
    if (b > best) best = b;
  }
  return best;
}

/* Packed shape codes (shape.h) of the common characters from a `libime_tabledict -d` dump
** ("code char" lines after "[Data]"): the shortest code (Cangjie) or the longest (Wubi) of
** each, 0 when none. */
static void read_codes(const char *path, const glyph *gl, int ng, uint32_t *code, int longest) {
  memset(code, 0, (size_t)ng * sizeof *code);
  FILE *f = fopen(path, "r");
  if (!f) die("cannot open code table", path);
  int *idx = malloc((CP_LAST - CP_FIRST + 1) * sizeof *idx);
  if (!idx) die("out of memory", NULL);
  for (uint32_t k = 0; k <= CP_LAST - CP_FIRST; k++) idx[k] = -1;
  for (int i = 0; i < ng; i++) idx[gl[i].cp - CP_FIRST] = i;
  char line[256];
  int data = 0;
  while (fgets(line, sizeof line, f)) {
    if (!data) {
      data = !strncmp(line, "[Data]", 6);
      continue;
    }
    char *c = strtok(line, " \t\r\n"), *ch = strtok(NULL, " \t\r\n");
    uint32_t v = c ? dz_shape_pack(c) : 0;
    if (!v || !ch) continue;
    size_t i = 0, n = strlen(ch);
    uint32_t cp = dz_utf8_next(ch, n, &i);
    if (i != n || cp < CP_FIRST || cp > CP_LAST || idx[cp - CP_FIRST] < 0) continue;
    uint32_t *slot = &code[idx[cp - CP_FIRST]];
    if (!*slot || (longest ? (*slot >> 29) < (v >> 29) : (*slot >> 29) > (v >> 29))) *slot = v;
  }
  fclose(f);
  free(idx);
}

/* Codes exactly two edits apart (one of them of three letters or more: shape.h reports
** shorter codes one edit apart as 2). */
static int codes_two_apart(uint32_t a, uint32_t b) {
  return a && b && ((a >> 29) >= 3 || (b >> 29) >= 3) && dz_shape_code_distance(a, b) == 2;
}

typedef struct pair {
  int a, b;
  double score;
  int kind;
} pair;

/* Higher score first. */
static int by_score(const void *x, const void *y) {
  double a = ((const pair *)x)->score, b = ((const pair *)y)->score;
  return a < b ? 1 : a > b ? -1 : 0;
}

/* Options shared by both modes; returns the index of the first non-option argument. */
static int parse_opts(int argc, char **argv, int i, opts *o) {
  for (; i < argc; i++) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "--face") && v) o->face_tag = v, i++;
    else if (!strcmp(a, "--chars") && v) o->n_chars = atoi(v), i++;
    else if (!strcmp(a, "--alike") && v) o->alike = atof(v), i++;
    else if (!strcmp(a, "--contain") && v) o->contain = atof(v), i++;
    else if (!strcmp(a, "--ratio") && v) o->ratio = atof(v), i++;
    else if (!strcmp(a, "--max") && v) o->max_per_char = atoi(v), i++;
    else if (!strcmp(a, "--shift") && v) o->shift = atoi(v), i++;
    else if (!strcmp(a, "--codes") && v && i + 2 < argc) o->cangjie = v, o->wubi = argv[i + 2], i += 2;
    else if (!strcmp(a, "--confirm") && v) o->confirm = atof(v), i++;
    else if (!strcmp(a, "--maxweak") && v) o->max_weak = atoi(v), i++;
    else if (!strcmp(a, "--part") && v) o->part = atof(v), i++;
    else break;
  }
  return i;
}

/* Write the look-alike pairs, or with --show print the measures of the given pairs. */
int main(int argc, char **argv) {
  opts o = {" SC", 8000, 6, 3, 0.82, 0.93, 0.60, NULL, NULL, 0.70, 0, 0.80};
  if (argc < 4) {
    fprintf(stderr, "usage: glyphsim OUT.txt|--show FONT JIEBA_DICT [options] [pairs]\n");
    return 2;
  }
  int show = !strcmp(argv[1], "--show");
  int rest = parse_opts(argc, argv, 4, &o);
  FT_Library lib;
  if (FT_Init_FreeType(&lib)) die("FreeType unavailable", NULL);
  FT_Face face = open_face(lib, argv[2], o.face_tag);
  if (FT_Set_Pixel_Sizes(face, 0, EM)) die("cannot size font", argv[2]);

  if (show) {
    for (int i = rest; i < argc; i++) {
      size_t n = strlen(argv[i]), k = 0;
      glyph x, y;
      uint32_t a = dz_utf8_next(argv[i], n, &k), b = dz_utf8_next(argv[i], n, &k);
      if (!render(face, a, &x) || !render(face, b, &y)) {
        printf("%s: not in the font\n", argv[i]);
        continue;
      }
      double sc = 0;
      int kind = relate(&x, &y, &o, &sc);
      printf("%s ink %d/%d cover %.3f/%.3f part %.3f/%.3f -> %c %.3f\n", argv[i], x.ink, y.ink,
             cover(&x, &y), cover(&y, &x), part_of(&x, &y), part_of(&y, &x), kind ? kind : '-', sc);
    }
    FT_Done_Face(face);
    FT_Done_FreeType(lib);
    return 0;
  }

  int nc = 0;
  uint32_t *cps = common_chars(argv[3], o.n_chars, &nc);
  glyph *gl = malloc((size_t)nc * sizeof *gl);
  if (!gl) die("out of memory", NULL);
  int ng = 0;
  for (int i = 0; i < nc; i++)
    if (render(face, cps[i], &gl[ng])) ng++;
  free(cps);

  /* With code tables, pairs whose Cangjie or Wubi codes are two edits apart (列 mnln / 例 omnn)
  ** are kept as weaker look-alikes (kind k) when their glyphs are alike at --confirm. */
  uint32_t *cj = NULL, *wb = NULL;
  opts weak = o;
  weak.alike = o.confirm, weak.contain = 2; /* alike only */
  if (o.cangjie) {
    cj = malloc((size_t)ng * sizeof *cj), wb = malloc((size_t)ng * sizeof *wb);
    if (!cj || !wb) die("out of memory", NULL);
    read_codes(o.cangjie, gl, ng, cj, 0);
    read_codes(o.wubi, gl, ng, wb, 1);
  }
  /* Every pair once: a few tens of millions of 32-row bit tests. */
  pair *pv = NULL;
  size_t np = 0, cap = 0;
  for (int i = 0; i < ng; i++)
    for (int j = i + 1; j < ng; j++) {
      double sc;
      int kind = relate(&gl[i], &gl[j], &o, &sc);
      /* Cangjie codes of six letters or more together: shorter ones two edits apart differ
      ** by most of the glyph. */
      if (!kind && cj && (cj[i] >> 29) + (cj[j] >> 29) >= 6 &&
          (codes_two_apart(cj[i], cj[j]) || codes_two_apart(wb[i], wb[j])) &&
          relate(&gl[i], &gl[j], &weak, &sc))
        kind = 'k';
      /* A character and its component (列 in 例): Wubi proposes, the glyph squeezed into the
      ** right or bottom part of the other confirms. */
      if (!kind && wb) {
        int in_i = dz_shape_wubi_contains(wb[i], wb[j]), in_j = dz_shape_wubi_contains(wb[j], wb[i]);
        double p = in_i ? part_of(&gl[j], &gl[i]) : in_j ? part_of(&gl[i], &gl[j]) : 0;
        if (p >= o.part) kind = 'p', sc = p;
      }
      if (!kind) continue;
      if (np == cap) {
        cap = cap ? cap * 2 : 4096;
        pv = realloc(pv, cap * sizeof *pv);
        if (!pv) die("out of memory", NULL);
      }
      pv[np++] = (pair){i, j, sc, kind};
    }
  /* Keep a pair only when it is among the --max best of both characters. */
  qsort(pv, np, sizeof *pv, by_score);
  int *used = calloc((size_t)ng, sizeof *used), *rank_ok = calloc(np ? np : 1, sizeof *rank_ok);
  if (!used || !rank_ok) die("out of memory", NULL);
  int *seen = calloc((size_t)ng, sizeof *seen), *seen_k = calloc((size_t)ng, sizeof *seen_k);
  if (!seen || !seen_k) die("out of memory", NULL);
  for (size_t k = 0; k < np; k++) {
    int a = pv[k].a, b = pv[k].b;
    /* Confirmed code pairs have a cap of their own (0: none; the codes already chose them). */
    int coded = pv[k].kind == 'k' || pv[k].kind == 'p';
    int *cnt = coded ? seen_k : seen;
    int cap_k = !coded ? o.max_per_char : o.max_weak ? o.max_weak : ng;
    rank_ok[k] = cnt[a] < cap_k && cnt[b] < cap_k;
    cnt[a]++, cnt[b]++;
  }
  FILE *f = fopen(argv[1], "w");
  if (!f) die("cannot write", argv[1]);
  size_t kept = 0;
  for (size_t k = 0; k < np; k++) {
    if (!rank_ok[k]) continue;
    char x[8], y[8];
    x[dz_utf8_put(x, gl[pv[k].a].cp)] = 0;
    y[dz_utf8_put(y, gl[pv[k].b].cp)] = 0;
    fprintf(f, "%s\t%s\t%c\t%.3f\n", x, y, pv[k].kind, pv[k].score);
    kept++;
  }
  if (fclose(f)) die("cannot write", argv[1]);
  fprintf(stderr, "glyphsim: %d characters, %zu related pairs, %zu kept\n", ng, np, kept);
  free(used), free(rank_ok), free(seen), free(pv), free(gl), free(cj), free(wb), free(seen_k);
  FT_Done_Face(face);
  FT_Done_FreeType(lib);
  return 0;
}
