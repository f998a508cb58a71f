/*
 * session.h: one sync session per command (session.c): the database, one
 * HTTP client for every step (so each service's pacing holds across the
 * steps) and the caches the steps share (Semantic Scholar's batch answers:
 * citations asks, venues reuses; the owner's profile lists: venues asks,
 * profiles reuses).  Nothing outlives the command.
 */
#ifndef PUB_SYNC_SESSION_H
#define PUB_SYNC_SESSION_H

#include "pub.h"
#include "net/http.h"
#include "sync/s2_cache.h"
#include "sync/profile_cache.h"

typedef struct pub__sync {
	pub_db *db;
	pub__http *http;   /* made on first use (pub__sync_http) */
	pub__s2_cache *s2; /* made on first use (pub__s2_batch_cached) */
	pub__profile_cache *profiles; /* the owner's profile lists, made on
	                                 first use (pub__sync_profile) */
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

/* Each service's rules, in one place: the spacing of request starts, the
 * variable that overrides it (tests, the bench), the factor it grows by
 * after each 429 (1: none), and where the rule comes from
 * (docs/services.md says more).  `service` is the name the HTTP client
 * gives the service (pub__service_name()): a client's service is paced by
 * the entry of its name, so a client added later (OpenReview, Hugging
 * Face) finds its rule here. */
typedef struct pub__pace_rule {
	const char *service;   /* "DBLP", "Semantic Scholar", "OpenReview" ... */
	long interval_ms;      /* 0: not spaced */
	const char *env;       /* "PUB_DBLP_INTERVAL_MS" or NULL */
	int slow_after_429;    /* the interval's factor after a 429 */
	const char *rule;      /* the service's words, shortly */
} pub__pace_rule;

extern const pub__pace_rule pub__pace_rules[];
extern const size_t pub__pace_nrules;
/* The rule of a service by its name, or NULL. */
const pub__pace_rule *pub__pace_rule_of(const char *service);
/* Sets every service's pacing of `h` from the table (and its variable). */
void pub__sync_pacing(pub__http *h);

/* The session's client (arXiv's pacing kept in the database, the setting
 * arxiv_last_request), made on the first call; owned by the session.  No
 * other code makes one (lib_layers): every workflow asks through its
 * session's. */
int pub__sync_http(pub__http **out, pub__sync *s);

#endif
