/*
 * import.h: storing entries the way `pubdb add` does (import.c).
 */
#ifndef PUB_STORE_IMPORT_H
#define PUB_STORE_IMPORT_H

#include "pub.h"
#include "bibtex/entry.h"
#include "util/version.h"

/* Stores one entry the way `pubdb add` does (merge, key, then the extras
 * of `opts`: tags, venue, links, selection) and counts it in `stats`.
 * Inside a transaction; used by the BibTeX import and the arXiv/DOI adds. */
int pub__import_entry(pub_db *db, const pub__bib_entry *e, const char *source,
	const pub_import_opts *opts, pub_import_stats *stats);

/* The start and end of every call that takes import options and stats
 * (pub_import_bibtex, pub_add_ids, pub_add_profiles, pub_inbox_accept):
 * the caller's options of any version (NULL: defaults) become a whole
 * current struct, the caller's stats version is checked and the call
 * counts in a current one, copied out at the end by its version.
 * pub__import_end returns `err`. */
typedef struct pub__import_call {
	pub_import_opts opts;
	pub_import_stats stats;
} pub__import_call;
int pub__import_begin(pub__import_call *c, const pub_import_opts *opts,
	const pub_import_stats *stats);
int pub__import_end(const pub__import_call *c, pub_import_stats *stats, int err);

#endif
