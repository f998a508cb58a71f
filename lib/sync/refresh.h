/*
 * refresh.h: the refresh steps as the sync layer runs them (refresh.c
 * runs them in order for pub_refresh()); each step file holds one.
 */
#ifndef PUB_SYNC_REFRESH_H
#define PUB_SYNC_REFRESH_H

#include "pub.h"
#include "sync/session.h"

/* One step on the session's client and caches; opts and stats are whole
 * current structs (pub__refresh_begin). */
int pub__refresh_step_arxiv(pub__sync *s, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);
int pub__refresh_step_citations(pub__sync *s, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);
int pub__refresh_step_venues(pub__sync *s, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);
int pub__refresh_step_stars(pub__sync *s, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);
int pub__refresh_step_profiles(pub__sync *s, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);
int pub__refresh_step_links(pub__sync *s, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);

/* A public pub_refresh_STEP(): the call's preamble, STEP in a session of
 * its own, the call's end. */
typedef int (*pub__refresh_step_fn)(pub__sync *s, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);
int pub__refresh_one(pub_db *db, const pub_refresh_opts *opts, pub_refresh_stats *stats,
	pub__refresh_step_fn step);

#endif
