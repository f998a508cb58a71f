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

/* Semantic Scholar's answers by id, for one sync session. */
typedef struct pub__s2_cache pub__s2_cache;
void pub__s2_cache_free(pub__s2_cache *c);

/* pub__s2_batch, remembering the answers in `*cache` (made on first use)
 * for the rest of the session: an id answered before (by an earlier
 * refresh step) is not asked again, so a plain `refresh` sends one batch
 * for citations and venues.  out[i] is the caller's copy either way. */
int pub__s2_batch_cached(pub__s2_paper *out, pub__s2_cache **cache, pub__http *h,
	const char *const *ids, size_t n);

#endif
