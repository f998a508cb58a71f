/*
 * decisions.h: what a venue decided about a paper (decisions.c, table
 * `decisions`): stored by the OpenReview refresh step, read back as a
 * paper's `decision`; and the papers that step looks up.
 */
#ifndef PUB_STORE_DECISIONS_H
#define PUB_STORE_DECISIONS_H

#include <stddef.h>
#include <stdint.h>

#include "pub.h"

/* One lookup's outcome: status "accepted" (venue, tier, day, ref set),
 * "rejected", "withdrawn", "pending" or "none".  NULLs allowed except for
 * status and source.  The caller holds the transaction. */
int pub__decision_store(pub_db *db, int64_t paper_id, const char *status,
	const char *venue, const char *tier, const char *day, const char *source,
	const char *ref);

/* The paper's accepted decision into *out (NULL when it has none); free
 * with pub__decision_free. */
int pub__decision_load(pub_decision **out, pub_db *db, int64_t paper_id);
void pub__decision_free(pub_decision *d);

/* A paper the decision step may look up; strings valid during the
 * callback. */
typedef struct pub__decision_row {
	int64_t id;
	const char *citekey, *title, *venue, *venue_source;
	int year;
	const char *status; /* the last lookup's status, or NULL */
	const char *unknown; /* venue_lookups.unknown (the sources' negative
	                        answers, JSON) or NULL */
} pub__decision_row;

/* The papers without an accepted decision, except those looked up at or
 * after `cutoff` (""/NULL: none), which count in *skipped; by id. */
int pub__decision_rows_foreach(pub_db *db, const char *cutoff, size_t *skipped,
	int (*cb)(const pub__decision_row *row, void *ctx), void *ctx);

/* The paper's authors' display names in order (free each, then the
 * array). */
int pub__decision_authors(char ***out, size_t *n, pub_db *db, int64_t paper_id);

/* Sets the badge of paper `id` to `badge` from `source` unless the owner
 * set the venue (`edit`, `add --venue`): when it has none, a preprint's
 * ("arXiv 2024", "CoRR"), a workshop's, or one a service found (DBLP,
 * Semantic Scholar, arXiv, OpenReview: the source that publishes the
 * decision knows first).  *changed is 1 when it changed; *old (malloc'd,
 * or NULL) is the badge it had. */
int pub__decision_set_badge(int *changed, char **old, pub_db *db, int64_t id,
	const char *badge, const char *source);

/* *has is 1 when paper `id`'s badge is `badge` (regardless of case). */
int pub__paper_has_venue(int *has, pub_db *db, int64_t id, const char *badge);

#endif
