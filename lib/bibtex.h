/*
 * bibtex.h: the streaming BibTeX reader (bibtex_read.c) and writer
 * (bibtex_write.c).  Private to libpub.
 */
#ifndef PUB_BIBTEX_H
#define PUB_BIBTEX_H

#include <stdio.h>

#include "common.h"

/* One field of an entry: lower-cased name, value with @string macros
 * expanded, '#' concatenations joined and the outer delimiters removed
 * (`{Foo {Bar}}` gives `Foo {Bar}`, `"a {b}"` gives `a {b}`, `2020` gives
 * `2020`, `jan` gives `January`).  The value is valid UTF-8 and its braces
 * balance, so the writer can always emit it as `{value}`. */
typedef pub_field pub__bib_field; /* name, value: the public pair */
/* Frees an array of n fields, names and values (bibtex_read.c). */
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

typedef struct pub__bib_reader pub__bib_reader;

/* Reads from `fp` (not closed by the reader); `filename` names the input in
 * messages.  `encoding` NULL detects: UTF-8 (BOM skipped), UTF-16 with BOM,
 * otherwise Windows-1252 with a warning; or one of "utf-8", "utf-16le",
 * "utf-16be", "latin1"/"iso-8859-1", "windows-1252"/"cp1252".  Warnings
 * (undefined macros, duplicate fields, encoding guesses) go to `warn`.
 * Memory stays bounded by the largest single entry, not the file. */
int pub__bib_reader_new(pub__bib_reader **out, FILE *fp, const char *filename,
	const char *encoding, pub_warn_fn warn, void *warn_ctx);
void pub__bib_reader_free(pub__bib_reader *r);

/* Next entry (@string and @comment are consumed, never returned).
 * Returns 1 with *out set (caller frees), 0 at end of input, or PUB_EPARSE
 * when an entry is malformed: the message reads
 * "FILE:LINE:COL: what" and the reader has already resynchronised at the
 * next line-initial '@', so the caller may call again to go on.  Any other
 * negative code is fatal (I/O error, unsupported encoding). */
int pub__bib_reader_next(pub__bib_reader *r, pub__bib_entry **out);

/* Writer: appends one entry (`@type{key,` one field per line, values as
 * {value}, full month names as the month macros) to `b`; `ascii` turns
 * non-ASCII characters into LaTeX escapes. */
void pub__bib_format_entry(pub__buf *b, const char *type, const char *key,
	const pub_field *fields, size_t n, int ascii);
void pub__bib_format_preamble(pub__buf *b, const char *text, int ascii);

/* Limits: a single value may hold up to PUB__BIB_MAX_VALUE bytes and braces
 * nest at most PUB__BIB_MAX_DEPTH deep; past that the entry is an error. */
#define PUB__BIB_MAX_VALUE (64u * 1024 * 1024)
#define PUB__BIB_MAX_DEPTH 1000

#endif
