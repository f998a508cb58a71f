/*
 * writer.h: BibTeX output (writer.c).
 */
#ifndef PUB_BIBTEX_WRITER_H
#define PUB_BIBTEX_WRITER_H

#include "pub.h"
#include "util/buf.h"

/* Writer: appends one entry (`@type{key,` one field per line, values as
 * {value}, full month names as the month macros) to `b`; `ascii` turns
 * non-ASCII characters into LaTeX escapes. */
void pub__bib_format_entry(pub__buf *b, const char *type, const char *key,
	const pub_field *fields, size_t n, int ascii);

void pub__bib_format_preamble(pub__buf *b, const char *text, int ascii);

#endif
