/* Reading whole files with a size cap. */
#ifndef DZ_UTIL_FILE_H
#define DZ_UTIL_FILE_H
#include <stdio.h>
/* Read all of `f`, stopping once more than `max` bytes have come (then *len > max).
** Returns DZ_OK, DZ_ENOMEM or DZ_EIO; *out is malloc'd. */
int dz__read_all(FILE *f, size_t max, char **out, size_t *len);
#endif
