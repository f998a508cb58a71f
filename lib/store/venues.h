/*
 * venues.h: what the venues refresh step reads and records (venues.c):
 * the papers still without a venue, their authors' family names, and
 * each lookup's day and candidates.
 */
#ifndef PUB_STORE_VENUES_H
#define PUB_STORE_VENUES_H

#include <stddef.h>
#include <stdint.h>

#include "pub.h"

/* A paper to look up; strings valid during the callback. */
typedef struct pub__venue_row {
	int64_t id;
	const char *citekey, *title;
	int year;
	const char *arxiv, *doi;
	const char *unknown; /* venue_lookups.unknown (JSON) or NULL */
} pub__venue_row;

/* Each paper without a venue badge whose venue the owner did not set, by
 * id, except those looked up at or after `cutoff` (""/NULL: none), which
 * count in *skipped.  A non-zero return of cb stops and is returned. */
int pub__venue_rows_foreach(pub_db *db, const char *cutoff, size_t *skipped,
	int (*cb)(const pub__venue_row *row, void *ctx), void *ctx);

/* The authors' family names of paper `id` in order, folded to ASCII keys
 * (the whole name when a family is missing).  Free each, then the array. */
int pub__venue_families(char ***out, size_t *n, pub_db *db, int64_t id);

/* Records that paper `id` was looked up now, with the candidates found
 * when none was taken (NULL: none). */
int pub__venue_lookup_record(pub_db *db, int64_t id, const char *candidates);

/* Remembers that `source` ("semanticscholar", "dblp", "openalex",
 * "openreview") said today that it does not know paper `id` (known 0:
 * forgets it, the source knows the paper).  A paper the venues step has
 * not looked up gets a row whose `checked` is "" (older than any
 * --max-age), so another step's answer never makes it look fresh. */
int pub__venue_unknown_set(pub_db *db, int64_t id, const char *source, int unknown);

#endif
