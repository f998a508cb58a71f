/*
 * session.c: the sync session of one command (session.h).
 */
#include "sync/session.h"

#include <string.h>

#include "pub.h"
#include "sync/record.h"

void pub__sync_open(pub__sync *s, pub_db *db)
{
	memset(s, 0, sizeof(*s));
	s->db = db;
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
		if ((err = pub__net_open(s->db, &s->http)) < 0)
			return err;
		pub__http_set_deadline(s->http, s->deadline_ms);
	}
	*out = s->http;
	return 0;
}
