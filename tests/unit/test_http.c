/*
 * test_http.c: the libcurl client against tests/replay_server.py (run under
 * tests/run_with_replay.py): User-Agent, ETags, redirects, retries and
 * Retry-After, give-up messages, the body cap, timeouts, no network,
 * pacing (checked on the server's log timestamps) and the batch helper.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "util/alloc.h"
#include "net/github.h"
#include "net/http.h"
#include "net/http_util.h"

/* ---- replay helpers --------------------------------------------------- */

static void ctl(pub__http *h, const char *json)
{
	pub__http_request q;
	pub__http_response r = PUB__HTTP_RESPONSE_INIT;
	memset(&q, 0, sizeof(q));
	q.service = PUB__SVC_GITHUB;
	q.method = "POST";
	q.path = "/_control";
	q.body = json;
	q.body_len = strlen(json);
	q.no_retry = 1;
	if (pub__http_request_do(&r, h, &q) < 0 || r.status != 200)
		fprintf(stderr, "control request failed: %s\n", pub_error_last());
	pub__http_response_free(&r);
}

/* The server log's records whose path starts with `prefix`, oldest first. */
static json_t *log_records(const char *prefix)
{
	FILE *fp = fopen(getenv("PUB_REPLAY_LOG"), "r");
	json_t *all = json_array();
	char line[8192];
	while (fp && fgets(line, sizeof(line), fp)) {
		json_t *o = json_loads(line, 0, NULL);
		const char *p = json_string_value(json_object_get(o, "path"));
		if (p && !strncmp(p, prefix, strlen(prefix)))
			json_array_append(all, o);
		json_decref(o);
	}
	if (fp)
		fclose(fp);
	return all;
}

static const char *rec_str(json_t *a, size_t i, const char *key)
{
	return json_string_value(json_object_get(json_array_get(a, i), key));
}

static double rec_time(json_t *a, size_t i)
{
	return json_real_value(json_object_get(json_array_get(a, i), "time"));
}

static pub__http *client(void)
{
	pub__http *h = NULL;
	if (pub__http_new(&h) < 0) {
		fprintf(stderr, "pub__http_new: %s\n", pub_error_last());
		exit(1);
	}
	return h;
}

/* ---- tests ------------------------------------------------------------- */

static void test_basic(void)
{
	pub__http *h = client();
	pub__http_response r = PUB__HTTP_RESPONSE_INIT;
	pub__github_repo repo;
	json_t *log;
	char *etag;
	char inm[256];
	const char *hdrs[] = {inm, NULL};

	OK(pub__http_get(&r, h, PUB__SVC_GITHUB, "/repos/hpcaitech/FastFold", NULL) == 0,
		"GET repo: %s", pub_error_last());
	OK(r.status == 200, "status %ld", r.status);
	OK(r.etag && !strncmp(r.etag, "W/\"", 3), "etag kept verbatim");
	OK(r.ratelimit_remaining == 59, "rate limit remaining %ld", r.ratelimit_remaining);
	OK(r.ratelimit_reset == 1767225600, "rate limit reset");
	OK(r.content_type && strstr(r.content_type, "application/json"), "content type");
	OK(r.attempts == 1, "one attempt");
	OK(pub__github_parse_repo(&repo, r.body.ptr, r.body.len) == 0, "parse repo");
	STR_EQ(repo.full_name, "hpcaitech/FastFold", "full_name");
	OK(repo.stars == 598 && repo.id == 436541226 && !repo.archived, "stars/id");
	pub__github_repo_free(&repo);
	etag = pub__strdup(r.etag);
	pub__http_response_free(&r);

	log = log_records("/repos/hpcaitech/FastFold");
	STR_EQ(rec_str(log, json_array_size(log) - 1, "user_agent"),
		"pubdb/" PUB_VERSION " (+https://github.com/pubdb/pubdb)", "User-Agent sent");
	OK(json_is_false(json_object_get(json_array_get(log, 0), "authorization")),
		"no Authorization without GITHUB_TOKEN");
	json_decref(log);

	snprintf(inm, sizeof(inm), "If-None-Match: %s", etag);
	OK(pub__http_get(&r, h, PUB__SVC_GITHUB, "/repos/hpcaitech/FastFold", hdrs) == 0,
		"conditional GET");
	OK(r.status == 304 && r.body.len == 0, "304 with empty body (%ld)", r.status);
	STR_EQ(r.etag, etag, "ETag echoed");
	pub__http_response_free(&r);
	log = log_records("/repos/hpcaitech/FastFold");
	STR_EQ(rec_str(log, json_array_size(log) - 1, "if_none_match"), etag, "If-None-Match sent");
	json_decref(log);
	free(etag);

	/* renamed repository: 301 followed to /repositories/{id} */
	OK(pub__http_get(&r, h, PUB__SVC_GITHUB, "/repos/NUS-HPC-AI-Lab/OpenDiT", NULL) == 0,
		"renamed repo");
	OK(r.status == 200, "redirect followed (%ld)", r.status);
	OK(r.effective_url && strstr(r.effective_url, "/repositories/797003561"), "effective URL");
	OK(r.location && strstr(r.location, "/repositories/797003561"), "Location kept");
	pub__http_response_free(&r);

	/* 404 is an answer, not an error, and never retried */
	OK(pub__http_get(&r, h, PUB__SVC_GITHUB, "/repos/nobody/nothing", NULL) == 0, "404 get");
	OK(r.status == 404 && r.attempts == 1, "404 once (%ld, %d)", r.status, r.attempts);
	pub__http_response_free(&r);

	/* a redirect to another protocol is refused */
	ctl(h, "{\"path_prefix\":\"/repos/x/ftp\",\"status\":302,\"redirect\":\"ftp://127.0.0.1/x\"}");
	OK(pub__http_get(&r, h, PUB__SVC_GITHUB, "/repos/x/ftp", NULL) == PUB_ENET,
		"ftp redirect refused");
	pub__http_response_free(&r);
	pub__http_free(h);
}

static void test_token(void)
{
	pub__http *h;
	pub__http_response r = PUB__HTTP_RESPONSE_INIT;
	json_t *log;
	setenv("GITHUB_TOKEN", "ghp_secret_token_value", 1);
	h = client();
	unsetenv("GITHUB_TOKEN");
	OK(pub__http_get(&r, h, PUB__SVC_GITHUB, "/repos/hpcaitech/ColossalAI", NULL) == 0, "get");
	pub__http_response_free(&r);
	ctl(h, "{\"path_prefix\":\"/repos/tok\",\"status\":503,\"times\":4}");
	OK(pub__http_get(&r, h, PUB__SVC_GITHUB, "/repos/tok/x", NULL) == PUB_ENET, "503 give-up");
	OK(!strstr(pub_error_last(), "ghp_secret"), "token not in message");
	pub__http_response_free(&r);
	/* arXiv never gets the token */
	OK(pub__http_get(&r, h, PUB__SVC_ARXIV,
		"/api/query?id_list=2408.12588&max_results=1", NULL) == 0, "arxiv");
	pub__http_response_free(&r);
	log = log_records("/repos/hpcaitech/ColossalAI");
	OK(json_is_true(json_object_get(json_array_get(log, 0), "authorization")),
		"Authorization sent to GitHub");
	json_decref(log);
	log = log_records("/api/query");
	OK(json_is_false(json_object_get(json_array_get(log, json_array_size(log) - 1), "authorization")),
		"no Authorization to arXiv");
	json_decref(log);
	pub__http_free(h);
}

static void test_retries(void)
{
	pub__http *h = client();
	pub__http_response r = PUB__HTTP_RESPONSE_INIT;
	json_t *log;
	size_t n;

	/* 503 with Retry-After: 1, then success */
	ctl(h, "{\"path_prefix\":\"/repos/hpcaitech/ColossalAI\",\"status\":503,\"retry_after\":\"1\",\"times\":1}");
	OK(pub__http_get(&r, h, PUB__SVC_GITHUB, "/repos/hpcaitech/ColossalAI", NULL) == 0,
		"503 then ok: %s", pub_error_last());
	OK(r.status == 200 && r.attempts == 2, "retried once (%ld, %d)", r.status, r.attempts);
	pub__http_response_free(&r);
	log = log_records("/repos/hpcaitech/ColossalAI");
	n = json_array_size(log);
	OK(n >= 2 && rec_time(log, n - 1) - rec_time(log, n - 2) >= 0.95,
		"Retry-After honoured (%.3f s)", n >= 2 ? rec_time(log, n - 1) - rec_time(log, n - 2) : 0);
	json_decref(log);

	/* 429 without Retry-After: backoff, then success */
	ctl(h, "{\"path_prefix\":\"/repos/hpcaitech/FastFold\",\"status\":429,\"body\":\"Rate exceeded.\",\"times\":2}");
	OK(pub__http_get(&r, h, PUB__SVC_GITHUB, "/repos/hpcaitech/FastFold", NULL) == 0, "429 then ok");
	OK(r.status == 200 && r.attempts == 3, "two retries (%ld, %d)", r.status, r.attempts);
	pub__http_response_free(&r);

	/* 429 with an HTTP-date Retry-After in the past: retried at once */
	ctl(h, "{\"path_prefix\":\"/repos/hpcaitech/FastFold\",\"status\":429,\"retry_after\":\"Wed, 21 Oct 2015 07:28:00 GMT\",\"times\":1}");
	OK(pub__http_get(&r, h, PUB__SVC_GITHUB, "/repos/hpcaitech/FastFold", NULL) == 0, "429 date");
	OK(r.status == 200 && r.attempts == 2, "date Retry-After (%d)", r.attempts);
	pub__http_response_free(&r);

	/* persistent 503: gives up after 4 attempts with a clear message */
	ctl(h, "{\"path_prefix\":\"/api/query\",\"status\":503,\"times\":4}");
	OK(pub__http_get(&r, h, PUB__SVC_ARXIV, "/api/query?id_list=2408.12588", NULL) == PUB_ENET,
		"503 give-up");
	STR_EQ(pub_error_last(), "arXiv: /api/query?id_list=2408.12588: HTTP 503 after 4 attempts",
		"give-up message");
	OK(r.attempts == 4 && r.status == 503, "4 attempts");
	pub__http_response_free(&r);

	/* a Retry-After beyond the waiting cap gives up at once */
	ctl(h, "{\"path_prefix\":\"/works/\",\"status\":429,\"retry_after\":\"3600\",\"times\":1}");
	OK(pub__http_get(&r, h, PUB__SVC_CROSSREF, "/works/10.1/x", NULL) == PUB_ENET, "long Retry-After");
	OK(r.attempts == 1 && strstr(pub_error_last(), "Crossref: /works/10.1/x: HTTP 429"),
		"message: %s", pub_error_last());
	pub__http_response_free(&r);

	/* Hugging Face's 429 has no Retry-After; its RateLimit header says
	 * when the window resets (r=0;t=N): that wait, then the service is
	 * left alone until then */
	OK(pub__http_ratelimit_wait_ms("\"api\";r=0;t=55") == 55000, "RateLimit r=0");
	OK(pub__http_ratelimit_wait_ms("\"api\";r=499;t=300") == -1, "RateLimit r>0");
	OK(pub__http_ratelimit_wait_ms("\"api\";r=0") == -1, "RateLimit no t");
	OK(pub__http_ratelimit_wait_ms("\"api\";r=0;t=x") == -1, "RateLimit bad t");
	OK(pub__http_ratelimit_wait_ms(NULL) == -1, "RateLimit absent");
	ctl(h, "{\"path_prefix\":\"/api/papers/2407.13168\",\"status\":429,\"times\":1,"
	       "\"headers\":{\"RateLimit\":\"\\\"api\\\";r=0;t=1\"}}");
	OK(pub__http_get(&r, h, PUB__SVC_HF, "/api/papers/2407.13168", NULL) == 0 &&
		r.status == 200 && r.attempts == 2, "HF 429 t=1 then ok (%d)", r.attempts);
	pub__http_response_free(&r);
	ctl(h, "{\"path_prefix\":\"/api/papers/2407.13168\",\"status\":429,\"times\":1,"
	       "\"headers\":{\"RateLimit\":\"\\\"api\\\";r=0;t=3600\"}}");
	OK(pub__http_get(&r, h, PUB__SVC_HF, "/api/papers/2407.13168", NULL) == PUB_ENET &&
		r.attempts == 1, "HF 429 t=3600: one attempt (%d)", r.attempts);
	OK(strstr(pub_error_last(), "retry would wait 3600 s") != NULL, "message: %s", pub_error_last());
	OK(pub__http_held(h, PUB__SVC_HF), "HF held until its window resets");
	pub__http_response_free(&r);

	/* never retried: 400, 401, 410 */
	ctl(h, "{\"path_prefix\":\"/repos/e/401\",\"status\":401,\"times\":1}");
	OK(pub__http_get(&r, h, PUB__SVC_GITHUB, "/repos/e/401", NULL) == 0 &&
		r.status == 401 && r.attempts == 1, "401 not retried");
	pub__http_response_free(&r);

	/* truncated transfer (Content-Length not met) is a transport error */
	ctl(h, "{\"path_prefix\":\"/repos/t/trunc\",\"status\":200,\"body\":\"0123456789abcdef\",\"truncate\":5,\"times\":4}");
	OK(pub__http_get(&r, h, PUB__SVC_GITHUB, "/repos/t/trunc", NULL) == PUB_ENET, "truncated");
	OK(r.attempts == 4, "truncated retried (%d)", r.attempts);
	pub__http_response_free(&r);

	/* dropped connection once, then fine */
	ctl(h, "{\"path_prefix\":\"/repos/hpcaitech/FastFold\",\"drop\":true,\"times\":1}");
	OK(pub__http_get(&r, h, PUB__SVC_GITHUB, "/repos/hpcaitech/FastFold", NULL) == 0 &&
		r.status == 200, "drop then ok (%d)", r.attempts); /* curl may retry a dead reused connection itself */
	pub__http_response_free(&r);
	pub__http_free(h);
}

static void test_cap_and_timeout(void)
{
	pub__http *h = client();
	pub__http_response r = PUB__HTTP_RESPONSE_INIT;

	ctl(h, "{\"path_prefix\":\"/repos/big/body\",\"status\":200,\"size\":9437184,\"times\":1}");
	OK(pub__http_get(&r, h, PUB__SVC_GITHUB, "/repos/big/body", NULL) == PUB_ENET, "over cap");
	STR_EQ(pub_error_last(), "GitHub: /repos/big/body: response larger than 8 MiB", "cap message");
	OK(r.attempts == 1 && r.body.len <= PUB__HTTP_MAX_BODY, "not retried, body capped");
	pub__http_response_free(&r);
	pub__http_free(h);

	setenv("PUB_HTTP_TIMEOUT", "1", 1);
	h = client();
	ctl(h, "{\"path_prefix\":\"/10.1/slow\",\"delay\":2.5,\"status\":200,\"times\":4}");
	OK(pub__http_get(&r, h, PUB__SVC_DOI, "/10.1/slow", NULL) == PUB_ENET, "timeout");
	OK(strstr(pub_error_last(), "doi.org: /10.1/slow: timed out after 1 s") != NULL,
		"timeout message: %s", pub_error_last());
	OK(r.attempts == 4, "timeouts retried (%d)", r.attempts);
	pub__http_response_free(&r);
	pub__http_free(h);
	setenv("PUB_HTTP_TIMEOUT", "10", 1);

	/* a name that does not resolve fails at once, without the path */
	{
		char *old = pub__strdup(getenv("PUBDB_CROSSREF_URL"));
		setenv("PUBDB_CROSSREF_URL", "http://nonexistent.invalid", 1);
		h = client();
		OK(pub__http_get(&r, h, PUB__SVC_CROSSREF, "/works/10.1/x", NULL) == PUB_ENONET,
			"unresolvable -> ENONET (%s)", pub_error_last());
		STR_EQ(pub_error_last(), "Crossref is unreachable: could not resolve "
			"nonexistent.invalid", "message");
		OK(r.attempts == 1, "not retried (%d)", r.attempts);
		pub__http_response_free(&r);
		pub__http_free(h);
		setenv("PUBDB_CROSSREF_URL", old, 1);
		free(old);
	}

	/* nothing listens on port 1: no network at all */
	{
		char *old = pub__strdup(getenv("PUBDB_CROSSREF_URL"));
		setenv("PUBDB_CROSSREF_URL", "http://127.0.0.1:1", 1);
		h = client();
		OK(pub__http_get(&r, h, PUB__SVC_CROSSREF, "/works/10.1/x", NULL) == PUB_ENONET,
			"refused -> ENONET (%s)", pub_error_last());
		/* no request path, and no retry: a refused connection is
		 * refused again a second later */
		STR_EQ(pub_error_last(),
			"Crossref is unreachable: connection refused (127.0.0.1:1)", "message");
		OK(r.attempts == 1, "not retried (%d)", r.attempts);
		pub__http_response_free(&r);
		pub__http_free(h);
		setenv("PUBDB_CROSSREF_URL", old, 1);
		free(old);
	}
	/* a bad override URL is refused */
	{
		setenv("PUBDB_DOI_URL", "ftp://example", 1);
		OK(pub__http_new(&h) == PUB_EINVAL && !h, "bad override");
		setenv("PUBDB_DOI_URL", getenv("PUB_REPLAY_URL"), 1);
	}
}

/* The run's deadline: no attempt, retry wait or batch outlives it. */
static void test_deadline(void)
{
	pub__http *h = client();
	pub__http_response r = PUB__HTTP_RESPONSE_INIT, rs[2] = {PUB__HTTP_RESPONSE_INIT,
		PUB__HTTP_RESPONSE_INIT};
	pub__http_request q[2];
	int rcs[2];
	int64_t t0;

	/* a stalled answer (5 s; transfer timeout 10 s) ends at the deadline */
	ctl(h, "{\"path_prefix\":\"/10.1/stall\",\"delay\":5,\"status\":200,\"times\":-1}");
	t0 = pub__http_now_ms();
	pub__http_set_deadline(h, t0 + 1000);
	OK(pub__http_left_ms(h) > 0 && !pub__http_expired(h), "time left");
	OK(pub__http_get(&r, h, PUB__SVC_DOI, "/10.1/stall", NULL) == PUB_ENET, "stalled -> ENET");
	OK(pub__http_now_ms() - t0 < 2000, "ended at the deadline (%lld ms)",
		(long long)(pub__http_now_ms() - t0));
	STR_EQ(pub_error_last(), "doi.org: /10.1/stall: stopped at the time limit", "message");
	OK(r.attempts == 1 && pub__http_expired(h), "one attempt, then expired");
	pub__http_response_free(&r);

	/* after it: no request at all */
	t0 = pub__http_now_ms();
	OK(pub__http_get(&r, h, PUB__SVC_DOI, "/10.1/never", NULL) == PUB_ENET &&
		r.attempts == 0 && pub__http_now_ms() - t0 < 500, "after the deadline: at once");
	pub__http_response_free(&r);

	/* a retry whose wait would pass the deadline is not made; no wait */
	pub__http_set_deadline(h, 0); /* the control request has no limit */
	ctl(h, "{\"path_prefix\":\"/10.1/later\",\"status\":503,\"retry_after\":30,\"times\":-1}");
	t0 = pub__http_now_ms();
	pub__http_set_deadline(h, t0 + 5000);
	OK(pub__http_get(&r, h, PUB__SVC_DOI, "/10.1/later", NULL) == PUB_ENET, "503 -> ENET");
	OK(pub__http_now_ms() - t0 < 1500 && r.attempts == 1, "no wait for the retry (%lld ms)",
		(long long)(pub__http_now_ms() - t0));
	OK(strstr(pub_error_last(), "a retry in 30 s would pass the time limit") != NULL,
		"retry message: %s", pub_error_last());
	pub__http_response_free(&r);

	/* a batch of stalled requests ends at the deadline too */
	memset(q, 0, sizeof(q));
	q[0].service = q[1].service = PUB__SVC_DOI;
	q[0].path = "/10.1/stall";
	q[1].path = "/10.1/stall?second";
	t0 = pub__http_now_ms();
	pub__http_set_deadline(h, t0 + 1000);
	OK(pub__http_batch(rs, rcs, h, q, 2, 2) == PUB_ENET && rcs[0] == PUB_ENET &&
		rcs[1] == PUB_ENET, "batch -> ENET");
	OK(pub__http_now_ms() - t0 < 2000, "batch ended at the deadline (%lld ms)",
		(long long)(pub__http_now_ms() - t0));
	pub__http_response_free(&rs[0]);
	pub__http_response_free(&rs[1]);
	pub__http_set_deadline(h, 0);
	ctl(h, "{\"clear\":true}");
	pub__http_free(h);
}

static int64_t other_last;
static int64_t sets;
static int64_t get_last(void *ctx)
{
	(void)ctx;
	return other_last;
}
static void set_last(int64_t ms, void *ctx)
{
	(void)ctx;
	other_last = ms;
	sets++;
}

static void test_pacing(void)
{
	pub__http *h;
	pub__http_response r = PUB__HTTP_RESPONSE_INIT;
	json_t *log;
	size_t n, i;
	int64_t t0;

	setenv("PUB_ARXIV_INTERVAL_MS", "400", 1);
	h = client();
	t0 = pub__http_now_ms();
	for (i = 0; i < 3; i++) {
		OK(pub__http_get(&r, h, PUB__SVC_ARXIV,
			"/api/query?id_list=2403.10266&max_results=1", NULL) == 0, "paced get");
		pub__http_response_free(&r);
	}
	/* on the client's clock: the third request cannot start before two
	 * intervals have passed (load only makes it later) */
	OK(pub__http_now_ms() - t0 >= 800, "three arXiv requests take 800 ms (%lld ms)",
		(long long)(pub__http_now_ms() - t0));
	/* as the server saw them; under valgrind (PUB_TEST_WRAPPER) a request
	 * spends tens of ms between its start and its arrival, so the next one
	 * may arrive that much less than an interval after it */
	log = log_records("/api/query");
	n = json_array_size(log);
	for (i = n - 2; n >= 3 && i < n; i++)
		OK(rec_time(log, i) - rec_time(log, i - 1) >= (getenv("PUB_TEST_WRAPPER") ? 0.30 : 0.39),
			"arXiv requests 400 ms apart (%.3f)", rec_time(log, i) - rec_time(log, i - 1));
	json_decref(log);

	/* another process started a request just now: we wait */
	pub__http_set_pacing_hook(h, PUB__SVC_ARXIV, get_last, set_last, NULL);
	other_last = pub__http_now_ms() + 300; /* clock skew tolerated */
	t0 = pub__http_now_ms();
	OK(pub__http_get(&r, h, PUB__SVC_ARXIV,
		"/api/query?id_list=2403.10266&max_results=1", NULL) == 0, "hooked get");
	OK(pub__http_now_ms() - t0 >= 690, "waited for the other process (%lld ms)",
		(long long)(pub__http_now_ms() - t0));
	OK(sets == 1 && other_last >= t0, "last time stored through the hook");
	pub__http_response_free(&r);
	pub__http_free(h);
	setenv("PUB_ARXIV_INTERVAL_MS", "50", 1);
}

static void test_batch(void)
{
	pub__http *h = client();
	const char *paths[] = {"/repos/hpcaitech/FastFold", "/repos/hpcaitech/ColossalAI",
		"/repos/NUS-HPC-AI-Lab/VideoSys", "/repos/nobody/nothing",
		"/repos/NUS-HPC-AI-Lab/OpenDiT", "/repos/hpcaitech/FastFold"};
	pub__http_request q[6];
	pub__http_response r[6];
	int rcs[6], i;
	pub__http_response init = PUB__HTTP_RESPONSE_INIT;

	for (i = 0; i < 6; i++) {
		memset(&q[i], 0, sizeof(q[i]));
		q[i].service = PUB__SVC_GITHUB;
		q[i].path = paths[i];
		r[i] = init;
	}
	ctl(h, "{\"path_prefix\":\"/repos/hpcaitech/ColossalAI\",\"status\":502,\"times\":1}");
	OK(pub__http_batch(r, rcs, h, q, 6, 3) == 0, "batch: %s", pub_error_last());
	for (i = 0; i < 6; i++)
		OK(rcs[i] == 0 && r[i].status == (i == 3 ? 404 : 200), "batch item %d: %d %ld",
			i, rcs[i], r[i].status);
	OK(r[1].attempts == 2, "502 retried inside the batch (%d)", r[1].attempts);
	OK(strstr(r[4].body.ptr, "NUS-HPC-AI-Lab/VideoSys") != NULL, "redirect in batch");
	for (i = 0; i < 6; i++)
		pub__http_response_free(&r[i]);

	ctl(h, "{\"path_prefix\":\"/repos/hpcaitech/FastFold\",\"status\":503,\"times\":8}");
	OK(pub__http_batch(r, rcs, h, q, 1, 2) == PUB_ENET && rcs[0] == PUB_ENET, "batch give-up");
	OK(r[0].error && strstr(r[0].error, "HTTP 503 after 4 attempts"), "per-item message");
	pub__http_response_free(&r[0]);
	ctl(h, "{\"clear\":true}");
	pub__http_free(h);
}

int main(int argc, char **argv)
{
	(void)argc;
	replay_ensure(argv);
	test_basic();
	test_token();
	test_retries();
	test_cap_and_timeout();
	test_pacing();
	test_batch();
	test_deadline();
	return test_summary();
}
