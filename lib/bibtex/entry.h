/*
 * entry.h: a BibTeX entry and its fields (entry.c), as the reader returns
 * them and the writer takes them.
 */
#ifndef PUB_BIBTEX_ENTRY_H
#define PUB_BIBTEX_ENTRY_H

#include <stdio.h>

#include "pub.h"

/* One field of an entry: lower-cased name, value with @string macros
 * expanded, '#' concatenations joined and the outer delimiters removed
 * (`{Foo {Bar}}` gives `Foo {Bar}`, `"a {b}"` gives `a {b}`, `2020` gives
 * `2020`, `jan` gives `January`).  The value is valid UTF-8 and its braces
 * balance, so the writer can always emit it as `{value}`. */
typedef pub_field pub__bib_field; /* name, value: the public pair */
/* Frees an array of n fields, names and values (entry.c). */
void pub__fields_free(pub_field *f, size_t n);

/* One entry.  `type` is lower-cased; "preamble" entries carry their text in
 * a single field named "preamble" and no key.  `line` is where the '@' was. */
typedef struct pub__bib_entry {
	char *type;
	char *key; /* as written (case kept); "" when missing */
	size_t nfields;
	pub__bib_field *fields;
	unsigned line;
} pub__bib_entry;

void pub__bib_entry_free(pub__bib_entry *e);
/* Value of field `name` (lower case) or NULL. */
const char *pub__bib_entry_get(const pub__bib_entry *e, const char *name);

/* Appends a copy of field name = value to e (made by a converter from a
 * service's answer, not by the reader); a NULL or empty value adds
 * nothing. */
void pub__bib_entry_add(pub__bib_entry *e, const char *name, const char *value);

/* Limits: a single value may hold up to PUB__BIB_MAX_VALUE bytes and braces
 * nest at most PUB__BIB_MAX_DEPTH deep; past that the entry is an error. */
#define PUB__BIB_MAX_VALUE (64u * 1024 * 1024)
#define PUB__BIB_MAX_DEPTH 1000

#endif
