/*
** Development driver of the spelling check, used by bench/csc until `duizhao check` can run
** the spell rules: reads one sentence a line from a file (or stdin) and prints one JSON object a
** line, {"line":N,"findings":[{"rule","start","end","cstart","cend","original","suggestion",
** "confidence"}]}, offsets in bytes of the line. Options override the model constants:
**   spell_dev [--conf C] [--same X] [--fuzzy X] [--shape X] [--shapeweak X] [--shapepart X]
**             [--gain X] [--dist N]
**             [--iter N] [--iterconf C] [--iterdist N] [--pairs N] [--pairconf C] [--pairmin C] [--word W]... FILE
** The last line on stderr gives the sentence count and the time spent checking.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "duizhao.h"
#include "lexicon/spell_model.h"

/* JSON string body (the texts are valid UTF-8 from the checker). */
static void jstr(const char *s) {
  putchar('"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') printf("\\%c", *s);
    else if ((unsigned char)*s < 0x20) printf("\\u%04x", *s);
    else putchar(*s);
  }
  putchar('"');
}

/* One JSON line per input line; the constants come from the command line. */
int main(int argc, char **argv) {
  dz_speller *sp = NULL;
  dz_error err;
  dz_spell_options so;
  memset(&so, 0, sizeof so);
  for (int i = 1; i + 1 < argc; i++)
    if (!strcmp(argv[i], "--conf")) so.min_confidence = atof(argv[i + 1]);
  if (dz_spell_new(&sp, &so, &err)) {
    fprintf(stderr, "spell_dev: %s\n", err.message);
    return 2;
  }
  dz_spell_params *p = dz_spell__params(sp);
  const char *path = "-";
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "--same") && v) p->cost_same = atof(v), i++;
    else if (!strcmp(a, "--fuzzy") && v) p->cost_fuzzy = atof(v), i++;
    else if (!strcmp(a, "--shape") && v) p->cost_shape = atof(v), i++;
    else if (!strcmp(a, "--shapeweak") && v) p->cost_shape_weak = atof(v), i++;
    else if (!strcmp(a, "--shapepart") && v) p->cost_shape_part = atof(v), i++;
    else if (!strcmp(a, "--wordcost") && v) p->cost_word = atof(v), i++;
    else if (!strcmp(a, "--inword") && v) p->cost_in_word = atof(v), i++;
    else if (!strcmp(a, "--inoov") && v) p->cost_in_oov = atof(v), i++;
    else if (!strcmp(a, "--inwordfreq") && v) p->in_word_min_freq = atol(v), i++;
    else if (!strcmp(a, "--changes") && v) p->max_changes = atoi(v), i++;
    else if (!strcmp(a, "--swapword") && v) p->swap_needs_word = atoi(v), i++;
    else if (!strcmp(a, "--swapseg") && v) p->swap_needs_segment = atoi(v), i++;
    else if (!strcmp(a, "--pairfreq") && v) p->pair_min_freq = atol(v), i++;
    else if (!strcmp(a, "--paircost") && v) p->cost_pair = atof(v), i++;
    else if (!strcmp(a, "--wordratio") && v) p->word_min_ratio = atof(v), i++;
    else if (!strcmp(a, "--gain") && v) p->min_gain = atof(v), i++;
    else if (!strcmp(a, "--dist") && v) p->min_distance = atoi(v), i++;
    else if (!strcmp(a, "--uni") && v) p->uni_weight = atof(v), i++;
    else if (!strcmp(a, "--lm") && v) p->lm_weight = atof(v), i++;
    else if (!strcmp(a, "--ratio") && v) p->min_ratio = atof(v), i++;
    else if (!strcmp(a, "--prescreen") && v) p->prescreen = atof(v), i++;
    else if (!strcmp(a, "--minfreq") && v) p->min_freq = atol(v), i++;
    else if (!strcmp(a, "--shapemax") && v) p->shape_max_freq = atol(v), i++;
    else if (!strcmp(a, "--alone") && v) p->conf_alone = atof(v), i++;
    else if (!strcmp(a, "--with") && v) p->conf_with = atof(v), i++;
    else if (!strcmp(a, "--doubt") && v) p->conf_doubt = atof(v), i++;
    else if (!strcmp(a, "--sure") && v) p->conf_sure = atof(v), i++;
    else if (!strcmp(a, "--iter") && v) p->iter_rounds = atoi(v), i++;
    else if (!strcmp(a, "--iterconf") && v) p->iter_conf = atof(v), i++;
    else if (!strcmp(a, "--iterdist") && v) p->iter_distance = atoi(v), i++;
    else if (!strcmp(a, "--pairs") && v) p->pair_rounds = atoi(v), i++;
    else if (!strcmp(a, "--pairconf") && v) p->pair_conf = atof(v), i++;
    else if (!strcmp(a, "--pairmin") && v) p->pair_min = atof(v), i++;
    else if (!strcmp(a, "--place") && v) p->place_guard = atoi(v), i++;
    else if (!strcmp(a, "--namelen") && v) p->name_min_chars = atoi(v), i++;
    else if (!strcmp(a, "--conf") && v) i++; /* read above, before the speller is made */
    else if (!strcmp(a, "--word") && v) dz_spell_add_word(sp, v, NULL), i++;
    else path = a;
  }
  FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
  if (!f) {
    perror(path);
    return 2;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  long n = 0;
  double secs = 0;
  while ((len = getline(&line, &cap, f)) > 0) {
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
    dz_spell_hit *h = NULL;
    size_t nh = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    int rc = dz_spell_check(&h, &nh, sp, line, (size_t)len, &err);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    secs += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (rc) {
      fprintf(stderr, "spell_dev: %s\n", err.message);
      return 3;
    }
    printf("{\"line\":%ld,\"findings\":[", ++n);
    for (size_t i = 0; i < nh; i++) {
      printf("%s{\"rule\":\"%s\",\"start\":%zu,\"end\":%zu,\"cstart\":%zu,\"cend\":%zu,\"original\":",
             i ? "," : "", h[i].kind == DZ_SPELL_WORD ? "spell.word" : "spell.char", h[i].start,
             h[i].end, h[i].cstart, h[i].cend);
      jstr(h[i].original);
      printf(",\"suggestion\":");
      jstr(h[i].suggestion);
      printf(",\"confidence\":%.9g}", h[i].confidence);
    }
    printf("]}\n");
    dz_spell_hits_free(h);
  }
  fprintf(stderr, "spell_dev: %ld sentences, %.3f s CPU checking\n", n, secs);
  free(line);
  if (f != stdin) fclose(f);
  dz_spell_free(sp);
  return 0;
}
