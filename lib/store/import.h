/*
 * import.h: storing entries the way `pubdb add` does (import.c).
 */
#ifndef PUB_STORE_IMPORT_H
#define PUB_STORE_IMPORT_H

#include "pub.h"
#include "bibtex/entry.h"

/* Stores one entry the way `pubdb add` does (merge, key, then the extras
 * of `opts`: tags, venue, links, selection) and counts it in `stats`.
 * Inside a transaction; used by the BibTeX import and the arXiv/DOI adds. */
int pub__import_entry(pub_db *db, const pub__bib_entry *e, const char *source,
	const pub_import_opts *opts, pub_import_stats *stats);

#endif
