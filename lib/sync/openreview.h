/*
 * openreview.h: decisions from OpenReview (openreview.c): the refresh
 * step, and the same for the papers a profile import just stored.
 */
#ifndef PUB_SYNC_OPENREVIEW_H
#define PUB_SYNC_OPENREVIEW_H

#include "pub.h"
#include "net/http.h"
#include "sync/session.h"

/* Looks up the papers without a decision (only_new: those never looked
 * up, whatever opts->max_age) on client h and stores what OpenReview
 * decided: the decision, the badge (never over the owner's), the
 * acceptance's news item dated by the decision day. */
int pub__openreview_decide(pub_db *db, pub__http *h, const pub_refresh_opts *opts,
	pub_refresh_stats *stats, int only_new);

int pub__refresh_step_openreview(pub__sync *s, const pub_refresh_opts *opts,
	pub_refresh_stats *stats);

#endif
