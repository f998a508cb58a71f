/*
 * session.c: the sync session of one command (session.h): the one place
 * libpub makes an HTTP client, with arXiv's pacing kept in the database.
 */
#include "sync/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pub.h"
#include "util/error.h"
#include "store/db.h"

/* The settings key holding arXiv's last request start (ms since the epoch),
 * so separate pubdb processes keep arXiv's pacing together. */
#define ARXIV_LAST_KEY "arxiv_last_request"

static int64_t pace_get(void *ctx)
{
	char *v = NULL;
	int64_t ms = 0;
	if (pub_config_get(&v, ctx, ARXIV_LAST_KEY) == 0 && v)
		ms = strtoll(v, NULL, 10);
	free(v);
	pub_error_clear();
	return ms;
}

/* Written outside any transaction, so a failed command still remembers
 * that it asked. */
static void pace_set(int64_t ms, void *ctx)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%lld", (long long)ms);
	/* Best effort: a locked database must not fail the request. */
	pub__config_write(ctx, ARXIV_LAST_KEY, buf);
	pub_error_clear();
}

void pub__sync_open(pub__sync *s, pub_db *db)
{
	memset(s, 0, sizeof(*s));
	s->db = db;
	s->started_ms = pub__http_now_ms();
}

void pub__sync_close(pub__sync *s)
{
	pub__http_free(s->http);
	pub__s2_cache_free(s->s2);
	memset(s, 0, sizeof(*s));
}

void pub__sync_set_limit(pub__sync *s, long max_time_ms)
{
	s->deadline_ms = max_time_ms > 0 ? pub__http_now_ms() + max_time_ms : 0;
	if (s->http)
		pub__http_set_deadline(s->http, s->deadline_ms);
}

int pub__sync_expired(const pub__sync *s)
{
	return s->deadline_ms && pub__http_now_ms() >= s->deadline_ms;
}

int pub__sync_http(pub__http **out, pub__sync *s)
{
	int err;
	if (!s->http) {
		if ((err = pub__http_new(&s->http)) < 0)
			return err;
		pub__http_set_pacing_hook(s->http, PUB__SVC_ARXIV, pace_get, pace_set, s->db);
		pub__http_set_deadline(s->http, s->deadline_ms);
	}
	*out = s->http;
	return 0;
}
