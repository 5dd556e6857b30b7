/*
** Telling Big5 from GBK/GB18030. Most double-byte Big5 text is also valid GB18030 at the byte
** level (Big5 trail bytes 40-7E and A1-FE are GBK trail bytes), so a Big5 file read as GB18030
** decodes "successfully" into garbage; the reverse happens less often (GB text usually holds
** lead bytes C7/C8, which CP950 leaves unassigned) but can for short texts.
**
** When both readings decode, the one that reads more like Chinese wins. The signal is character
** frequency as the two national standards define it: the level-1 sets of GB 2312 (the 3,755
** most used simplified characters, B0A1-D7F9) and of Big5 (the 5,401 most used traditional
** characters, A440-C67E). A right reading is almost all level-1 characters and ordinary
** punctuation; a wrong one turns frequent characters into rare ones, kana, bopomofo, box drawing
** and private-use code points. The sets are built from the encodings themselves with iconv, so
** no list is copied into the project; once per process (pthread_once), since the two iconv
** passes cost about 0.9 M instructions, several times the rest of reading a short file, and
** `corpus add` or `batch` may read thousands of GBK files. The table never changes after that.
** (The spelling dictionary has frequencies too, but it sits
** in a higher layer and is a large file to map for deciding an encoding.)
*/
#include <iconv.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

#define URO_LO 0x4E00u
#define URO_HI 0xA000u
#define SCORE_MAX 65536 /* code points looked at: enough to decide, bounded on huge files */

/* Set the bit of every URO character that `enc` encodes with a lead byte in [lo_lead, hi_lead]
** and a trail byte in [lo1, hi1] or [lo2, hi2], stopping at last (the final cell). */
static int mark(unsigned char *bits, const char *enc, int lo_lead, int hi_lead, int lo1, int hi1, int lo2,
                int hi2, int last) {
  size_t cells = (size_t)(hi_lead - lo_lead + 1) * (size_t)(hi1 - lo1 + 1 + hi2 - lo2 + 1);
  unsigned char *in = malloc(cells * 2);
  uint32_t *out = malloc(cells * 4 + 8);
  iconv_t cd = iconv_open("UTF-32LE", enc);
  int rc = in && out && cd != (iconv_t)-1 ? DZ_OK : DZ_ENOMEM;
  size_t n = 0;
  for (int l = lo_lead; !rc && l <= hi_lead; l++)
    for (int t = lo1; t <= hi2; t++) {
      if (t > hi1 && t < lo2) continue;
      if (((l << 8) | t) > last) break;
      in[n++] = (unsigned char)l, in[n++] = (unsigned char)t;
    }
  if (!rc) {
    char *ip = (char *)in, *op = (char *)out;
    size_t il = n, ol = cells * 4 + 8;
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) rc = DZ_EINVALID;
    size_t m = (size_t)(op - (char *)out) / 4;
    for (size_t i = 0; i < m; i++)
      if (out[i] >= URO_LO && out[i] < URO_HI) bits[(out[i] - URO_LO) >> 3] |= (unsigned char)(1u << ((out[i] - URO_LO) & 7));
  }
  if (cd != (iconv_t)-1) iconv_close(cd);
  free(in);
  free(out);
  return rc;
}

/* Punctuation and symbols that ordinary Chinese text uses (scored neutral). */
static int plain_symbol(uint32_t c) {
  return (c >= 0x3000 && c <= 0x3017) || (c >= 0x2010 && c <= 0x2027) || (c >= 0xFF01 && c <= 0xFF5E) ||
         c == 0x00B7 || c == 0x00D7 || c == 0x00B0 || (c >= 0x2160 && c <= 0x217F) || (c >= 0x2460 && c <= 0x249B) ||
         (c >= 0x2190 && c <= 0x21FF) || (c >= 0x25A0 && c <= 0x25FF) || c == 0x2030 || c == 0x2103 ||
         c == 0xFEFF;
}

/* +1 per frequent character, -1 per other ideograph, -2 per code point that Chinese prose does
** not use (kana, bopomofo, box drawing, Greek, Cyrillic, private use, vertical forms ...). */
static long score(const uint32_t *u, size_t n, const unsigned char *common) {
  long s = 0;
  if (n > SCORE_MAX) n = SCORE_MAX;
  for (size_t i = 0; i < n; i++) {
    uint32_t c = u[i];
    if (c < 0x80 || plain_symbol(c)) continue;
    if (c >= URO_LO && c < URO_HI) s += (common[(c - URO_LO) >> 3] >> ((c - URO_LO) & 7)) & 1 ? 1 : -1;
    else if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000) s -= 1;
    else s -= 2;
  }
  return s;
}

static unsigned char common_chars[(URO_HI - URO_LO) / 8];
static int common_rc = DZ_ENOMEM;
static pthread_once_t common_once = PTHREAD_ONCE_INIT;

/* Mark the level-1 characters of both standards (once). */
static void build_common(void) {
  common_rc = mark(common_chars, "GB2312", 0xB0, 0xD7, 0xA1, 0xFE, 0xFF, 0xFE, 0xD7F9);
  if (!common_rc) common_rc = mark(common_chars, "CP950", 0xA4, 0xC6, 0x40, 0x7E, 0xA1, 0xFE, 0xC67E);
}

int dz__prefer_big5(const uint32_t *gb, size_t ngb, const uint32_t *b5, size_t nb5) {
  if (pthread_once(&common_once, build_common) || common_rc) return 0;
  long sb = score(b5, nb5, common_chars), sg = gb ? score(gb, ngb, common_chars) : 0;
  return sb > 0 && (!gb || sb > sg);
}
