/* duizhao input: any supported file (.txt, .md, .docx, or stdin) into decoded text. */
#ifndef DUIZHAO_IO_H
#define DUIZHAO_IO_H
#ifdef __cplusplus
extern "C" {
#endif

/* Read a file ("-" for stdin, named 标准输入 in messages and reports unless opts->name is set
** to something other than "-") and decode it, sniffing its type from its content:
** a zip is read as .docx, an OLE file (.doc/.wps) or a PDF is refused with DZ_EFORMAT and a
** message saying what to do, anything else is decoded as text (dz_text_decode). A result that
** is empty or only white space is refused with DZ_EINVALID (文件 X 是空的…): nothing to check. */
int dz_read_file(dz_text **out, const char *path, const dz_decode_options *opts, dz_error *err);

/* The same for bytes already in memory; opts->name names them in messages. */
int dz_read_bytes(dz_text **out, const void *bytes, size_t len, const dz_decode_options *opts,
                  dz_error *err);

#ifdef __cplusplus
}
#endif
#endif
