/* `duizhao parse`: placeholder until the document parser lands. */
#include "cli/cli.h"
int dz_cmd_parse(int argc, char **argv) {
  (void)argc, (void)argv;
  fprintf(stderr, "duizhao parse: 尚未实现\n");
  return DZ_EXIT_INTERNAL;
}
