/*
 * macros.h: the @string table (macros.c).
 */
#ifndef PUB_BIBTEX_MACROS_H
#define PUB_BIBTEX_MACROS_H

#include <stddef.h>

#include "pub.h"

typedef struct pub__bib_macro {
	char *name; /* lower case; NULL: empty slot */
	char *value;
} pub__bib_macro;

typedef struct pub__bib_macros {
	pub__bib_macro *tab; /* a power of two of slots, at most half full */
	size_t n, cap;
} pub__bib_macros;

/* Sets (or replaces) macro `name` (lower case) to a copy of `value`. */
void pub__bib_macros_set(pub__bib_macros *m, const char *name, const char *value);
/* The value of macro `name`, NULL when undefined. */
const char *pub__bib_macros_get(const pub__bib_macros *m, const char *name);
void pub__bib_macros_free(pub__bib_macros *m);

#endif
