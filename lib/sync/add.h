/*
 * add.h: `pubdb add` by identifier (add.c) and by profile (add_profiles.c)
 * inside a sync session, which pub_add_ids(), pub_add_profiles() and
 * pub_add() open.  opts and stats are whole current structs.
 */
#ifndef PUB_SYNC_ADD_H
#define PUB_SYNC_ADD_H

#include "pub.h"
#include "sync/session.h"

int pub__add_ids(pub__sync *s, const char *const *ids, size_t n,
	const pub_import_opts *opts, pub_import_stats *stats);
int pub__add_profiles(pub__sync *s, const char *const *ids, size_t n,
	const pub_import_opts *opts, pub_import_stats *stats);

#endif
