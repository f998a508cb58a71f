/*
 * value.h: BibTeX field values (value.c).
 */
#ifndef PUB_BIBTEX_VALUE_H
#define PUB_BIBTEX_VALUE_H

#include "pub.h"

/* The year a value names: the first run of exactly four digits ("2024",
 * "{2024}", "2024-05-01"); 0 when none. */
int pub__bib_year(const char *s);

/* The month a value names (1-12): a number, or an English month name or
 * abbreviation of three letters or more; 0 when none. */
int pub__bib_month(const char *s);

/* A BibTeX value from plain text: escapes unescaped & % # and balances
 * braces, so any string from outside can be stored as a field. */
char *pub__bib_value_from_text(const char *s);

#endif
