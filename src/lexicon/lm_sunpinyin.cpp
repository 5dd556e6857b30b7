/*
** sunpinyin's trigram model (CThreadSlm, libsunpinyin-dev) behind the small C interface of
** lm2.h. Compiled only when cmake/spell_lm2.cmake finds libsunpinyin (DZ_HAVE_SUNPINYIN).
** CThreadSlm::load trusts the file; the header and section sizes are checked here first, so a
** missing or foreign file is an error code, not a crash or a message on stderr.
*/
#include <slm.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <new>

extern "C" {
#include "lexicon/lm2.h"
}

struct dz_slm {
  CThreadSlm slm;
};

/* Does the file at path have the layout CThreadSlm::load expects (sizes inside the file)? */
static int check_file(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return DZ_ENOTFOUND;
  struct stat st;
  unsigned head[2 + 5];
  int ok = fstat(fd, &st) == 0 && pread(fd, head, sizeof head, 0) == (ssize_t)sizeof head;
  close(fd);
  unsigned n = ok ? head[0] : 0;
  if (!ok || n < 1 || n > 4) return DZ_EINVALID;
  /* N, the log flag, N+1 level sizes, the two value tables, N node levels (the pseudo root
  ** level included) of TNode, and the leaves. */
  unsigned long long need = (2 + n + 1) * 4ull + (4ull << CThreadSlm::BITS_PR) +
                            (4ull << CThreadSlm::BITS_BOW);
  for (unsigned l = 0; l < n; l++) need += (unsigned long long)head[2 + l] * 12;
  need += (unsigned long long)head[2 + n] * 8;
  static_assert(sizeof(CThreadSlm::TNode) == 12 && sizeof(CThreadSlm::TLeaf) == 8,
                "sunpinyin's node layout");
  return need <= (unsigned long long)st.st_size && head[2] >= 1 ? DZ_OK : DZ_EINVALID;
}

extern "C" int dz_slm_open(dz_slm **out, const char *path) {
  int rc = check_file(path);
  if (rc) return rc;
  dz_slm *m = new (std::nothrow) dz_slm;
  if (!m) return DZ_ENOMEM;
  if (!m->slm.load(path, true)) { /* mmap: nothing is read until scored */
    delete m;
    return DZ_EINVALID;
  }
  *out = m;
  return DZ_OK;
}

/* NULL-safe. */
extern "C" void dz_slm_free(dz_slm *m) { delete m; }

/* One transition; the result is historified, as CThreadSlm requires of a history. */
extern "C" double dz_slm_step(const dz_slm *m, uint32_t *state, uint32_t wid) {
  CThreadSlm &slm = const_cast<CThreadSlm &>(m->slm); /* its lookups only read */
  CThreadSlm::TState h(*state >> 24, *state & 0xFFFFFFu), r;
  double c = slm.transferNegLog(h, wid, r);
  slm.historify(r);
  *state = r.getLevel() << 24 | r.getIdx(); /* level 8 bits, index 24 bits, as in TState */
  return c;
}
