/*
 * reader.h: the streaming BibTeX reader (reader.c).  It pulls decoded
 * UTF-8 from text/encoding.c a chunk at a time into a small window, so memory is bounded
 * by the largest entry (plus the @string table), never by the file.
 *
 * Syntax follows BibTeX: text outside entries is ignored (here also `%`
 * starts a comment line there); entry types, field and macro names are
 * case-insensitive; values are {...}, "..." (braces inside quotes nest, a
 * `"` inside braces does not end the value), bare numbers or macro names
 * joined with `#`; whitespace runs in values collapse to one space (also
 * across the parts of a concatenation) and the ends of a field's whole
 * value are trimmed, as BibTeX does; an @string value keeps one leading
 * and one trailing space (`"Proc." # sym` with sym = " Symposium" reads
 * "Proc. Symposium").  tests/tools/bibtex_oracle.py checks this against
 * bibtex(1) on every corpus file.  Decisions beyond BibTeX:
 *  - positions are LINE:COL, both 1-based; COL counts characters (Unicode
 *    code points of the decoded text, a tab is one), not bytes; LF, CRLF
 *    and a lone CR each end a line (text/encoding.c turns them into LF);
 *  - an entry without a key (`@misc{, ...}` or `@misc{title = ...}`) is
 *    returned with key "" and a warning;
 *  - an undefined macro expands to "" with a warning; a repeated field keeps
 *    its first value with a warning;
 *  - an error skips to the next line-initial '@', and a value or entry that
 *    runs into a line-initial `@type{` or `@type(` is reported as
 *    unterminated there, so a runaway string costs only its own entry;
 *  - `%` starts a comment to the end of the line, between entries and
 *    inside them (BibTeX has no comments: biber and btparse read `%` so).
 * As BibTeX: `@comment` is only the word, what follows is text between
 * entries (an entry inside a `@comment{...}` body is read).
 */
#ifndef PUB_BIBTEX_READER_H
#define PUB_BIBTEX_READER_H

#include <stdio.h>

#include "pub.h"
#include "bibtex/entry.h"

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
int pub__bib_reader_next(pub__bib_entry **out, pub__bib_reader *r);

#endif
