/* Internal entry of the .docx reader, used by the input sniffer in read.c. */
#ifndef DZ_IO_DOCX_H
#define DZ_IO_DOCX_H
#include "duizhao.h"
/* Extract the visible text of a .docx held in memory into a dz_text whose attachment maps
** every character back to its paragraph and run. */
int dz__docx_read(dz_text **out, const void *bytes, size_t len, const dz_decode_options *opts,
                  dz_error *err);
#endif
