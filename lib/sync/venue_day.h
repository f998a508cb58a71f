/*
 * venue_day.h: the day an acceptance found by the venues step happened,
 * from the source that gives one (venue_day.c).
 */
#ifndef PUB_SYNC_VENUE_DAY_H
#define PUB_SYNC_VENUE_DAY_H

#include "sync/session.h"
#include "sync/venues.h"

/* Sets p->match.day for the venue event of the version p->match names:
 * Crossref's published date of its DOI (the version's, else the paper's
 * own; not an arXiv DOI), asked once through the session's client and
 * pacing, never later than the badge's year (a later date: none) nor
 * than today.  No DOI, no answer, a deadline passed or Crossref held:
 * the day stays empty and the event is dated as before (the venue's year
 * at the latest).  Never fails: the badge matters more than its day. */
void pub__vmatch_day(pub__vpaper *p, pub__sync *s);

#endif
