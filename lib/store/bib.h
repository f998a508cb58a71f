/*
 * bib.h: the rows the BibTeX export reads (bib.c): @preamble texts, each
 * paper's stored fields with pubdb's own data beside them, and the entries
 * its aliases stand for.  BibTeX is written straight from these rows,
 * without loading whole papers.
 */
#ifndef PUB_STORE_BIB_H
#define PUB_STORE_BIB_H

#include <stddef.h>
#include <stdint.h>

#include "pub.h"

/* Each @preamble's text in the order read.  A non-zero return of cb stops
 * and is returned. */
int pub__bib_preambles_foreach(pub_db *db,
	int (*cb)(const char *text, void *ctx), void *ctx);

/* A paper as the BibTeX export writes it; everything valid during the
 * callback.  Empty texts are NULL, and so is pubdb's own data (selected,
 * rank, arxiv_version 0) when the rows were asked for plain. */
typedef struct pub__bib_row {
	int64_t id;
	const char *key, *type;
	const pub_field *fields; /* as stored, in insertion order */
	size_t nfields;
	const char *venue;
	int selected, rank, arxiv_version;
	const char *links;         /* "kind=url; ..." (";" in a url as "\;") */
	const char *tags;          /* "a; b", by name (";" in a name as "\;") */
	const char *equal, *corresponding; /* author positions "1,2" */
	const char *decision;      /* "venue=ICLR 2025; tier=Poster; day=...;
	                              source=openreview; id=..." (accepted) */
	int has_aliases;           /* pub__bib_aliases_foreach() has some */
} pub__bib_row;

/* The papers `filter` matches (NULL: every paper, in one scan of the
 * table) in BibTeX order.  A non-zero return of cb stops and is returned. */
int pub__bib_rows_foreach(pub_db *db, const pub_filter *filter, int plain,
	int (*cb)(const pub__bib_row *row, void *ctx), void *ctx);

/* An alias of a paper (a key a merge absorbed) with the entry merged under
 * it as it was read: type and fields NULL when there is no record of it. */
typedef struct pub__bib_alias {
	const char *key, *type;
	const pub_field *fields;
	size_t nfields;
} pub__bib_alias;

/* Each alias of paper `id` (whose key `key` a message names), in the
 * order the merges absorbed them.  A non-zero return of cb stops and is
 * returned. */
int pub__bib_aliases_foreach(pub_db *db, int64_t id, const char *key,
	int (*cb)(const pub__bib_alias *alias, void *ctx), void *ctx);

#endif
