/*
 * events.h: dated events for `pubdb news` (events.c), written in the
 * transaction of the change they tell about: a paper added, a venue
 * gained by a preprint, a repository added, a star milestone, papers
 * arriving in the inbox.  Table `events` in schema.sql.
 */
#ifndef PUB_STORE_EVENTS_H
#define PUB_STORE_EVENTS_H

#include <stdint.h>

#include "pub.h"

/* The kinds of event (events.kind). */
#define PUB__EVENT_PAPER "paper"  /* a new paper; value: NULL */
#define PUB__EVENT_VENUE "venue"  /* a venue gained; value: "ICML 2025" */
#define PUB__EVENT_REPO  "repo"   /* a repository added; value: NULL */
#define PUB__EVENT_STARS "stars"  /* a star milestone; value: "1000" */
#define PUB__EVENT_INBOX "inbox"  /* papers in the inbox; value: their count */
#define PUB__EVENT_NOTE  "note"   /* the owner's item (news add); value: Markdown */

/* Records one event.  paper_id and repo_id are 0 when none; value and
 * source may be NULL; day is when it happened ("YYYY-MM-DD" or "YYYY-MM")
 * or NULL for today (UTC); a venue event without a day whose badge's year
 * ("ICML 2025") is before today's gets that year's month of a published
 * paper (DOI, no arXiv id: its publisher's date), else the year alone
 * ("2025").  One venue event per paper and badge: a second is not made.  The caller holds the transaction. */
int pub__event_add(pub_db *db, const char *kind, int64_t paper_id,
	int64_t repo_id, const char *value, const char *source, const char *day);

/* Dates the acceptance of paper_id at `value` ("ICLR 2025") by `day`
 * (its decision day): its venue event, or a new one when it has none. */
int pub__event_venue_dated(pub_db *db, int64_t paper_id, const char *value, const char *day,
	const char *source);

/* Dates the "repo" event of a repository by its creation day (an ISO
 * date or time); none: nothing to do. */
int pub__event_repo_day(pub_db *db, int64_t repo_id, const char *day);

/* Dates the "paper" event of a paper by `day` (an ISO date or time: its
 * arXiv v1, learnt after the paper was stored); none: nothing to do. */
int pub__event_paper_day(pub_db *db, int64_t paper_id, const char *day);

/* The star milestones news tells about: 100, 500, then 1, 2 and 5 times
 * each power of ten from 1000.  The highest one in (from, to], or 0 (also
 * when from < 0: a first count crosses nothing). */
long pub__stars_milestone(long from, long to);

/* One event as news shows it, with its paper's or repository's columns;
 * NULL for empty ones; valid during the callback. */
typedef struct pub__event_row {
	int64_t id;
	const char *day, *kind, *value, *source;
	const char *key, *shortname, *title, *paper_url, *arxiv, *doi, *venue; /* a paper's */
	const char *repo_owner, *repo_name, *repo_display; /* a repository's */
} pub__event_row;

/* The events news shows (papers, venues, repositories, star milestones,
 * the owner's notes),
 * newest first, from `since` on (NULL: all), at most `limit` (0: all).  A
 * non-zero return of cb stops and is returned. */
int pub__event_rows_foreach(pub_db *db, const char *since, size_t limit,
	int (*cb)(const pub__event_row *row, void *ctx), void *ctx);

#endif
