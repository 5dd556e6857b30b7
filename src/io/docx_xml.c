/* Expat parsers for .docx parts: namespace-aware, and refusing any DTD. */
#include "io/docx_xml.h"
#include "util/error.h"

/* A DOCTYPE in an OOXML part is never legitimate; stopping here also shuts out entity
** expansion attacks whatever expat's own limits are. */
static void XMLCALL no_doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
                               int has_internal_subset) {
  (void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
  XML_StopParser(*(XML_Parser *)ud, XML_FALSE);
}

XML_Parser dz__xml_parser_new(void *ud) {
  XML_Parser p = XML_ParserCreateNS("UTF-8", '|');
  if (!p) return NULL;
  *(XML_Parser *)ud = p;
  XML_SetUserData(p, ud);
  XML_SetStartDoctypeDeclHandler(p, no_doctype);
  return p;
}

int dz__xml_sink(void *ud, const char *chunk, size_t n, int last) {
  dz_xml_feed *f = ud;
  if (XML_Parse(f->p, chunk, (int)n, last) == XML_STATUS_ERROR) f->failed = 1;
  if (f->oom && *f->oom) return DZ_ENOMEM;
  return f->failed ? DZ_EINVALID : 0;
}

int dz__xml_error(dz_error *err, const char *file, const char *entry, XML_Parser p) {
  return dz__error_set(err, DZ_EINVALID,
                       "文件 %s 的 %s 不是有效的 XML（第 %lu 行），文档已损坏。请在 Word 或 WPS 中打开后重新保存再试。", file,
                       entry, (unsigned long)XML_GetCurrentLineNumber(p));
}
