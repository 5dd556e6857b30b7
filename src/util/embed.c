/* Lookup in embedded file tables. Tables are small, so a linear scan is enough. */
#include <string.h>
#include "util/embed.h"

const dz_embedded_file *dz_embed_find(const dz_embedded_file *table, const char *name) {
  for (; table && table->name; table++)
    if (!strcmp(table->name, name)) return table;
  return NULL;
}
