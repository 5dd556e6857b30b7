/*
** The language-model module: the C++ shims over libime (lm_libime.cpp, and any further model
** shim) are built into one shared object, build/duizhao-lm.so (cmake/spell.cmake,
** dz_lm_module_add), which the C side opens with dlopen on the first dz_lm_open. Only the
** spelling check loads libIMECore, libFcitx5Utils and libstdc++ that way; every other command
** starts without them. A module that cannot be loaded is treated like a missing model.
**
** Each shim exports plain C functions, declared here or in its own header; its C side
** resolves them with a dz_dl whose `locate` is dz__lm_module_files (see util/dl.h), so shims
** share the module and do not depend on each other's symbols.
*/
#ifndef DZ_LEXICON_LM_MODULE_H
#define DZ_LEXICON_LM_MODULE_H
#include <stddef.h>

#include "lexicon/lm.h"

#ifdef __cplusplus
extern "C" {
#endif

/* libime's model (lm_libime.cpp); lm.c's dz_lm_* call these. `path` is never NULL. */
int dz_lmi_open(dz_lm **out, const char *path);
void dz_lmi_free(dz_lm *lm);
int dz_lmi_known(const dz_lm *lm, const char *w, size_t n);
double dz_lmi_score(const dz_lm *lm, const char *const *words, const size_t *lens, int n);

/* Where the module is looked for, in order (NULL-terminated, computed once): $DZ_LM_MODULE
** alone when set; else the running executable's directory, the build tree
** (DZ_LM_MODULE_BUILD_PATH), the install path (DZ_LM_MODULE_INSTALL_PATH). */
const char *const *dz__lm_module_files(void);

#ifdef __cplusplus
}
#endif
#endif
