/*
 * test_s2.c: Semantic Scholar's batch answers: the recorded ones (null for
 * an unknown id, a published paper with ArXiv and DBLP ids, the 429 body),
 * HTML and malformed answers; then the client against the replay server:
 * 5 ids in one request, 501 in two (500 + 1), null slots, a 429 that
 * persists (PUB_ERATELIMIT), an HTML error page naming the service, and
 * x-api-key sent but never logged.
 */
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "net/http.h"
#include "net/s2.h"

static void test_parse(void)
{
	pub__s2_paper p[4];
	size_t n;
	char *body = slurp("semanticscholar/paper_batch_POST_first_id_unknown_null.json", &n), *one, *arr;

	OK(pub__s2_parse_batch(p, 4, body, n) == 0, "recorded batch: %s", pub_error_last());
	OK(!p[0].found, "null slot: unknown id");
	OK(p[1].found && p[2].found && p[3].found, "three papers");
	STR_EQ(p[1].paper_id, "c31c87c591a25c64fbaa82e8ac6a81831b6ac7ce", "paperId");
	STR_EQ(p[1].title, "How Much Should We Trust Differences-in-Differences Estimates?", "title");
	OK(p[1].year == 2001, "year %d", p[1].year);
	STR_EQ(p[1].doi, "10.2139/ssrn.288970", "DOI");
	OK(p[1].citation_count == 10670, "citationCount %ld", p[1].citation_count);
	OK(p[1].nauthors == 3, "authors %zu", p[1].nauthors);
	STR_EQ(p[1].authors[1], "E. Duflo", "author name");
	OK(p[1].pv_name == NULL && p[1].dblp == NULL, "publicationVenue null, no DBLP");
	STR_EQ(p[1].venue, "", "empty venue");
	pub__s2_papers_free(p, 4);
	OK(pub__s2_parse_batch(p, 3, body, n) < 0, "a wrong number of slots is an error");
	STR_EQ(pub_error_last(), "Semantic Scholar: /graph/v1/paper/batch: 4 answers for 3 ids",
		"wrong count message");
	free(body);

	/* a single-paper answer (GET /paper/DOI:...) as a batch slot */
	one = slurp("semanticscholar/paper_DOI_10.1038_s42256-024-00832-8.json", &n);
	arr = malloc(n + 4);
	snprintf(arr, n + 4, "[%s]", one);
	OK(pub__s2_parse_batch(p, 1, arr, strlen(arr)) == 0, "published paper");
	STR_EQ(p[0].dblp, "journals/natmi/BranCSBWS24", "externalIds.DBLP");
	STR_EQ(p[0].arxiv, "2304.05376", "externalIds.ArXiv");
	OK(p[0].year == 2023, "S2 keeps the arXiv year");
	OK(p[0].citation_count == 500, "citationCount");
	pub__s2_papers_free(p, 1);
	free(one);
	free(arr);

	one = slurp("semanticscholar/batch/arxiv_2408.12588.json", &n);
	arr = malloc(n + 8);
	snprintf(arr, n + 8, "[%s,null]", one);
	OK(pub__s2_parse_batch(p, 2, arr, strlen(arr)) == 0, "fixture slot");
	STR_EQ(p[0].pv_name, "International Conference on Learning Representations", "pv name");
	STR_EQ(p[0].pv_type, "conference", "pv type");
	STR_EQ(p[0].dblp, "conf/iclr/ZhaoJWY25", "DBLP key");
	OK(!p[1].found, "null");
	pub__s2_papers_free(p, 2);
	free(one);
	free(arr);

	body = slurp("semanticscholar/rate_limited_429.json", &n);
	OK(pub__s2_parse_batch(p, 1, body, n) == PUB_EPARSE, "429 body is no batch");
	free(body);
	OK(pub__s2_parse_batch(p, 1, "<html><body>502 Bad Gateway</body></html>", 41) == PUB_EPARSE,
		"HTML");
	STR_EQ(pub_error_last(), "Semantic Scholar: /graph/v1/paper/batch: an HTML page instead of JSON",
		"HTML names the service");
	OK(pub__s2_parse_batch(p, 1, "[1]", 3) == PUB_EPARSE, "a number slot");
	OK(pub__s2_parse_batch(p, 1, "[{\"title\":", 10) == PUB_EPARSE, "truncated");
	OK(pub__s2_parse_batch(p, 1, "", 0) == PUB_EPARSE, "empty");
	{
		const char *odd = "[{\"year\":\"x\",\"authors\":[1,{\"name\":2}],"
			"\"externalIds\":[]},null]";
		OK(pub__s2_parse_batch(p, 2, odd, strlen(odd)) == 0, "odd types are ignored");
	}
	OK(p[0].found && p[0].year == 0 && p[0].nauthors == 0 && p[0].citation_count == -1,
		"odd types give unknowns");
	pub__s2_papers_free(p, 2);
}

static int count_lines(const char *needle, int *with_key)
{
	char line[8192];
	int n = 0;
	FILE *fp = fopen(getenv("PUB_REPLAY_LOG"), "r");
	*with_key = 0;
	while (fp && fgets(line, sizeof(line), fp)) {
		if (!strstr(line, needle))
			continue;
		n++;
		*with_key += strstr(line, "\"x_api_key\": true") != NULL;
		OK(!strstr(line, "s2-test-key-never-shown"), "the key is not logged");
	}
	if (fp)
		fclose(fp);
	return n;
}

static void fault(pub__http *h, const char *json)
{
	pub__http_response r = PUB__HTTP_RESPONSE_INIT;
	pub__http_request q;
	memset(&q, 0, sizeof(q));
	q.service = PUB__SVC_S2;
	q.method = "POST";
	q.path = "/_control";
	q.body = json;
	q.body_len = strlen(json);
	OK(pub__http_request_do(&r, h, &q) == 0 && r.status == 200, "fault set");
	pub__http_response_free(&r);
}

static void test_fetch(void)
{
	static const char *five[] = {"ARXIV:2408.12588", "ARXIV:2403.10266", "ARXIV:2401.10652",
		"ARXIV:2403.01164", "DOI:10.1145/3627535.3638465"};
	const char **many = calloc(501, sizeof(char *));
	pub__s2_paper p[5], *pm = calloc(501, sizeof(*pm));
	pub__http *h;
	int keyed, before, i;

	setenv("S2_API_KEY", "s2-test-key-never-shown", 1);
	setenv("PUB_S2_INTERVAL_MS", "1", 1);
	setenv("PUB_HTTP_BACKOFF_MS", "5", 1);
	OK(pub__http_new(&h) == 0, "client");
	before = count_lines("/graph/v1/paper/batch", &keyed);
	OK(pub__s2_batch(p, h, five, 5) == 0, "five ids: %s", pub_error_last());
	OK(count_lines("/graph/v1/paper/batch", &keyed) == before + 1, "one request for 5 ids");
	OK(keyed == before + 1, "x-api-key sent");
	STR_EQ(p[0].dblp, "conf/iclr/ZhaoJWY25", "PAB's DBLP key");
	OK(!p[3].found, "HeteGen unknown: null");
	STR_EQ(p[4].dblp, "conf/ppopp/ChengZLFZWZPY24", "FastFold by DOI");
	OK(p[0].citation_count == 142, "citation count exposed");
	pub__s2_papers_free(p, 5);

	for (i = 0; i < 501; i++)
		many[i] = five[i % 5];
	before = count_lines("/graph/v1/paper/batch", &keyed);
	OK(pub__s2_batch(pm, h, many, 501) == 0, "501 ids: %s", pub_error_last());
	OK(count_lines("/graph/v1/paper/batch", &keyed) == before + 2, "two requests for 501 ids");
	STR_EQ(pm[500].dblp, "conf/iclr/ZhaoJWY25", "the 501st answer");
	STR_EQ(pm[499].dblp, "conf/ppopp/ChengZLFZWZPY24", "the 500th answer");
	pub__s2_papers_free(pm, 501);

	/* 429 without Retry-After, every time: backoff, then the limit */
	fault(h, "{\"path_prefix\":\"/graph/v1/paper/batch\",\"status\":429,\"times\":-1,"
		"\"content_type\":\"application/json\",\"body_file\":\"semanticscholar/rate_limited_429.json\"}");
	OK(pub__s2_batch(p, h, five, 5) == PUB_ERATELIMIT, "429 persists: rate limit");
	OK(strstr(pub_error_last(), "Semantic Scholar") && strstr(pub_error_last(), "429"),
		"429 message: %s", pub_error_last());
	/* it asked to be left alone: not asked again by this client */
	OK(pub__http_held(h, PUB__SVC_S2), "held after the 429s");
	before = count_lines("/graph/v1/paper/batch", &keyed);
	OK(pub__s2_batch(p, h, five, 5) == PUB_ERATELIMIT, "held: rate limit at once");
	OK(strstr(pub_error_last(), PUB__HTTP_HELD_MSG) != NULL, "held message: %s", pub_error_last());
	OK(count_lines("/graph/v1/paper/batch", &keyed) == before, "held: nothing sent");
	pub__http_free(h);
	OK(pub__http_new(&h) == 0, "a new client");
	fault(h, "{\"clear\":true}");
	fault(h, "{\"path_prefix\":\"/graph/v1/paper/batch\",\"status\":403,\"times\":1,"
		"\"content_type\":\"text/html\",\"body\":\"<html><body>Forbidden</body></html>\"}");
	OK(pub__s2_batch(p, h, five, 5) == PUB_ENET, "HTML 403");
	STR_EQ(pub_error_last(), "Semantic Scholar: /graph/v1/paper/batch: HTTP 403 (an HTML page)",
		"HTML error names the service");
	fault(h, "{\"path_prefix\":\"/graph/v1/paper/batch\",\"status\":400,\"times\":1,"
		"\"content_type\":\"application/json\","
		"\"body\":\"{\\\"error\\\":\\\"Unrecognized or unsupported fields: [x]\\\"}\"}");
	OK(pub__s2_batch(p, h, five, 5) == PUB_ENET, "400");
	STR_EQ(pub_error_last(), "Semantic Scholar: /graph/v1/paper/batch: HTTP 400: "
		"Unrecognized or unsupported fields: [x]", "400 message");
	fault(h, "{\"path_prefix\":\"/graph/v1/paper/batch\",\"status\":200,\"times\":1,"
		"\"content_type\":\"text/html\",\"body\":\"<!DOCTYPE html><p>maintenance</p>\"}");
	OK(pub__s2_batch(p, h, five, 5) == PUB_ENET, "HTML 200");
	STR_EQ(pub_error_last(), "Semantic Scholar: /graph/v1/paper/batch: an HTML page instead of "
		"JSON", "HTML 200 message");
	pub__http_free(h);
	free(many);
	free(pm);
}

int main(int argc, char **argv)
{
	(void)argc;
	replay_ensure(argv);
	test_parse();
	test_fetch();
	return test_summary();
}
