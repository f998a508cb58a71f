/*
 * github.c: asking GitHub about repositories.  REST GET /repos/{o}/{r} with
 * the stored ETag (a 304 is free), or with a token GraphQL queries of up to
 * 100 aliased lookups; both obey GitHub's primary limit (wait for a near
 * reset, else stop and say when to retry) and secondary limit (wait
 * Retry-After, back off).  The database side is sync/stars.c.
 */
#include "net/github.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "net/http.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* Attempts per item for 5xx and transport errors (the http layer's own
 * retries are off here, so that 403/429 limits are judged in one place). */
#define MAX_ATTEMPTS 4
/* Consecutive secondary-limit answers before giving up the run. */
#define MAX_SECONDARY 5

typedef struct gh {
	pub__http *h;
	unsigned jobs;
	long max_wait_s;
	long unit_ms;    /* one second of a GitHub-named wait */
	long backoff_ms; /* first 5xx/transport retry delay */
	int secondary;   /* consecutive secondary-limit answers */
	int primary;     /* this round hit the primary limit */
	int64_t reset;   /* its X-RateLimit-Reset */
	long retry_after_s; /* largest Retry-After of a secondary limit, 0 if none */
	int fatal;       /* 401: stop */
	int answered;    /* some request of this round got an HTTP answer */
	int nonet;       /* some request of this round could not connect */
	int ever_answered;
	int nonet_rounds; /* consecutive rounds without any connection */
} gh;

void pub__github_repo_free(pub__github_repo *r)
{
	if (!r)
		return;
	free(r->full_name);
	free(r->description);
	free(r->created);
	memset(r, 0, sizeof(*r));
}

void pub__github_item_clear(pub__github_item *it)
{
	pub__github_repo_free(&it->repo);
	free(it->new_etag);
	free(it->error);
	it->new_etag = it->error = NULL;
	it->result = PUB__GH_PENDING;
}

static json_t *load_json(const char *body, size_t n)
{
	json_error_t je;
	json_t *root;
	if (!body || !n) {
		pub__error(PUB_EPARSE, "GitHub: empty response");
		return NULL;
	}
	root = json_loadb(body, n, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		pub__error(PUB_EPARSE, "GitHub: invalid JSON at line %d, column %d: %s",
			je.line, je.column, je.text);
	return root;
}

static char *str_or_null(json_t *v)
{
	return json_is_string(v) ? pub__strndup(json_string_value(v),
		json_string_length(v)) : NULL;
}

int pub__github_parse_repo(pub__github_repo *out, const char *body, size_t n)
{
	json_t *root = load_json(body, n), *id, *stars, *name;
	memset(out, 0, sizeof(*out));
	if (!root)
		return PUB_EPARSE;
	id = json_object_get(root, "id");
	stars = json_object_get(root, "stargazers_count");
	name = json_object_get(root, "full_name");
	if (!json_is_integer(id) || !json_is_integer(stars) || !json_is_string(name) ||
	    !strchr(json_string_value(name), '/')) {
		json_decref(root);
		return pub__error(PUB_EPARSE,
			"GitHub: repository JSON lacks id, full_name or stargazers_count");
	}
	out->id = (int64_t)json_integer_value(id);
	out->stars = (long)json_integer_value(stars);
	out->full_name = pub__strdup(json_string_value(name));
	out->archived = json_is_true(json_object_get(root, "archived"));
	out->description = str_or_null(json_object_get(root, "description"));
	out->created = str_or_null(json_object_get(root, "created_at"));
	json_decref(root);
	return 0;
}

static long env_long(const char *name, long def)
{
	const char *s = getenv(name);
	char *end;
	long v;
	if (!s || !*s)
		return def;
	v = strtol(s, &end, 10);
	return *end || v < 0 ? def : v;
}

/* GitHub owner and repository names: letters, digits, '-', '_', '.'.
 * Checking them keeps paths and GraphQL string literals clean. */
static int valid_name(const char *s)
{
	if (!s || !*s || strlen(s) > 100)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' || *s == '.'))
			return 0;
	return 1;
}

static void set_failed(pub__github_item *it, const char *prefix, const char *what)
{
	pub__github_repo_free(&it->repo);
	free(it->error);
	it->error = pub__sprintf("%s%s", prefix, what);
	it->result = PUB__GH_FAILED;
}

/* The "message" of a GitHub error body, or "" (owned by the caller). */
static char *error_message(const pub__http_response *r)
{
	json_t *root;
	char *m = NULL;
	if (!r->body.ptr || !r->body.len)
		return pub__strdup("");
	if ((root = json_loadb(r->body.ptr, r->body.len, 0, NULL))) {
		m = str_or_null(json_object_get(root, "message"));
		json_decref(root);
	}
	return m ? m : pub__strdup("");
}

static int contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return 1;
	return 0;
}

/* Judges a 401/403/429 answer.  Returns 1 when it was a limit or fatal
 * (the item stays pending or the run stops), 0 when it is an ordinary
 * failure of this item. */
static int judge_limit(gh *g, const pub__http_response *r, const char *message)
{
	if (r->status == 401) {
		g->fatal = 1;
		return 1;
	}
	if (r->status != 403 && r->status != 429)
		return 0;
	if (r->ratelimit_remaining == 0) {
		g->primary = 1;
		if (r->ratelimit_reset > g->reset)
			g->reset = r->ratelimit_reset;
		return 1;
	}
	if (r->retry_after || contains_ci(message, "secondary rate limit") ||
	    contains_ci(message, "abuse detection") || r->status == 429) {
		long s = r->retry_after ? strtol(r->retry_after, NULL, 10) : 0;
		if (s <= 0)
			s = 60;
		if (s > g->retry_after_s)
			g->retry_after_s = s;
		return 1;
	}
	return 0;
}

/* ---- REST ---------------------------------------------------------------- */

static void rest_request(pub__http_request *q, char **path, const char **hdrs,
	char **inm, const pub__github_item *it)
{
	memset(q, 0, sizeof(*q));
	*path = pub__sprintf("/repos/%s/%s", it->owner, it->name);
	*inm = it->etag && *it->etag ? pub__sprintf("If-None-Match: %s", it->etag) : NULL;
	hdrs[0] = "Accept: application/vnd.github+json";
	hdrs[1] = "X-GitHub-Api-Version: 2022-11-28";
	hdrs[2] = *inm;
	hdrs[3] = NULL;
	q->service = PUB__SVC_GITHUB;
	q->path = *path;
	q->headers = hdrs;
	q->no_retry = 1;
}

/* Files one REST answer under the item; returns 1 to ask again later (a
 * failed attempt), 2 to ask again after a limit (not the item's fault). */
static int rest_judge(gh *g, pub__github_item *it, const pub__http_response *r,
	int rc, int attempts)
{
	char *message;
	int again = 0;
	/* a status the http layer calls a failure (429, 5xx) is judged here */
	if (rc < 0 && !r->status) {
		if (rc == PUB_ENONET)
			g->nonet = 1;
		if (attempts < MAX_ATTEMPTS)
			return 1;
		set_failed(it, "", r->error ? r->error : pub_error_last());
		return 0;
	}
	g->answered = 1;
	switch (r->status) {
	case 200:
		if (pub__github_parse_repo(&it->repo, r->body.ptr, r->body.len) < 0) {
			set_failed(it, "", pub_error_last());
			return 0;
		}
		free(it->new_etag);
		it->new_etag = r->etag ? pub__strdup(r->etag) : NULL;
		it->result = PUB__GH_OK;
		return 0;
	case 304:
		it->result = PUB__GH_UNCHANGED;
		return 0;
	case 404:
		it->result = PUB__GH_MISSING;
		return 0;
	case 451:
		set_failed(it, "", "blocked on GitHub for legal reasons (HTTP 451)");
		return 0;
	}
	if (r->status >= 500 && r->status < 600) {
		if (attempts < MAX_ATTEMPTS)
			return 1;
		it->error = pub__sprintf("GitHub: HTTP %ld after %d attempts", r->status,
			attempts);
		it->result = PUB__GH_FAILED;
		return 0;
	}
	message = error_message(r);
	if (judge_limit(g, r, message)) {
		again = 2;
	} else {
		free(it->error);
		it->error = *message ? pub__sprintf("GitHub: HTTP %ld: %s", r->status, message)
			: pub__sprintf("GitHub: HTTP %ld", r->status);
		it->result = PUB__GH_FAILED;
	}
	free(message);
	return again;
}

/* ---- GraphQL ------------------------------------------------------------- */

/* The query for items[0..n): aliases r0..rN. */
static char *graphql_body(pub__github_item *items, size_t n)
{
	pub__buf q = PUB__BUF_INIT;
	json_t *o;
	char *s, *out;
	size_t i;
	pub__buf_puts(&q, "query {\n");
	for (i = 0; i < n; i++)
		pub__buf_printf(&q, "  r%zu: repository(owner: \"%s\", name: \"%s\") "
			"{ databaseId nameWithOwner stargazerCount isArchived description createdAt }\n",
			i, items[i].owner, items[i].name);
	pub__buf_puts(&q, "  rateLimit { cost remaining resetAt }\n}\n");
	o = json_pack("{s:s}", "query", q.ptr);
	if (!o || !(s = json_dumps(o, JSON_COMPACT)))
		abort(); /* only allocation can fail here */
	out = pub__strdup(s);
	free(s);
	json_decref(o);
	pub__buf_free(&q);
	return out;
}

/* The errors[] entry whose path starts with `alias`, or NULL. */
static json_t *graphql_error_for(json_t *errors, const char *alias)
{
	size_t i;
	json_t *e;
	json_array_foreach(errors, i, e) {
		json_t *p = json_array_get(json_object_get(e, "path"), 0);
		if (json_is_string(p) && !strcmp(json_string_value(p), alias))
			return e;
	}
	return NULL;
}

static int graphql_rate_limited(json_t *errors)
{
	size_t i;
	json_t *e;
	json_array_foreach(errors, i, e) {
		const char *t = json_string_value(json_object_get(e, "type"));
		const char *c = json_string_value(json_object_get(e, "code"));
		if ((t && (!strcmp(t, "RATE_LIMITED") || !strcmp(t, "RATE_LIMIT"))) ||
		    (c && !strcmp(c, "graphql_rate_limit")))
			return 1;
	}
	return 0;
}

/* Files one GraphQL answer under its items; returns like rest_judge. */
static int graphql_judge(gh *g, pub__github_item *items, size_t n,
	const pub__http_response *r, int rc, int attempts)
{
	json_t *root = NULL, *data, *errors;
	char *message = NULL;
	size_t i;
	int again = 0;
	if ((rc < 0 && !r->status) || (r->status >= 500 && r->status < 600)) {
		if (rc == PUB_ENONET)
			g->nonet = 1;
		if (r->status)
			g->answered = 1;
		if (attempts < MAX_ATTEMPTS)
			return 1;
		for (i = 0; i < n; i++) {
			if (!r->status)
				set_failed(&items[i], "", r->error ? r->error : pub_error_last());
			else {
				items[i].error = pub__sprintf(
					"GitHub: /graphql: HTTP %ld after %d attempts",
					r->status, attempts);
				items[i].result = PUB__GH_FAILED;
			}
		}
		return 0;
	}
	g->answered = 1;
	if (r->status != 200) {
		message = error_message(r);
		if (judge_limit(g, r, message)) {
			again = 2;
		} else {
			for (i = 0; i < n; i++)
				set_failed(&items[i], "GitHub: /graphql: ",
					*message ? message : "unexpected answer");
		}
		goto done;
	}
	if (!(root = load_json(r->body.ptr, r->body.len))) {
		for (i = 0; i < n; i++)
			set_failed(&items[i], "", pub_error_last());
		goto done;
	}
	data = json_object_get(root, "data");
	errors = json_object_get(root, "errors");
	if (graphql_rate_limited(errors) || (!json_is_object(data) && r->ratelimit_remaining == 0)) {
		g->primary = 1;
		if (r->ratelimit_reset > g->reset)
			g->reset = r->ratelimit_reset;
		again = 2;
		goto done;
	}
	for (i = 0; i < n; i++) {
		pub__github_item *it = &items[i];
		char alias[24];
		json_t *o, *e, *id, *name, *stars;
		snprintf(alias, sizeof(alias), "r%zu", i);
		o = json_object_get(data, alias);
		id = json_object_get(o, "databaseId");
		name = json_object_get(o, "nameWithOwner");
		stars = json_object_get(o, "stargazerCount");
		if (json_is_integer(id) && json_is_string(name) && json_is_integer(stars)) {
			it->repo.id = (int64_t)json_integer_value(id);
			it->repo.full_name = str_or_null(name);
			it->repo.stars = (long)json_integer_value(stars);
			it->repo.archived = json_is_true(json_object_get(o, "isArchived"));
			it->repo.description = str_or_null(json_object_get(o, "description"));
			it->repo.created = str_or_null(json_object_get(o, "createdAt"));
			it->result = PUB__GH_OK;
			continue;
		}
		e = graphql_error_for(errors, alias);
		if (e && !strcmp(json_string_value(json_object_get(e, "type")) ?
			json_string_value(json_object_get(e, "type")) : "", "NOT_FOUND")) {
			it->result = PUB__GH_MISSING;
		} else {
			const char *m = json_string_value(json_object_get(e ? e :
				json_array_get(errors, 0), "message"));
			set_failed(it, "GitHub: /graphql: ", m ? m : "no data for this repository");
		}
	}
done:
	json_decref(root);
	free(message);
	return again;
}

/* ---- the loop -------------------------------------------------------------- */

/* After a round: waits as GitHub asked, or says why the run must stop.
 * `maxatt` is the most attempts of an item to be retried (0: none). */
static int after_round(gh *g, int maxatt)
{
	if (pub__http_expired(g->h))
		return pub__error(PUB_ENET, "GitHub: " PUB__HTTP_DEADLINE_MSG);
	if (g->fatal)
		return pub__error(PUB_ERROR,
			"GitHub: bad credentials (HTTP 401); check GITHUB_TOKEN");
	if (g->primary) {
		int64_t now = pub__http_now_ms() / 1000, wait = g->reset - now;
		g->primary = 0;
		if (g->reset > 0 && wait <= g->max_wait_s) {
			pub__http_wait(g->h, (wait > 0 ? wait + 1 : 1) * g->unit_ms);
			g->reset = 0;
			return 0;
		}
		if (g->reset > 0) {
			time_t t = (time_t)g->reset;
			struct tm tm;
			char when[64];
			localtime_r(&t, &tm);
			strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S %Z", &tm);
			return pub__error(PUB_ERATELIMIT,
				"GitHub: API rate limit exhausted; retry after %s", when);
		}
		return pub__error(PUB_ERATELIMIT,
			"GitHub: API rate limit exhausted; retry in an hour");
	}
	if (g->retry_after_s) {
		long s = g->retry_after_s;
		g->retry_after_s = 0;
		if (++g->secondary > MAX_SECONDARY)
			return pub__error(PUB_ERATELIMIT,
				"GitHub: secondary rate limit persists; retry in an hour");
		/* back off: longer each time, and one request at a time from now */
		pub__http_wait(g->h, (int64_t)s * g->unit_ms << (g->secondary - 1));
		g->jobs = 1;
		return 0;
	}
	g->secondary = 0;
	if (g->answered)
		g->ever_answered = 1;
	g->nonet_rounds = !g->answered && g->nonet ? g->nonet_rounds + 1 : 0;
	/* no network: say so soon (cron retries later) rather than fail each item */
	if (g->nonet_rounds >= MAX_ATTEMPTS || (g->nonet_rounds >= 2 && !g->ever_answered))
		return pub__error(PUB_ENONET, "GitHub: cannot connect to %s",
			pub__http_base(g->h, PUB__SVC_GITHUB));
	if (maxatt)
		pub__http_wait(g->h, (int64_t)g->backoff_ms << (maxatt - 1 < 6 ? maxatt - 1 : 6));
	return 0;
}

int pub__github_fetch(pub__http *h, pub__github_item *items, size_t n,
	int graphql, unsigned jobs)
{
	gh g;
	size_t per = graphql ? PUB__GITHUB_GRAPHQL_BATCH : 1;
	size_t nreq = (n + per - 1) / per, i, k, round_max;
	int *attempts = pub__calloc(nreq ? nreq : 1, sizeof(int));
	size_t *todo = pub__calloc(nreq ? nreq : 1, sizeof(size_t));
	int err = 0;

	memset(&g, 0, sizeof(g));
	g.h = h;
	g.jobs = jobs ? jobs : 1;
	g.max_wait_s = env_long("PUB_GITHUB_MAX_WAIT", PUB__GITHUB_MAX_WAIT_S);
	g.unit_ms = env_long("PUB_GITHUB_WAIT_UNIT_MS", 1000);
	g.backoff_ms = env_long("PUB_HTTP_BACKOFF_MS", 1000);

	for (i = 0; i < n; i++) {
		pub__github_item_clear(&items[i]);
		if (!valid_name(items[i].owner) || !valid_name(items[i].name))
			set_failed(&items[i], "", "not a valid GitHub repository name");
	}
	for (;;) {
		pub__http_request *reqs;
		pub__http_response *res;
		char **paths, **bodies, **inms;
		const char **hdrs;
		int *rcs, maxatt = 0;
		size_t nt = 0;

		/* Requests still to make: serial runs ask one at a time so that a
		 * limit stops them at once; parallel ones a few waves at a time. */
		round_max = g.jobs <= 1 ? 1 : (size_t)g.jobs * 4;
		for (k = 0; k < nreq && nt < round_max; k++) {
			size_t a = k * per, b = a + per < n ? a + per : n, j;
			for (j = a; j < b; j++)
				if (items[j].result == PUB__GH_PENDING)
					break;
			if (j < b)
				todo[nt++] = k;
		}
		if (!nt)
			break;
		reqs = pub__calloc(nt, sizeof(*reqs));
		res = pub__calloc(nt, sizeof(*res));
		rcs = pub__calloc(nt, sizeof(*rcs));
		paths = pub__calloc(nt, sizeof(*paths));
		bodies = pub__calloc(nt, sizeof(*bodies));
		inms = pub__calloc(nt, sizeof(*inms));
		hdrs = pub__calloc(nt * 4, sizeof(*hdrs));
		for (k = 0; k < nt; k++) {
			size_t a = todo[k] * per, b = a + per < n ? a + per : n;
			pub__http_response init = PUB__HTTP_RESPONSE_INIT;
			res[k] = init;
			if (!graphql) {
				rest_request(&reqs[k], &paths[k], &hdrs[k * 4], &inms[k], &items[a]);
				continue;
			}
			bodies[k] = graphql_body(&items[a], b - a);
			hdrs[k * 4] = "Content-Type: application/json";
			hdrs[k * 4 + 1] = "Accept: application/json";
			reqs[k].service = PUB__SVC_GITHUB;
			reqs[k].method = "POST";
			reqs[k].path = "/graphql";
			reqs[k].headers = &hdrs[k * 4];
			reqs[k].body = bodies[k];
			reqs[k].body_len = strlen(bodies[k]);
			reqs[k].no_retry = 1;
		}
		if (nt == 1)
			rcs[0] = pub__http_request_do(&res[0], h, &reqs[0]);
		else
			pub__http_batch(res, rcs, h, reqs, nt, g.jobs);
		g.answered = g.nonet = 0;
		for (k = 0; k < nt; k++) {
			size_t a = todo[k] * per, b = a + per < n ? a + per : n;
			int att = ++attempts[todo[k]], again;
			if (graphql)
				again = graphql_judge(&g, &items[a], b - a, &res[k], rcs[k], att);
			else
				again = rest_judge(&g, &items[a], &res[k], rcs[k], att);
			if (again == 2)
				attempts[todo[k]]--;
			else if (again && att > maxatt)
				maxatt = att;
		}
		for (k = 0; k < nt; k++) {
			pub__http_response_free(&res[k]);
			free(paths[k]);
			free(bodies[k]);
			free(inms[k]);
		}
		free(reqs);
		free(res);
		free(rcs);
		free(paths);
		free(bodies);
		free(inms);
		free(hdrs);
		if ((err = after_round(&g, maxatt)) < 0)
			break;
	}
	free(attempts);
	free(todo);
	return err;
}
