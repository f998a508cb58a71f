/*
 * s2_cache.h: Semantic Scholar's batch answers kept for one command
 * (s2_cache.c).
 */
#ifndef PUB_SYNC_S2_CACHE_H
#define PUB_SYNC_S2_CACHE_H

#include <stddef.h>

#include "pub.h"
#include "net/http.h"
#include "net/s2.h"

/* pub__s2_batch, remembering the answers on `db` for the rest of the
 * command: an id answered before (by an earlier refresh step) is not asked
 * again, so a plain `refresh` sends one batch for citations and venues.
 * out[i] is the caller's copy either way. */
int pub__s2_batch_cached(pub__s2_paper *out, pub_db *db, pub__http *h,
	const char *const *ids, size_t n);

#endif
