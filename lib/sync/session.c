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

/* The services' rules.  Sources: docs/services.md ("Pacing"). */
const pub__pace_rule pub__pace_rules[] = {
	/* arXiv's Terms of Use: one request every three seconds, one
	 * connection at a time (kept across processes in the database) */
	{"arXiv", 3000, "PUB_ARXIV_INTERVAL_MS", 2, "1 request / 3 s"},
	/* no documented limit; a burst gets an HTML 429 page, and clients
	 * pause 5-7 s after one (volkm/bibtex-dblp#20) */
	{"DBLP", 3000, "PUB_DBLP_INTERVAL_MS", 2, "spaced 3 s, twice as slow after each 429"},
	/* 1 request/s with a key; the keyless pool answers 429 without
	 * Retry-After: each one halves the pace, and a 429 past the retries
	 * leaves it alone for the run */
	{"Semantic Scholar", 1000, "PUB_S2_INTERVAL_MS", 2, "1 request / s, slower after a 429"},
	/* the public pool: 5 requests/s, concurrency 1 */
	{"Crossref", 200, "PUB_CROSSREF_INTERVAL_MS", 2, "5 requests / s"},
	/* anonymous: 12 requests/s, bursts of 40 */
	{"ORCID", 100, "PUB_ORCID_INTERVAL_MS", 2, "12 requests / s"},
	/* 100 requests/s with a key; metered per day */
	{"OpenAlex", 10, "PUB_OPENALEX_INTERVAL_MS", 2, "100 requests / s (with its key)"},
	/* the primary limit is read from X-RateLimit-* (github.c) */
	{"GitHub", 0, NULL, 1, "5000 / h with a token, 60 / h without (headers)"},
	{"doi.org", 0, NULL, 2, "no published limit"},
	/* guests: about 20 requests a minute (net/openreview.c) */
	{"OpenReview", 3000, "PUB_OPENREVIEW_INTERVAL_MS", 2, "guests about 20 / min"},
	/* 500 requests per 5-minute window per IP (net/huggingface.c) */
	{"Hugging Face", 600, "PUB_HF_INTERVAL_MS", 2, "500 / 5 min"},
};
const size_t pub__pace_nrules = sizeof(pub__pace_rules) / sizeof(pub__pace_rules[0]);

const pub__pace_rule *pub__pace_rule_of(const char *service)
{
	size_t i;
	for (i = 0; service && i < pub__pace_nrules; i++)
		if (strcmp(pub__pace_rules[i].service, service) == 0)
			return &pub__pace_rules[i];
	return NULL;
}

void pub__sync_pacing(pub__http *h)
{
	int svc;
	for (svc = 0; svc < PUB__SVC_COUNT; svc++) {
		const pub__pace_rule *r = pub__pace_rule_of(pub__service_name((pub__service)svc));
		const char *v;
		long ms;
		char *end;
		if (!r)
			continue;
		ms = r->interval_ms;
		if (r->env && (v = getenv(r->env)) && *v) {
			long o = strtol(v, &end, 10);
			if (!*end && o >= 0 && o <= 600000)
				ms = o;
		}
		pub__http_set_pacing(h, (pub__service)svc, ms, r->slow_after_429);
	}
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
	pub__profile_cache_free(s->profiles);
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
		pub__sync_pacing(s->http);
		pub__http_set_pacing_hook(s->http, PUB__SVC_ARXIV, pace_get, pace_set, s->db);
		pub__http_set_deadline(s->http, s->deadline_ms);
	}
	*out = s->http;
	return 0;
}
