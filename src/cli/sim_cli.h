/* Helpers shared by the originality commands (corpus, similar, batch). */
#ifndef DZ_CLI_SIM_CLI_H
#define DZ_CLI_SIM_CLI_H
#include "cli/cli.h"

/* The default corpus path: $XDG_DATA_HOME/duizhao/corpus.db, else
** ~/.local/share/duizhao/corpus.db. Returns a malloc'd string or NULL. */
char *sim_default_db(void);

/* Parse --format text|json|html; returns -1 (usage error printed) on anything else. */
int sim_parse_format(const char *cmd, const char *v, dz_sim_format *out);

/* Expand files and folders (recursively: .txt .md .docx, hidden entries skipped, sorted) into a
** malloc'd list of malloc'd paths. Missing paths are kept, so the reader reports them. */
int sim_expand(char ***out, size_t *n, char **args, size_t nargs);
void sim_free_list(char **list, size_t n);
#endif
