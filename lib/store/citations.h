/*
 * citations.h: citation counts in the database (citations.c): one
 * function files a count from any source, with its daily history.
 */
#ifndef PUB_STORE_CITATIONS_H
#define PUB_STORE_CITATIONS_H

#include <stdint.h>

#include "pub.h"

/* Files `count` citations of paper `paper_id` from `source` ("openalex",
 * "crossref", "semanticscholar"), said at `checked` (ISO-8601 UTC; its
 * first 10 characters are the history's day): the latest count per paper
 * and source, and one history row per paper, source and day (a second
 * answer the same day replaces the first).  Every source goes through
 * here.  Returns 1 when the count is new or differs from the stored one
 * (*prev gets the old count, -1 when none; prev may be NULL), 0 when
 * unchanged, or an error.  Runs in the caller's transaction. */
int pub__citation_store(pub_db *db, int64_t paper_id, const char *source,
	int64_t count, const char *checked, long *prev);

/* The paper's latest counts, by source name (caller frees with
 * pub__citations_free). */
int pub__citations_load(pub_citation **out, size_t *n, pub_db *db, int64_t paper_id);
void pub__citations_free(pub_citation *c, size_t n);

/* The largest count of any source in c[0..n), -1 when n is 0. */
long pub__citations_best(const pub_citation *c, size_t n);

/* Papers with a DOI or an arXiv id whose count from `source` was checked
 * since `cutoff` (fresh 1) or not (fresh 0; cutoff NULL: none is fresh). */
int pub__citations_due_count(size_t *out, pub_db *db, const char *source,
	const char *cutoff, int fresh);

/* The next `limit` papers after id `after` that `source` should count (a
 * DOI or an arXiv id, not checked since `cutoff`), by id; strings valid
 * during the callback (doi or arxiv may be NULL, not both; `unknown` is
 * the paper's venue_lookups.unknown, the sources' negative answers, or
 * NULL). */
int pub__citations_due(pub_db *db, const char *source, int64_t after, const char *cutoff,
	size_t limit, int (*cb)(int64_t id, const char *key, const char *doi,
		const char *arxiv, const char *unknown, void *ctx), void *ctx);

/* Each paper's citation history as one line: per day, its largest count
 * of any source, papers by key (the chart of `citations --svg`). */
int pub__citations_best_by_day(pub_db *db,
	int (*cb)(const char *key, const char *day, long count, void *ctx), void *ctx);

#endif
