/*
 * unknown.h: negative answers remembered (unknown.c): a source that said
 * it does not know a paper ("semanticscholar", "dblp", "openalex",
 * "openreview") is not asked about it again for refresh.unknown_days
 * (default 30) days.  The days are stored per paper and source in
 * venue_lookups.unknown (store/venues.h: pub__venue_unknown_set); "needs
 * an account", a 429 or an unreachable service is never a negative
 * answer.  Setting refresh.unknown_days to 0 asks again every run.
 */
#ifndef PUB_SYNC_UNKNOWN_H
#define PUB_SYNC_UNKNOWN_H

#include "pub.h"

/* Days a negative answer holds when refresh.unknown_days is unset. */
#define PUB__UNKNOWN_DAYS 30

/* The first day whose negative answers still hold ("2026-11-07"), from
 * refresh.unknown_days; "" when it is 0 (none holds). */
int pub__unknown_since(char since[21], pub_db *db);

/* 1 when `unknown` (venue_lookups.unknown, JSON, or NULL) holds a negative
 * answer of `source` of day `since` or later. */
int pub__unknown_remembered(const char *unknown, const char *source, const char *since);

#endif
