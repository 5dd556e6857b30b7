/* Reading whole files with a size cap. */
#ifndef DZ_UTIL_FILE_H
#define DZ_UTIL_FILE_H
#include <stdint.h>
#include <stdio.h>
/* Read all of `f`, stopping once more than `max` bytes have come (then *len > max).
** Returns DZ_OK, DZ_ENOMEM or DZ_EIO; *out is malloc'd. */
int dz__read_all(FILE *f, size_t max, char **out, size_t *len);
/* The same for a file named by path, with open, fstat and read and no stdio (one system call
** fewer for each of the thousands of files of a check); *mtime receives its modification time
** when not NULL. Returns DZ_OK, DZ_ENOMEM, or DZ_EIO with errno saying why (ENOENT, EACCES,
** EISDIR, ...). */
int dz__read_path_all(const char *path, size_t max, char **out, size_t *len, int64_t *mtime);
#endif
