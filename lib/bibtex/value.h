/*
 * value.h: BibTeX field values (value.c).
 */
#ifndef PUB_BIBTEX_VALUE_H
#define PUB_BIBTEX_VALUE_H

#include <stddef.h>

#include "pub.h"
#include "bibtex/entry.h"

/* The year a value names: the first run of exactly four digits ("2024",
 * "{2024}", "2024-05-01"); 0 when none. */
int pub__bib_year(const char *s);

/* The month a value names (1-12): a number, or an English month name or
 * abbreviation of three letters or more; 0 when none. */
int pub__bib_month(const char *s);

/* A BibTeX value from plain text: escapes unescaped & % # and balances
 * braces, so any string from outside can be stored as a field. */
char *pub__bib_value_from_text(const char *s);

/* A BibTeX value of an identifier, URL or number from outside: nothing
 * escaped (a URL's % stays), braces balanced by pub__bib_value_from_text's
 * rule (a stray '}' becomes \}, an open '{' is closed at the end). */
char *pub__bib_value_verbatim(const char *s);

/* Building an entry from a service's answer (arXiv, DOI, the profiles),
 * one rule for all: free text (titles, names, venues, abstracts) through
 * pub__bib_value_from_text, identifiers and numbers through
 * pub__bib_value_verbatim.  NULL or empty values add nothing. */
pub__bib_entry *pub__bib_entry_new(const char *type);
void pub__bib_add_text(pub__bib_entry *e, const char *name, const char *text);
void pub__bib_add_verbatim(pub__bib_entry *e, const char *name, const char *value);
/* author = {A and B and C}, each name as free text. */
void pub__bib_add_authors(pub__bib_entry *e, char *const *names, size_t n);

#endif
