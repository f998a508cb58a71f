/*
 * http_util.c: the HTTP client's small parts that need none of its state
 * (http_util.h): the clock, libcurl's set-up, numbers from the
 * environment, header values, Retry-After.
 */
#include "net/http.h"
#include "net/http_util.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"

#include <curl/curl.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

int64_t pub__http_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void pub__http_sleep_ms(int64_t ms)
{
	struct timespec ts;
	if (ms <= 0)
		return;
	ts.tv_sec = (time_t)(ms / 1000);
	ts.tv_nsec = (long)(ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

long pub__env_long(const char *name, long def, long min, long max)
{
	const char *s = getenv(name);
	char *end;
	double v;
	if (!s || !*s)
		return def;
	v = strtod(s, &end);
	if (*end || v < (double)min || v > (double)max)
		return def;
	return (long)v;
}

static CURLcode global_rc = CURLE_FAILED_INIT;

static void global_init(void)
{
	global_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

int pub__net_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, global_init);
	if (global_rc != CURLE_OK)
		return pub__error(PUB_ERROR, "cannot initialise libcurl");
	return 0;
}

char *pub__http_header_value(const char *line, size_t n, const char *name)
{
	size_t k = strlen(name);
	if (n <= k || strncasecmp(line, name, k) || line[k] != ':')
		return NULL;
	line += k + 1;
	n -= k + 1;
	while (n && (*line == ' ' || *line == '\t'))
		line++, n--;
	while (n && (line[n - 1] == '\r' || line[n - 1] == '\n' ||
		line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	return pub__strndup(line, n);
}

/* Seconds from a Retry-After value (delta-seconds or HTTP date); -1 if
 * absent or unreadable. */
int64_t pub__http_retry_after_ms(const char *v)
{
	char *end;
	long s;
	time_t t;
	if (!v || !*v)
		return -1;
	s = strtol(v, &end, 10);
	if (end != v && !*end)
		return s < 0 ? 0 : (int64_t)s * 1000;
	if ((t = curl_getdate(v, NULL)) < 0)
		return -1;
	return (int64_t)t * 1000 > pub__http_now_ms() ?
		(int64_t)t * 1000 - pub__http_now_ms() : 0;
}

/* The wait a `RateLimit` header asks for (the IETF draft's and Hugging
 * Face's form, `"api";r=0;t=55`): t seconds when nothing remains (r=0),
 * else -1 (also when absent or unreadable). */
int64_t pub__http_ratelimit_wait_ms(const char *v)
{
	long r = -1, t = -1;
	const char *p = v;
	while (p && *p) {
		char *end;
		long n;
		p += strspn(p, " \t;,");
		if ((*p == 'r' || *p == 't') && p[1] == '=') {
			n = strtol(p + 2, &end, 10);
			if (end == p + 2 || n < 0)
				return -1;
			if (*p == 'r')
				r = n;
			else
				t = n;
			p = end;
		}
		p += strcspn(p, ";,");
	}
	return r == 0 && t >= 0 ? (int64_t)t * 1000 : -1;
}

int pub__http_get_json_batch(pub__http_response *res, int *rcs, pub__http *h,
	pub__service svc, char *const *paths, size_t n, unsigned jobs)
{
	static const char *const hdrs[] = {"Accept: application/json", NULL};
	pub__http_request *reqs = pub__calloc(n ? n : 1, sizeof(*reqs));
	size_t i;
	int err;
	for (i = 0; i < n; i++) {
		pub__http_response r0 = PUB__HTTP_RESPONSE_INIT;
		res[i] = r0;
		reqs[i].service = svc;
		reqs[i].path = paths[i];
		reqs[i].headers = hdrs;
	}
	err = pub__http_batch(res, rcs, h, reqs, n, jobs);
	free(reqs);
	return err;
}

int pub__http_batch_result(pub__service svc, int err, int limited, const char *first_error)
{
	if (limited)
		return pub__error(PUB_ERATELIMIT, "%s: still rate-limited (HTTP 429); "
			"try again later", pub__service_name(svc));
	if (err == PUB_ENONET) /* every request: the message of the first */
		return pub__error(err, "%s", first_error ? first_error : "unreachable");
	return 0;
}
