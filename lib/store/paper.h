/*
 * paper.h: loading, listing and changing papers (paper.c).
 */
#ifndef PUB_STORE_PAPER_H
#define PUB_STORE_PAPER_H

#include <stdint.h>

#include "pub.h"

/* Ids of the matching papers in order; *ids is malloc'd. */
/* The caller's filter of any version (NULL: all papers) as a whole
 * current one; PUB_EINVAL for an unknown version. */
int pub__filter_in(pub_filter *full, const pub_filter *given);

int pub__paper_ids(int64_t **ids, size_t *n, pub_db *db,
	const pub_filter *f, int bibtex_order);

/* Loads everything about paper `id` (caller frees with pub_paper_free). */
int pub__paper_load(pub_paper **out, pub_db *db, int64_t id);

/* Sets a paper's `modified` time to now. */
int pub__paper_touch(pub_db *db, int64_t id);

#endif
