/* Internal helpers for filling a caller's dz_error. */
#ifndef DZ_UTIL_ERROR_H
#define DZ_UTIL_ERROR_H
#include "duizhao.h"

/* Fill `err` (if not NULL) with code and a printf-style message; returns `code`. */
int dz__error_set(dz_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Shorthand for DZ_ENOMEM. */
int dz__error_nomem(dz_error *err);
#endif
