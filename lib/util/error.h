/*
 * error.h: recording the last error (the public side is pub_error_last()).
 */
#ifndef PUB_UTIL_ERROR_H
#define PUB_UTIL_ERROR_H

#include "pub.h"
#include "util/alloc.h"

/* Records an error for pub_error_last() and returns `code`. */
int pub__error(int code, const char *fmt, ...) PUB__PRINTF(2, 3);

/* PUB_EINVAL for an options struct (`type`, "pub_import_opts") filled for
 * a version this library does not know. */
int pub__version_error(const char *type, unsigned int version);

#endif
