/*
 * pub/citations.h: citation counts, their history, h-index and i10-index.
 * Part of pub.h, the one public header: include <pub.h>, not this file.
 */
#ifndef PUB_PUBLIC_CITATIONS_H
#define PUB_PUBLIC_CITATIONS_H

#include "common.h"
#include "db.h"
#include "refresh.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- citation counts and stats ---------------------------------------- */

/* Fetches citation counts for every paper with a DOI or an arXiv id (then
 * asked as 10.48550/arXiv.ID), one step per source: Semantic Scholar's
 * citationCount from its paper batch (500 ids a request; the answers are
 * kept for the venues step of the same pub_refresh()), then OpenAlex's
 * cited_by_count by single-work lookups (free; OPENALEX_API_KEY sent as
 * api_key when set), several side by side (opts->jobs, default 8).  Each
 * count is stored with its source and time, and today's in the history
 * (one row per paper, source and day); one transaction per batch.  A DOI
 * the source does not know is skipped (a note through opts->warn, not a
 * failure).  opts->max_age skips papers whose count from that source is
 * fresher.  Same returns as pub_refresh_arxiv; a service still answering
 * 429 after the waits gives PUB_ERATELIMIT. */
PUB_EXTERN int pub_refresh_citations(pub_db *db, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);

/* One paper's count from one source, with its change over 7 and 30 days
 * (against the latest history row at least that old; 0 when none). */
typedef struct pub_citation_row {
	const char *key;
	const char *title;   /* may be NULL */
	const char *source;
	long count;
	long delta_7d;
	long delta_30d;
	const char *checked; /* ISO-8601 UTC */
} pub_citation_row;

/* Calls cb for each stored count, grouped by paper (papers with the
 * largest count first, then by key), sources by name within a paper.  The
 * row's strings are valid during the call; a non-zero return stops. */
PUB_EXTERN int pub_citations_foreach(pub_db *db,
	int (*cb)(const pub_citation_row *row, void *ctx), void *ctx);

/* Calls cb for each history row of the paper with key `key` (an alias
 * works too; PUB_ENOTFOUND when none), or of every paper when key is NULL
 * (then by key), by source and day. */
PUB_EXTERN int pub_citations_history_foreach(pub_db *db, const char *key,
	int (*cb)(const char *key, const char *source, const char *day,
		long count, void *ctx), void *ctx);

/* The history as a whole SVG line chart: with a key, one line per source
 * of that paper; without, one line per paper (its largest count of any
 * source each day). */
PUB_EXTERN int pub_citations_svg(pub_db *db, const char *key, FILE *out);

/* Totals over the whole database. */
/* Filled by pub_stats_get(); the caller sets `version` (PUB_STATS_INIT). */
typedef struct pub_stats {
	unsigned int version; /* PUB_STATS_VERSION */
	long papers;
	long citations; /* sum over papers of the largest count of any source */
	long h_index;   /* h papers with at least h citations each */
	long i10_index; /* papers with at least 10 citations */
	long stars;     /* sum over repositories with a known count */
} pub_stats;

#define PUB_STATS_VERSION 1
#define PUB_STATS_INIT {.version = PUB_STATS_VERSION}

PUB_EXTERN int pub_stats_get(pub_stats *out, pub_db *db);

/* h-index of n citation counts (any order; the array is not changed). */
PUB_EXTERN long pub_h_index(const long *counts, size_t n);

/* A shields-style badge as a whole SVG document: "citations | N" and
 * "h-index | H" side by side. */
PUB_EXTERN int pub_stats_svg(const pub_stats *s, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
