/*
 * http.c: the libcurl client under pubdb's network features (see http.h):
 * one place for the User-Agent, timeouts, the body cap, redirects and
 * protocol limits, retries with backoff, per-service pacing and the
 * parallel batch helper.
 */
#include "net/http.h"
#include "net/http_util.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <ctype.h>
#include <curl/curl.h>
#include <errno.h>
#include <pthread.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define USER_AGENT "pubdb/" PUB_VERSION " (+https://github.com/pubdb/pubdb)"

static const struct {
	const char *name, *env, *def;
} services[PUB__SVC_COUNT] = {
	{"arXiv", "PUBDB_ARXIV_URL", "https://export.arxiv.org"},
	{"GitHub", "PUBDB_GITHUB_URL", "https://api.github.com"},
	{"doi.org", "PUBDB_DOI_URL", "https://doi.org"},
	{"Crossref", "PUBDB_CROSSREF_URL", "https://api.crossref.org"},
	{"DBLP", "PUBDB_DBLP_URL", "https://dblp.org"},
	{"Semantic Scholar", "PUBDB_S2_URL", "https://api.semanticscholar.org"},
	{"OpenAlex", "PUBDB_OPENALEX_URL", "https://api.openalex.org"},
	{"ORCID", "PUBDB_ORCID_URL", "https://pub.orcid.org"},
	{"Hugging Face", "PUBDB_HF_URL", "https://huggingface.co"},
	{"OpenReview", "PUBDB_OPENREVIEW_URL", "https://api2.openreview.net"},
};

typedef struct pacer {
	int64_t interval_ms;
	int slow_after_429; /* the interval's factor after a 429 (<= 1: none) */
	int64_t base_ms;    /* the interval as set */
	int64_t slowed_at;  /* the last slowing */
	int64_t last_ms;
	int64_t held_until; /* asked to be left alone until (ms; INT64_MAX: the run) */
	long sent;          /* attempts sent */
	pub__pace_get_fn get_last;
	pub__pace_set_fn set_last;
	void *ctx;
} pacer;

struct pub__http {
	CURL *easy; /* reused by single requests so connections stay open */
	char *base[PUB__SVC_COUNT];
	int allow_http[PUB__SVC_COUNT];
	pacer pace[PUB__SVC_COUNT];
	char *auth; /* "Authorization: Bearer …"; never logged */
	char *s2_key; /* "x-api-key: …" for Semantic Scholar; never logged */
	char *openalex_key; /* "api_key=…" (percent-encoded); never logged */
	long timeout_ms;
	long backoff_ms; /* 0: per-service default */
	unsigned seed;
	pub__http_notice_fn notice; /* told about each wait before a retry */
	void *notice_ctx;
	int64_t deadline_ms; /* the run's end (pub__http_set_deadline), 0: none */
};

/* One request in flight, across its attempts. */
typedef struct xfer {
	const pub__http_request *req;
	pub__http_response *res;
	CURL *easy;
	struct curl_slist *hdrs;
	char *url;
	char errbuf[CURL_ERROR_SIZE];
	int too_big;
	int nonet;        /* every attempt so far failed without network */
	int64_t waited_ms;
	int64_t next_at;  /* batch: earliest start of the next attempt */
	int done, rc;
} xfer;

const char *pub__service_name(pub__service svc)
{
	return svc < PUB__SVC_COUNT ? services[svc].name : "network";
}

void pub__http_set_deadline(pub__http *h, int64_t at_ms)
{
	h->deadline_ms = at_ms;
}

int64_t pub__http_left_ms(const pub__http *h)
{
	int64_t left;
	if (!h->deadline_ms)
		return INT64_MAX;
	left = h->deadline_ms - pub__http_now_ms();
	return left > 0 ? left : 0;
}

int pub__http_expired(const pub__http *h)
{
	return h->deadline_ms && pub__http_left_ms(h) <= 0;
}

int pub__http_wait(const pub__http *h, int64_t ms)
{
	int64_t left = pub__http_left_ms(h);
	pub__http_sleep_ms(ms < left ? ms : left);
	return pub__http_expired(h) ? -1 : 0;
}

int pub__http_new(pub__http **out)
{
	pub__http *h;
	const char *tok;
	int i;

	*out = NULL;
	if (pub__net_init() < 0)
		return PUB_ERROR;
	h = pub__calloc(1, sizeof(*h));
	for (i = 0; i < PUB__SVC_COUNT; i++) {
		const char *v = getenv(services[i].env);
		size_t n;
		if (v && *v) {
			if (strncmp(v, "https://", 8) && strncmp(v, "http://", 7)) {
				pub__http_free(h);
				return pub__error(PUB_EINVAL,
					"%s must be an http:// or https:// URL: '%s'",
					services[i].env, v);
			}
			h->allow_http[i] = 1;
		} else {
			v = services[i].def;
		}
		n = strlen(v);
		while (n && v[n - 1] == '/')
			n--;
		h->base[i] = pub__strndup(v, n);
	}
	/* the services' own rules are the sync layer's (sync/session.c) */
	h->pace[PUB__SVC_ARXIV].interval_ms = pub__env_long("PUB_ARXIV_INTERVAL_MS", 0, 0, 600000);
	h->pace[PUB__SVC_DBLP].interval_ms = pub__env_long("PUB_DBLP_INTERVAL_MS", 0, 0, 600000);
	h->pace[PUB__SVC_S2].interval_ms = pub__env_long("PUB_S2_INTERVAL_MS", 0, 0, 600000);
	h->timeout_ms = 60000L;
	{
		/* seconds, fractions allowed (tests use short ones) */
		const char *s = getenv("PUB_HTTP_TIMEOUT");
		char *end;
		double v = s && *s ? strtod(s, &end) : 0;
		if (v > 0 && v <= 3600 && !*end)
			h->timeout_ms = (long)(v * 1000);
	}
	h->backoff_ms = pub__env_long("PUB_HTTP_BACKOFF_MS", 0, 0, 600000);
	if ((tok = getenv("GITHUB_TOKEN")) && *tok)
		h->auth = pub__sprintf("Authorization: Bearer %s", tok);
	if ((tok = getenv("S2_API_KEY")) && *tok)
		h->s2_key = pub__sprintf("x-api-key: %s", tok);
	if ((tok = getenv("OPENALEX_API_KEY")) && *tok) {
		char *enc = curl_easy_escape(NULL, tok, 0);
		if (enc) {
			h->openalex_key = pub__sprintf("api_key=%s", enc);
			curl_free(enc);
		}
	}
	h->seed = (unsigned)pub__http_now_ms() ^ (unsigned)(uintptr_t)h;
	*out = h;
	return 0;
}

void pub__http_free(pub__http *h)
{
	int i;
	if (!h)
		return;
	if (h->easy)
		curl_easy_cleanup(h->easy);
	for (i = 0; i < PUB__SVC_COUNT; i++)
		free(h->base[i]);
	if (h->s2_key) {
		memset(h->s2_key, 0, strlen(h->s2_key));
		free(h->s2_key);
	}
	if (h->openalex_key) {
		memset(h->openalex_key, 0, strlen(h->openalex_key));
		free(h->openalex_key);
	}
	if (h->auth) {
		memset(h->auth, 0, strlen(h->auth));
		free(h->auth);
	}
	free(h);
}

const char *pub__http_base(const pub__http *h, pub__service svc)
{
	return h->base[svc];
}

void pub__http_set_notice(pub__http *h, pub__http_notice_fn fn, void *ctx)
{
	h->notice = fn;
	h->notice_ctx = ctx;
}

void pub__http_set_pacing_hook(pub__http *h, pub__service svc,
	pub__pace_get_fn get_last, pub__pace_set_fn set_last, void *ctx)
{
	h->pace[svc].get_last = get_last;
	h->pace[svc].set_last = set_last;
	h->pace[svc].ctx = ctx;
}

void pub__http_set_pacing(pub__http *h, pub__service svc, int64_t interval_ms,
	int slow_after_429)
{
	h->pace[svc].interval_ms = h->pace[svc].base_ms = interval_ms > 0 ? interval_ms : 0;
	h->pace[svc].slow_after_429 = slow_after_429;
}

int64_t pub__http_interval(const pub__http *h, pub__service svc)
{
	return h->pace[svc].interval_ms;
}

int pub__http_held(const pub__http *h, pub__service svc)
{
	return h->pace[svc].held_until && pub__http_now_ms() < h->pace[svc].held_until;
}

long pub__http_sent(const pub__http *h, pub__service svc)
{
	return h->pace[svc].sent;
}

/* A 429: the service slows down (its rule), and when this was the last
 * try it is left alone until its Retry-After, or for the rest of the run. */
static void saw_429(pub__http *h, pub__service svc, int64_t retry_after, int last)
{
	pacer *p = &h->pace[svc];
	/* slower at most once per interval (parallel requests answered 429
	 * together are one signal), and at most 8 times the rule's pace;
	 * unpaced (tests) stays so */
	if (p->slow_after_429 > 1 && p->interval_ms > 0 &&
	    pub__http_now_ms() - p->slowed_at >= p->interval_ms) {
		int64_t d = p->interval_ms * p->slow_after_429, cap = p->base_ms * 8;
		if (cap > PUB__HTTP_MAX_INTERVAL_MS)
			cap = PUB__HTTP_MAX_INTERVAL_MS;
		p->interval_ms = d < cap ? d : cap > p->interval_ms ? cap : p->interval_ms;
		p->slowed_at = pub__http_now_ms();
	}
	if (last)
		p->held_until = retry_after >= 0 ? pub__http_now_ms() + retry_after : INT64_MAX;
}

/* Waits until the service's interval since the last request start is over
 * and records this start. */
static void pace(pub__http *h, pub__service svc)
{
	pacer *p = &h->pace[svc];
	int64_t last = p->last_ms, now;
	if (p->interval_ms <= 0)
		return;
	if (p->get_last) {
		int64_t other = p->get_last(p->ctx);
		if (other > last)
			last = other;
	}
	now = pub__http_now_ms();
	if (last && last + p->interval_ms > now) {
		pub__http_wait(h, last + p->interval_ms - now);
		now = pub__http_now_ms();
	}
	p->last_ms = now;
	if (p->set_last)
		p->set_last(now, p->ctx);
}

void pub__http_response_free(pub__http_response *r)
{
	if (!r)
		return;
	pub__buf_free(&r->body);
	free(r->etag);
	free(r->location);
	free(r->retry_after);
	free(r->content_type);
	free(r->effective_url);
	free(r->error);
	memset(r, 0, sizeof(*r));
	r->ratelimit_remaining = -1;
}

static void reset_headers(pub__http_response *r)
{
	free(r->etag);
	free(r->retry_after);
	free(r->content_type);
	r->etag = r->retry_after = r->content_type = NULL;
	r->ratelimit_remaining = -1;
	r->ratelimit_reset = 0;
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *ctx)
{
	xfer *x = ctx;
	size_t n = size * nmemb;
	if (pub__buf_put(&x->res->body, data, n) < 0) {
		x->too_big = 1;
		return 0; /* aborts the transfer with CURLE_WRITE_ERROR */
	}
	return n;
}

static void set_str(char **slot, char *v)
{
	if (v) {
		free(*slot);
		*slot = v;
	}
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *ctx)
{
	xfer *x = ctx;
	pub__http_response *r = x->res;
	size_t n = size * nmemb;
	char *v;
	if (n >= 5 && !strncmp(data, "HTTP/", 5)) {
		reset_headers(r); /* a new response after a redirect or 100 */
		return n;
	}
	set_str(&r->etag, pub__http_header_value(data, n, "ETag"));
	set_str(&r->location, pub__http_header_value(data, n, "Location"));
	set_str(&r->retry_after, pub__http_header_value(data, n, "Retry-After"));
	/* a 429 without Retry-After that says when its window resets
	 * (Hugging Face: RateLimit "api";r=0;t=55) waits that long */
	if (!r->retry_after && (v = pub__http_header_value(data, n, "RateLimit"))) {
		int64_t ms = pub__http_ratelimit_wait_ms(v);
		free(v);
		if (ms >= 0)
			r->retry_after = pub__sprintf("%lld", (long long)(ms / 1000));
	}
	set_str(&r->content_type, pub__http_header_value(data, n, "Content-Type"));
	if ((v = pub__http_header_value(data, n, "X-RateLimit-Remaining"))) {
		r->ratelimit_remaining = strtol(v, NULL, 10);
		free(v);
	}
	if ((v = pub__http_header_value(data, n, "X-RateLimit-Reset"))) {
		r->ratelimit_reset = strtoll(v, NULL, 10);
		free(v);
	}
	return n;
}

/* Prepares x->easy for the next attempt; returns 0 or PUB_ERROR. */
static int xfer_setup(pub__http *h, xfer *x)
{
	const pub__http_request *q = x->req;
	const char *const *hp;
	const char *protos = h->allow_http[q->service] ? "http,https" : "https";
	long low_time = h->timeout_ms / 1000 < 20 ? h->timeout_ms / 1000 : 20;
	CURL *e = x->easy;

	pub__buf_clear(&x->res->body);
	reset_headers(x->res);
	x->res->body.limit = PUB__HTTP_MAX_BODY;
	x->res->status = 0;
	x->too_big = 0;
	x->errbuf[0] = '\0';
	if (!x->url) {
		if (q->service == PUB__SVC_OPENALEX && h->openalex_key)
			x->url = pub__sprintf("%s%s%c%s", h->base[q->service], q->path,
				strchr(q->path, '?') ? '&' : '?', h->openalex_key);
		else
			x->url = pub__sprintf("%s%s", h->base[q->service], q->path);
	}
	if (!x->hdrs) {
		for (hp = q->headers; hp && *hp; hp++)
			x->hdrs = curl_slist_append(x->hdrs, *hp);
		if (q->service == PUB__SVC_GITHUB && h->auth)
			x->hdrs = curl_slist_append(x->hdrs, h->auth);
		if (q->service == PUB__SVC_S2 && h->s2_key)
			x->hdrs = curl_slist_append(x->hdrs, h->s2_key);
		x->hdrs = curl_slist_append(x->hdrs, "Expect:");
	}
	curl_easy_reset(e);
	h->pace[q->service].sent++;
	if (curl_easy_setopt(e, CURLOPT_URL, x->url) != CURLE_OK ||
	    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, protos) != CURLE_OK ||
	    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, protos) != CURLE_OK)
		return pub__error(PUB_ERROR, "%s: cannot set up request for %s",
			services[q->service].name, q->path);
	curl_easy_setopt(e, CURLOPT_USERAGENT, USER_AGENT);
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->hdrs);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	{
		/* no attempt outlives the run's deadline */
		int64_t left = pub__http_left_ms(h);
		long total = left < h->timeout_ms ? (long)(left > 0 ? left : 1) : h->timeout_ms;
		curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, total < 10000 ? total : 10000L);
		curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, total);
	}
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, low_time > 0 ? low_time : 1L);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	if (q->method && !strcmp(q->method, "POST")) {
		curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, (long)q->body_len);
		curl_easy_setopt(e, CURLOPT_COPYPOSTFIELDS, q->body ? q->body : "");
	}
	return 0;
}

static int retryable_status(long s)
{
	return s == 429 || s == 500 || s == 502 || s == 503 || s == 504;
}

static int nonet_code(CURLcode c)
{
	return c == CURLE_COULDNT_RESOLVE_HOST || c == CURLE_COULDNT_RESOLVE_PROXY ||
		c == CURLE_COULDNT_CONNECT;
}

/* What can recover by itself: a name that does not resolve or a refused
 * connection answers the same a second later, so those fail at once. */
static int retryable_code(CURLcode c)
{
	return c == CURLE_OPERATION_TIMEDOUT ||
		c == CURLE_RECV_ERROR || c == CURLE_SEND_ERROR ||
		c == CURLE_GOT_NOTHING || c == CURLE_PARTIAL_FILE ||
		c == CURLE_HTTP2 || c == CURLE_HTTP2_STREAM;
}

static int64_t backoff_ms(pub__http *h, const xfer *x)
{
	int64_t base = h->backoff_ms ? h->backoff_ms :
		(x->req->service == PUB__SVC_ARXIV ? 3000 : 1000);
	int64_t d = base << (x->res->attempts - 1 < 6 ? x->res->attempts - 1 : 6);
	if (d > 60000)
		d = 60000;
	return d + (int64_t)(rand_r(&h->seed) % (base / 2 + 1)); /* jitter */
}

static int fail(xfer *x, int code, const char *what)
{
	const pub__http_request *q = x->req;
	pub__buf m = PUB__BUF_INIT;
	pub__buf_printf(&m, "%s: %s: %s", services[q->service].name, q->path, what);
	x->rc = pub__error(code, "%s", m.ptr);
	free(x->res->error);
	x->res->error = pub__buf_detach(&m);
	x->done = 1;
	return x->rc;
}

/* No network: "arXiv is unreachable: could not resolve export.arxiv.org"
 * or "... connection refused (127.0.0.1:8080)", without the request path,
 * which says nothing to a user who is offline. */
static void fail_unreachable(xfer *x, CURLcode cc)
{
	const char *svc = services[x->req->service].name;
	char *host = NULL, *port = NULL, *ip = NULL, what[512];
	long os_errno = 0, pport = 0;
	CURLU *u = curl_url();
	if (u && curl_url_set(u, CURLUPART_URL, x->url, 0) == CURLUE_OK) {
		curl_url_get(u, CURLUPART_HOST, &host, 0);
		curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
	}
	curl_easy_getinfo(x->easy, CURLINFO_OS_ERRNO, &os_errno);
	if (curl_easy_getinfo(x->easy, CURLINFO_PRIMARY_IP, &ip) != CURLE_OK || !ip || !*ip)
		ip = host;
	if (curl_easy_getinfo(x->easy, CURLINFO_PRIMARY_PORT, &pport) != CURLE_OK)
		pport = 0;
	if (cc == CURLE_COULDNT_RESOLVE_PROXY)
		snprintf(what, sizeof(what), "could not resolve the proxy");
	else if (cc == CURLE_COULDNT_RESOLVE_HOST)
		snprintf(what, sizeof(what), "could not resolve %s", host ? host : x->url);
	else if (pport > 0)
		snprintf(what, sizeof(what), "%s (%s:%ld)",
			os_errno == ECONNREFUSED || os_errno == 0 ? "connection refused" :
			strerror((int)os_errno), ip ? ip : "?", pport);
	else
		snprintf(what, sizeof(what), "%s (%s:%s)",
			os_errno == ECONNREFUSED || os_errno == 0 ? "connection refused" :
			strerror((int)os_errno), ip ? ip : "?", port ? port : "?");
	if (what[0] && what[1] && strncmp(what, "connection", 10) != 0 &&
		strncmp(what, "could", 5) != 0)
		what[0] = (char)tolower((unsigned char)what[0]); /* strerror's capital */
	x->rc = pub__error(PUB_ENONET, "%s is unreachable: %s", svc, what);
	free(x->res->error);
	x->res->error = pub__strdup(pub_error_last());
	x->done = 1;
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
}

/* Judges a finished attempt: sets x->done/x->rc, or x->next_at for a retry. */
static void xfer_finish(pub__http *h, xfer *x, CURLcode cc)
{
	pub__http_response *r = x->res;
	const pub__http_request *q = x->req;
	char what[512];
	int64_t wait = -1, asked;
	int retry = 0;
	char *eff = NULL;

	r->attempts++;
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &r->status);
	if (curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL, &eff) == CURLE_OK && eff) {
		char *key;
		free(r->effective_url);
		r->effective_url = pub__strdup(eff);
		/* the key is ours, not the answer's: no caller ever sees it */
		if (h->openalex_key && (key = strstr(r->effective_url, h->openalex_key)))
			key[key > r->effective_url ? -1 : 0] = '\0';
	}
	if (!nonet_code(cc))
		x->nonet = 0;
	if (cc != CURLE_OK && pub__http_expired(h)) {
		x->nonet = 0;
		fail(x, PUB_ENET, PUB__HTTP_DEADLINE_MSG);
		return;
	}
	if (x->too_big) {
		snprintf(what, sizeof(what), "response larger than %u MiB",
			PUB__HTTP_MAX_BODY / (1024 * 1024));
		fail(x, PUB_ENET, what);
		return;
	}
	if (cc == CURLE_OK) {
		if (!retryable_status(r->status)) {
			x->done = 1;
			x->rc = 0;
			return;
		}
		retry = 1;
		wait = pub__http_retry_after_ms(r->retry_after);
		snprintf(what, sizeof(what), "HTTP %ld after %d attempt%s", r->status,
			r->attempts, r->attempts == 1 ? "" : "s");
	} else if (cc == CURLE_OPERATION_TIMEDOUT) {
		retry = 1;
		if (h->timeout_ms % 1000)
			snprintf(what, sizeof(what), "timed out after %.1f s",
				h->timeout_ms / 1000.0);
		else
			snprintf(what, sizeof(what), "timed out after %ld s",
				h->timeout_ms / 1000);
		if (r->attempts > 1)
			snprintf(what + strlen(what), sizeof(what) - strlen(what),
				" (%d attempts)", r->attempts);
	} else {
		retry = retryable_code(cc);
		snprintf(what, sizeof(what), "%s", x->errbuf[0] ? x->errbuf :
			curl_easy_strerror(cc));
		if (r->attempts > 1)
			snprintf(what + strlen(what), sizeof(what) - strlen(what),
				" (%d attempts)", r->attempts);
	}
	if (x->nonet && nonet_code(cc)) {
		fail_unreachable(x, cc);
		return;
	}
	if (!retry || q->no_retry || r->attempts >= PUB__HTTP_MAX_ATTEMPTS) {
		/* a caller that judges its own limits (GitHub's) is not held */
		if (cc == CURLE_OK && r->status == 429)
			saw_429(h, q->service, wait, !q->no_retry);
		fail(x, x->nonet ? PUB_ENONET : PUB_ENET, what);
		return;
	}
	asked = wait;
	if (wait < 0)
		wait = backoff_ms(h, x);
	if (cc == CURLE_OK && r->status == 429)
		saw_429(h, q->service, asked, wait >= pub__http_left_ms(h) ||
			x->waited_ms + wait > PUB__HTTP_MAX_WAIT_MS);
	if (wait >= pub__http_left_ms(h)) {
		/* no use waiting: the item fails now, the run goes on */
		char more[600];
		snprintf(more, sizeof(more), "%s (a retry in %lld s would pass the time limit)",
			what, (long long)((wait + 999) / 1000));
		fail(x, PUB_ENET, more);
		return;
	}
	if (x->waited_ms + wait > PUB__HTTP_MAX_WAIT_MS) {
		char more[600];
		snprintf(more, sizeof(more), "%s (retry would wait %lld s)", what,
			(long long)(wait / 1000));
		fail(x, x->nonet ? PUB_ENONET : PUB_ENET, more);
		return;
	}
	x->waited_ms += wait;
	x->next_at = pub__http_now_ms() + wait;
	if (h->notice) {
		char note[700];
		snprintf(note, sizeof(note), "%s: %s; trying again in %lld s (attempt %d of %d)",
			services[q->service].name, what, (long long)((wait + 999) / 1000),
			r->attempts + 1, PUB__HTTP_MAX_ATTEMPTS);
		h->notice(note, h->notice_ctx);
	}
}

static void xfer_cleanup(xfer *x)
{
	curl_slist_free_all(x->hdrs);
	free(x->url);
	x->hdrs = NULL;
	x->url = NULL;
}

int pub__http_request_do(pub__http_response *res, pub__http *h,
	const pub__http_request *req)
{
	xfer x;
	int err;

	memset(&x, 0, sizeof(x));
	x.req = req;
	x.res = res;
	x.nonet = 1;
	res->attempts = 0;
	free(res->error);
	res->error = NULL;
	if (!h->easy && !(h->easy = curl_easy_init()))
		return pub__error(PUB_ERROR, "cannot initialise libcurl");
	x.easy = h->easy;
	while (!x.done) {
		CURLcode cc;
		if (x.next_at)
			pub__http_wait(h, x.next_at - pub__http_now_ms());
		if (pub__http_held(h, req->service)) {
			fail(&x, PUB_ERATELIMIT, PUB__HTTP_HELD_MSG);
			break;
		}
		pace(h, req->service);
		if (pub__http_expired(h)) {
			fail(&x, PUB_ENET, PUB__HTTP_DEADLINE_MSG);
			break;
		}
		if ((err = xfer_setup(h, &x)) < 0) {
			xfer_cleanup(&x);
			return err;
		}
		cc = curl_easy_perform(x.easy);
		xfer_finish(h, &x, cc);
	}
	xfer_cleanup(&x);
	if (x.rc < 0) /* the message may have been overwritten meanwhile */
		pub__error(x.rc, "%s", res->error);
	return x.rc;
}

int pub__http_get(pub__http_response *res, pub__http *h, pub__service svc,
	const char *path, const char *const *headers)
{
	pub__http_request q;
	memset(&q, 0, sizeof(q));
	q.service = svc;
	q.path = path;
	q.headers = headers;
	return pub__http_request_do(res, h, &q);
}

int pub__http_batch(pub__http_response *res, int *rcs, pub__http *h,
	const pub__http_request *reqs, size_t n, unsigned jobs)
{
	CURLM *m = NULL;
	xfer *xs = NULL;
	size_t i, ndone = 0, active = 0;
	int err = 0, all_nonet = 1;

	if (!n)
		return 0;
	if (!jobs)
		jobs = 4;
	if (!(m = curl_multi_init()))
		return pub__error(PUB_ERROR, "cannot initialise libcurl");
	curl_multi_setopt(m, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)jobs);
	xs = pub__calloc(n, sizeof(*xs));
	for (i = 0; i < n; i++) {
		xs[i].req = &reqs[i];
		xs[i].res = &res[i];
		xs[i].nonet = 1;
		xs[i].next_at = -1; /* not started */
		res[i].attempts = 0;
		if (!(xs[i].easy = curl_easy_init())) {
			err = pub__error(PUB_ERROR, "cannot initialise libcurl");
			goto done;
		}
	}
	while (ndone < n) {
		int64_t now = pub__http_now_ms(), soonest = INT64_MAX;
		int running = 0, left;
		CURLMsg *msg;
		/* start what may start */
		for (i = 0; i < n && active < jobs; i++) {
			xfer *x = &xs[i];
			if (x->done || x->next_at == -2)
				continue;
			if (x->next_at > now) {
				if (x->next_at < soonest)
					soonest = x->next_at;
				continue;
			}
			if (pub__http_held(h, x->req->service)) {
				fail(x, PUB_ERATELIMIT, PUB__HTTP_HELD_MSG);
				ndone++;
				continue;
			}
			pace(h, x->req->service);
			if (pub__http_expired(h)) {
				fail(x, PUB_ENET, PUB__HTTP_DEADLINE_MSG);
				ndone++;
				continue;
			}
			if ((err = xfer_setup(h, x)) < 0)
				goto done;
			curl_multi_add_handle(m, x->easy);
			x->next_at = -2; /* in flight */
			active++;
		}
		if (!active) {
			if (soonest != INT64_MAX)
				pub__http_wait(h, soonest - now);
			continue;
		}
		curl_multi_perform(m, &running);
		while ((msg = curl_multi_info_read(m, &left))) {
			xfer *x = NULL;
			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&x);
			curl_multi_remove_handle(m, x->easy);
			active--;
			x->next_at = 0;
			xfer_finish(h, x, msg->data.result);
			if (x->done)
				ndone++;
		}
		if (active)
			curl_multi_poll(m, NULL, 0, 100, NULL);
	}
	for (i = 0; i < n; i++) {
		rcs[i] = xs[i].rc;
		if (xs[i].rc != PUB_ENONET)
			all_nonet = 0;
		if (xs[i].rc < 0 && !err)
			err = xs[i].rc;
	}
	if (err == PUB_ENONET && !all_nonet)
		err = PUB_ENET;
	for (i = 0; i < n; i++)
		if (xs[i].rc < 0 && (xs[i].rc == err || (err == PUB_ENET && xs[i].rc == PUB_ENONET))) {
			pub__error(err, "%s", res[i].error);
			break;
		}
done:
	for (i = 0; xs && i < n; i++) {
		if (xs[i].easy) {
			if (xs[i].next_at == -2)
				curl_multi_remove_handle(m, xs[i].easy);
			curl_easy_cleanup(xs[i].easy);
		}
		xfer_cleanup(&xs[i]);
	}
	free(xs);
	curl_multi_cleanup(m);
	return err;
}
