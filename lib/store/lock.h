/*
 * lock.h: the refresh lock (lock.c); the public calls are
 * pub_refresh_lock() and pub_refresh_unlock().
 */
#ifndef PUB_STORE_LOCK_H
#define PUB_STORE_LOCK_H

#include "pub.h"

/* Initial value of pub_db.refresh_fd: the lock is not held. */
#define PUB__LOCK_NONE (-1)

/* What every refresh starts with: defaults for NULL opts and stats (in
 * `none` and `local`), the stats zeroed, and the options' version
 * checked (PUB_EINVAL for an unknown one). */
int pub__refresh_start(const pub_refresh_opts **opts, pub_refresh_opts *none,
	pub_refresh_stats **stats, pub_refresh_stats *local);

#endif
