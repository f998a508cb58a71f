/*
 * http.h: a small libcurl client (http.c): User-Agent, timeouts, size cap,
 * retries with backoff, per-service pacing, a parallel batch helper.
 *  - Create one pub__http per command (pub__http_new), free it at the end.
 *  - PUB_ENONET means "no network at all" (cron exit 75); PUB_ENET is any
 *    other network failure; both carry "Service: /path: what happened".
 */
#ifndef PUB_NET_HTTP_H
#define PUB_NET_HTTP_H

#include <stdint.h>

#include "pub.h"
#include "util/buf.h"

/* The services pubdb talks to.  Each has a base URL: the default (https
 * only) or the override from its environment variable, under which plain
 * http is also allowed (for the loopback replay server). */
typedef enum pub__service {
	PUB__SVC_ARXIV = 0, /* PUBDB_ARXIV_URL, https://export.arxiv.org */
	PUB__SVC_GITHUB,    /* PUBDB_GITHUB_URL, https://api.github.com */
	PUB__SVC_DOI,       /* PUBDB_DOI_URL, https://doi.org */
	PUB__SVC_CROSSREF,  /* PUBDB_CROSSREF_URL, https://api.crossref.org */
	PUB__SVC_DBLP,      /* PUBDB_DBLP_URL, https://dblp.org */
	PUB__SVC_S2,        /* PUBDB_S2_URL, https://api.semanticscholar.org */
	PUB__SVC_OPENALEX,  /* PUBDB_OPENALEX_URL, https://api.openalex.org */
	PUB__SVC_ORCID,     /* PUBDB_ORCID_URL, https://pub.orcid.org */
	PUB__SVC_HF,        /* PUBDB_HF_URL, https://huggingface.co */
	PUB__SVC_OPENREVIEW, /* PUBDB_OPENREVIEW_URL, https://api2.openreview.net */
	PUB__SVC_COUNT
} pub__service;

/* "arXiv", "GitHub", "doi.org", "Crossref", "DBLP", "Semantic Scholar",
 * "OpenAlex", "ORCID", "Hugging Face": the name used in messages. */
const char *pub__service_name(pub__service svc);

/* Response bodies larger than this fail with "response larger than 8 MiB". */
#define PUB__HTTP_MAX_BODY (8u * 1024 * 1024)
/* At most this many attempts per request (transport errors, 429, 5xx). */
#define PUB__HTTP_MAX_ATTEMPTS 4
/* Retries give up when the waiting would add up to more than this. */
#define PUB__HTTP_MAX_WAIT_MS (120 * 1000)
/* Each service's pacing (the spacing of request starts, the slowing after
 * a 429) is not set here: the sync layer's table of the services' rules
 * (sync/session.c, pub__sync_pacing()) sets it on every client it makes.
 * A client made alone paces only what PUB_ARXIV_INTERVAL_MS,
 * PUB_DBLP_INTERVAL_MS and PUB_S2_INTERVAL_MS say (tests). */
/* A service slowed after its 429s is never spaced more than this. */
#define PUB__HTTP_MAX_INTERVAL_MS (60 * 1000)

typedef struct pub__http pub__http;

/* libcurl's process-wide set-up (curl_global_init), once however many
 * threads ask (pthread_once); pub_init() calls it, and pub__http_new() for
 * programs that did not.  0, or PUB_ERROR when libcurl cannot start. */
int pub__net_init(void);

/* Creates the client (after pub__net_init()) and reads the
 * environment: base URLs, GITHUB_TOKEN (sent to GitHub as a bearer token),
 * S2_API_KEY (sent to Semantic Scholar as x-api-key), OPENALEX_API_KEY
 * (added to OpenAlex URLs as api_key=; messages name only the path, so it
 * is never shown), PUB_DBLP_INTERVAL_MS, PUB_S2_INTERVAL_MS, PUB_HTTP_TIMEOUT (total timeout in
 * seconds, default 60), PUB_HTTP_BACKOFF_MS (base retry delay, default 3000
 * for arXiv and 1000 otherwise), PUB_ARXIV_INTERVAL_MS.  Invalid override
 * URLs give PUB_EINVAL.  Free with pub__http_free (NULL-safe). */
int pub__http_new(pub__http **out);
void pub__http_free(pub__http *h);

/* The base URL of a service without a trailing slash (owned by h). */
const char *pub__http_base(const pub__http *h, pub__service svc);

/* A wait before a retry, as one line ("arXiv: HTTP 503 after 1 attempt;
 * trying again in 6 s (attempt 2 of 4)"), for a caller that shows
 * progress; the client itself prints nothing. */
typedef void (*pub__http_notice_fn)(const char *message, void *ctx);
void pub__http_set_notice(pub__http *h, pub__http_notice_fn fn, void *ctx);

/* Pacing across processes: before each request to `svc` the client waits
 * until max(in-process last start, get_last(ctx)) + interval, and after
 * starting it calls set_last(now, ctx).  Times are milliseconds since the
 * epoch; get_last returns 0 when unknown.  Only services with an interval
 * (arXiv, Crossref) are paced. */
typedef int64_t (*pub__pace_get_fn)(void *ctx);
typedef void (*pub__pace_set_fn)(int64_t ms, void *ctx);
void pub__http_set_pacing_hook(pub__http *h, pub__service svc,
	pub__pace_get_fn get_last, pub__pace_set_fn set_last, void *ctx);

/* The spacing of request starts to `svc` (0: none) and, when
 * `slow_after_429` is more than 1, the factor it grows by after a 429 the
 * service answers (once per interval, up to 8 times the interval set and
 * PUB__HTTP_MAX_INTERVAL_MS), for the rest of the client's life. */
void pub__http_set_pacing(pub__http *h, pub__service svc, int64_t interval_ms,
	int slow_after_429);
int64_t pub__http_interval(const pub__http *h, pub__service svc);

/* A service that answered 429 past the retries (or with a Retry-After
 * longer than the retries may wait) asked to be left alone: it is not asked
 * again before its Retry-After has passed, or, without one, for the rest of
 * the client's life.  Such a request fails at once, without being sent,
 * with PUB_ERATELIMIT and PUB__HTTP_HELD_MSG in its message.
 * pub__http_held() is 1 while `svc` is held. */
#define PUB__HTTP_HELD_MSG "not asked: it answered HTTP 429 earlier in this run"
int pub__http_held(const pub__http *h, pub__service svc);
/* Requests sent to `svc` so far by this client (attempts, retries
 * included), and the 429s it answered: for the bench and the notes. */
long pub__http_sent(const pub__http *h, pub__service svc);

/* Milliseconds since the epoch (the clock used for pacing). */
int64_t pub__http_now_ms(void);
/* Sleeps `ms` milliseconds (nothing when <= 0), resuming after a signal. */
void pub__http_sleep_ms(int64_t ms);

/* The run's deadline (milliseconds since the epoch; 0: none), set by the
 * sync session: every attempt's connect and transfer timeouts are capped
 * by what is left, pacing waits end at it, a retry whose wait would pass
 * it is not made ("HTTP 503 after 1 attempt (a retry in 30 s would pass
 * the time limit)"), and a request asked for after it fails at once with
 * PUB_ENET and PUB__HTTP_DEADLINE_MSG. */
#define PUB__HTTP_DEADLINE_MSG "stopped at the time limit"
void pub__http_set_deadline(pub__http *h, int64_t at_ms);
/* Milliseconds left before the deadline (INT64_MAX without one). */
int64_t pub__http_left_ms(const pub__http *h);
/* 1 once the deadline has passed. */
int pub__http_expired(const pub__http *h);
/* Sleeps `ms`, but not past the deadline; -1 when the deadline has come. */
int pub__http_wait(const pub__http *h, int64_t ms);

typedef struct pub__http_request {
	pub__service service;
	const char *method;  /* NULL or "GET"; "POST" sends body */
	const char *path;    /* appended to the base URL; starts with '/', may
	                        carry a query; already percent-encoded */
	const char *const *headers; /* NULL-terminated "Name: value" list or
	                        NULL.  Credentials are added by the client
	                        (GitHub's Authorization, Semantic Scholar's
	                        x-api-key, OpenAlex's api_key): never pass them */
	const char *body;    /* POST body (copied by libcurl) */
	size_t body_len;
	int no_retry;        /* a single attempt whatever happens; a 429 is then
	                        the caller's to judge (the service is not held) */
} pub__http_request;

/* Everything is owned by the response; free with pub__http_response_free
 * (it may be reused after that).  Headers are from the final response
 * except `location`, the last Location seen (e.g. GitHub's 301). */
typedef struct pub__http_response {
	long status;         /* final HTTP status, 0 when none was received */
	pub__buf body;       /* NUL-terminated, at most PUB__HTTP_MAX_BODY */
	char *etag;          /* verbatim, including W/ and quotes */
	char *location;
	char *retry_after;
	char *content_type;
	char *effective_url; /* after redirects */
	long ratelimit_remaining; /* X-RateLimit-Remaining, -1 when absent */
	int64_t ratelimit_reset;  /* X-RateLimit-Reset (epoch s), 0 when absent */
	int attempts;
	char *error;         /* copy of the error message when the call failed */
} pub__http_response;

#define PUB__HTTP_RESPONSE_INIT {0, PUB__BUF_INIT, NULL, NULL, NULL, NULL, NULL, -1, 0, 0, NULL}
void pub__http_response_free(pub__http_response *r);

/* Performs one request with pacing and retries.  Returns 0 whenever an HTTP
 * response arrived that is not a retryable failure: the caller judges the
 * status (200, 304, 404, 400 ...).  Returns PUB_ENET for transport errors,
 * retryable statuses that persisted ("HTTP 503 after 4 attempts"), timeouts
 * ("timed out after 60 s") and oversized bodies; PUB_ENONET when every
 * attempt failed to resolve or connect.  `res` is filled in any case. */
int pub__http_request_do(pub__http_response *res, pub__http *h,
	const pub__http_request *req);

/* Convenience GET of base+path with optional extra headers. */
int pub__http_get(pub__http_response *res, pub__http *h, pub__service svc,
	const char *path, const char *const *headers);

/* Runs n requests side by side over curl's multi interface, at most `jobs`
 * at a time (jobs 0 means 4), each with the same retry rules as
 * pub__http_request_do.  rcs[i] gets each request's result and res[i] its
 * response (res[i].error holds its message).  Returns 0, or the first
 * negative rcs[i] (PUB_ENONET only when all of them had no network). */
int pub__http_batch(pub__http_response *res, int *rcs, pub__http *h,
	const pub__http_request *reqs, size_t n, unsigned jobs);

/* The usual batch of a JSON service: a GET of each of `paths` from `svc`
 * with "Accept: application/json", through pub__http_batch() (res[i]
 * initialised here).  Returns what pub__http_batch() returns. */
int pub__http_get_json_batch(pub__http_response *res, int *rcs, pub__http *h,
	pub__service svc, char *const *paths, size_t n, unsigned jobs);
/* The batch's own result once its items are read: PUB_ERATELIMIT when one
 * was still rate-limited (`limited`), PUB_ENONET with the first item's
 * message when nothing could be reached (`err` from the batch), else 0
 * (single failures are the items' own). */
int pub__http_batch_result(pub__service svc, int err, int limited, const char *first_error);

#endif
