/*
 * session.h: one sync session per command (session.c): the database, one
 * HTTP client for every step (so each service's pacing holds across the
 * steps) and the caches the steps share (Semantic Scholar's batch answers:
 * citations asks, venues reuses).  Nothing outlives the command.
 */
#ifndef PUB_SYNC_SESSION_H
#define PUB_SYNC_SESSION_H

#include "pub.h"
#include "net/http.h"
#include "sync/s2_cache.h"

typedef struct pub__sync {
	pub_db *db;
	pub__http *http;   /* made on first use (pub__sync_http) */
	pub__s2_cache *s2; /* made on first use (pub__s2_batch_cached) */
	int64_t started_ms;  /* when the session opened (epoch ms) */
	int64_t deadline_ms; /* the run's end (epoch ms), 0: none */
} pub__sync;

void pub__sync_open(pub__sync *s, pub_db *db);
/* Frees the client and the caches; the database stays open. */
void pub__sync_close(pub__sync *s);

/* The run's time limit: `max_time_ms` from now (<= 0: none); the client
 * (now or when made) holds every request to it. */
void pub__sync_set_limit(pub__sync *s, long max_time_ms);
/* 1 once the time limit has passed. */
int pub__sync_expired(const pub__sync *s);

/* The session's client (arXiv's pacing kept in the database, the setting
 * arxiv_last_request), made on the first call; owned by the session.  No
 * other code makes one (lib_layers): every workflow asks through its
 * session's. */
int pub__sync_http(pub__http **out, pub__sync *s);

#endif
