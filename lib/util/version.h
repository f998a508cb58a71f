/*
 * version.h: structs that version as libgit2's do (version.c).  An
 * options or result struct starts with `unsigned int version`; it only
 * grows, each appended field with a bump, and a call accepts every version
 * from 1 to the current, reading or writing only that version's bytes.
 */
#ifndef PUB_UTIL_VERSION_H
#define PUB_UTIL_VERSION_H

#include <stddef.h>

#include "pub.h"

/* The bytes of a version that ends with field `last`. */
#define PUB__SIZE_TO(type, last) (offsetof(type, last) + sizeof(((type *)0)->last))

typedef struct pub__versions {
	const char *type;     /* "pub_import_opts", for messages */
	unsigned int current; /* the header's version */
	const size_t *sizes;  /* sizes[v - 1]: the bytes of version v */
} pub__versions;

/* The caller's `given` (NULL: defaults) as a whole current struct `full`
 * of `size` bytes: its version's bytes copied, the rest zero; `version`
 * keeps the caller's.  PUB_EINVAL for a version outside 1..current. */
int pub__versioned_in(void *full, size_t size, const void *given, const pub__versions *v);

/* Checks the version of the caller's result struct `out` (NULL is fine). */
int pub__versioned_check(const void *out, const pub__versions *v);

/* Copies the current-version result `full` into the caller's `out` (NULL:
 * nothing), only as many bytes as out's version has; out's version stays. */
void pub__versioned_out(void *out, const void *full, const pub__versions *v);

/* A *_init(): zeroes `version`'s bytes of `s` and sets its version. */
int pub__versioned_init(void *s, unsigned int version, const pub__versions *v);

#endif
