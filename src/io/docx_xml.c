/* Expat parsers for .docx parts: namespace-aware, and refusing any DTD. */
#include "io/docx_xml.h"

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
