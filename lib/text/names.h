/*
 * names.h: BibTeX name lists (names.c).
 */
#ifndef PUB_TEXT_NAMES_H
#define PUB_TEXT_NAMES_H

#include <stddef.h>

#include "pub.h"

/* One parsed BibTeX name.  Parts are NULL when absent; strings are kept as
 * written (LaTeX not decoded) so they can be decoded or re-emitted. */
typedef struct pub__name {
	char *first;
	char *von;
	char *last;
	char *jr;
	int others; /* the name was the literal "others" */
} pub__name;

/* Splits a BibTeX name list on top-level " and " (case-insensitive, not
 * inside braces) and parses each name as BibTeX does: "First von Last",
 * "von Last, First", "von Last, Jr, First"; a fully braced name such as
 * "{Barnes and Noble, Inc.}" is one last name.  `*out` is an array of `*n`
 * names the caller frees with pub__names_free. */
void pub__names_parse(pub__name **out, size_t *n, const char *list);

void pub__names_free(pub__name *names, size_t n);

/* The folded family name of the first name (not "others"), the key a
 * citation key and the duplicate check start from; NULL when none. */
char *pub__names_first_key(const pub__name *names, size_t n);

#endif
