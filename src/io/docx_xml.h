/* Small helpers shared by the expat handlers of the .docx readers. */
#ifndef DZ_IO_DOCX_XML_H
#define DZ_IO_DOCX_XML_H
#include <expat.h>
#include <string.h>

/* Namespace URIs, transitional and strict. Expat joins URI and local name with '|'. */
#define DZ_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DZ_NS_W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define DZ_NS_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"

/* The local name of a WordprocessingML element or attribute, or NULL when `qname` is in
** another namespace. */
static inline const char *dz__w_local(const char *qname) {
  static const size_t n1 = sizeof DZ_NS_W - 1, n2 = sizeof DZ_NS_W_STRICT - 1;
  if (!strncmp(qname, DZ_NS_W "|", n1 + 1)) return qname + n1 + 1;
  if (!strncmp(qname, DZ_NS_W_STRICT "|", n2 + 1)) return qname + n2 + 1;
  return NULL;
}

/* The value of w:<local> in an expat attribute list, or NULL. */
static inline const char *dz__w_attr(const char **atts, const char *local) {
  for (int i = 0; atts[i]; i += 2) {
    const char *l = dz__w_local(atts[i]);
    if (l && !strcmp(l, local)) return atts[i + 1];
  }
  return NULL;
}

/* A parser whose user data is `ud`, a struct whose FIRST member is the XML_Parser (set here).
** It refuses DTDs: OOXML parts have none, and refusing them closes entity-expansion attacks. */
XML_Parser dz__xml_parser_new(void *ud);

/* Feeding a part to a parser chunk by chunk (a dz_zip_sink): `failed` records an XML error,
** `oom` (may be NULL) points at the handlers' out-of-memory flag. */
typedef struct dz_xml_feed {
  XML_Parser p;
  int failed;
  const int *oom;
} dz_xml_feed;
int dz__xml_sink(void *ud, const char *chunk, size_t n, int last);

/* The Chinese message for a part that is not well-formed XML. */
#include "duizhao.h"
int dz__xml_error(dz_error *err, const char *file, const char *entry, XML_Parser p);
#endif
