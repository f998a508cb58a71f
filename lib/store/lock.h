/*
 * lock.h: the refresh lock (lock.c); the public calls are
 * pub_refresh_lock() and pub_refresh_unlock().
 */
#ifndef PUB_STORE_LOCK_H
#define PUB_STORE_LOCK_H

#include "pub.h"

/* Initial value of pub_db.refresh_fd: the lock is not held. */
#define PUB__LOCK_NONE (-1)

#endif
