/*
 * alloc.h: allocation that aborts on out of memory, and the attribute that
 * lets the compiler check printf-style formats.  The base of libpub's
 * private headers: it includes pub.h.
 */
#ifndef PUB_UTIL_ALLOC_H
#define PUB_UTIL_ALLOC_H

#include <stddef.h>

#include "pub.h"

#if defined(__GNUC__)
#define PUB__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define PUB__PRINTF(f, a)
#endif

void *pub__malloc(size_t n);

void *pub__calloc(size_t n, size_t size);

void *pub__realloc(void *p, size_t n);

char *pub__strdup(const char *s);

char *pub__strndup(const char *s, size_t n);

char *pub__sprintf(const char *fmt, ...) PUB__PRINTF(1, 2);

/* 1 when `w` occurs in `s` (NULL: no), ASCII case ignored. */
int pub__contains_ci(const char *s, const char *w);
/* 1 when one of the n words occurs in `s` (pub__contains_ci). */
int pub__contains_any_ci(const char *s, const char *const *words, size_t n);

#endif
