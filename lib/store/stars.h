/*
 * stars.h: what the stars refresh step reads and files (stars.c): the
 * repositories due for a count, each answer's count, history, rename or
 * merge, and the star milestones news tells about.  Table `repos` and
 * `star_history` in schema.sql.
 */
#ifndef PUB_STORE_STARS_H
#define PUB_STORE_STARS_H

#include <stddef.h>
#include <stdint.h>

#include "pub.h"

/* A repository to count; its strings are malloc'd (pub__star_row_clear). */
typedef struct pub__star_row {
	int64_t id;
	char *owner, *name, *etag, *status;
	long stars; /* -1 when never counted */
	int archived;
} pub__star_row;

void pub__star_row_clear(pub__star_row *r);

/* How many repositories were checked at or after `cutoff` (fresh), or
 * were not (!fresh; cutoff NULL: all of them). */
int pub__star_rows_count(pub_db *db, const char *cutoff, int fresh, size_t *out);

/* At most `limit` repositories not checked since `cutoff` (NULL: all) with
 * id > after, by id, into rows[0..*n). */
int pub__star_rows_load(pub_db *db, int64_t after, const char *cutoff, size_t limit,
	pub__star_row *rows, size_t *n);

/* What GitHub said about one repository (a 200). */
typedef struct pub__star_count {
	int64_t github_id;
	const char *owner, *name; /* GitHub's spelling, which wins */
	long stars;
	const char *description; /* NULL: the stored one stays */
	int set_etag;            /* 1: etag replaces the stored one (REST) */
	const char *etag;
	const char *checked;     /* "YYYY-MM-DDTHH:MM:SSZ" */
	const char *status;      /* "ok", "renamed", "archived" */
	int archived;
	const char *renamed_from; /* "owner/name" before, or NULL: kept */
} pub__star_count;

/* Files a count in row `id` and today's point of its history. */
int pub__star_store(pub_db *db, int64_t id, const pub__star_count *c);

/* Row `id` was checked at `now`: unchanged (its history gets today's
 * point of `stars`, unless -1) or missing on GitHub. */
int pub__star_checked(pub_db *db, int64_t id, const char *now, int missing, long stars);

/* Another row for the same repository (same GitHub id, or already under
 * owner/name): its id, 0 when none. */
int64_t pub__star_twin(pub_db *db, int64_t id, int64_t github_id,
	const char *owner, const char *name);

/* Folds row `from` into row `into`: links, history, standalone flag. */
int pub__star_merge(pub_db *db, int64_t from, int64_t into);

/* Points the links of renamed repository `id` at owner/name. */
int pub__star_rename_links(pub_db *db, int64_t id, const char *owner, const char *name);

/* The star milestone crossed from `from` to `to` as an event, once per
 * repository and milestone (none: nothing). */
int pub__star_milestone(pub_db *db, int64_t id, long from, long to);

#endif
