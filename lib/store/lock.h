/*
 * lock.h: the refresh lock (lock.c); the public calls are
 * pub_refresh_lock() and pub_refresh_unlock().
 */
#ifndef PUB_STORE_LOCK_H
#define PUB_STORE_LOCK_H

#include "pub.h"
#include "util/error.h"

/* Initial value of pub_db.refresh_fd: the lock is not held. */
#define PUB__LOCK_NONE (-1)

/* What every refresh starts and ends with: the caller's options of any
 * version (NULL: defaults) as a whole current struct, the caller's stats
 * version checked (PUB_EINVAL for an unknown one) and the counting done in
 * a current struct, copied out by the caller's version at the end.
 * pub__refresh_end returns `err`. */
typedef struct pub__refresh_call {
	pub_refresh_opts opts;
	pub_refresh_stats stats;
} pub__refresh_call;
int pub__refresh_begin(pub__refresh_call *c, const pub_refresh_opts *opts,
	const pub_refresh_stats *stats);
int pub__refresh_end(const pub__refresh_call *c, pub_refresh_stats *stats, int err);

/* The time max_age seconds ago as "YYYY-MM-DDTHH:MM:SSZ" (the form of
 * every `checked` column): items checked since are skipped.  "" when
 * max_age is 0 or less (nothing skipped). */
void pub__refresh_cutoff(char out[21], long max_age);

/* One message of a refresh through its callbacks: opts->warn (a problem)
 * when `warn`, else opts->on_change; nothing when that one is unset. */
void pub__refresh_say(const pub_refresh_opts *opts, int warn, const char *fmt, ...)
	PUB__PRINTF(3, 4);

#endif
