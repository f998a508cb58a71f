/*
 * test_openalex.c: OpenAlex's work parser on recorded responses (a real
 * work, the real 404 HTML page, broken and odd JSON), the DOI path, and
 * lookups through the replay server: counts, an unknown DOI's 404, the
 * api_key added from OPENALEX_API_KEY.  Also Crossref's
 * is-referenced-by-count, read by the Crossref parser.
 */
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "net/doi.h"
#include "net/http.h"
#include "net/openalex.h"

static void test_parse(void)
{
	pub__openalex_work w;
	pub__csl c;
	size_t n;
	char *b = slurp("openalex/10.1023_a_1007154515475.json", &n);
	OK(pub__openalex_parse_work(&w, b, n) == 0, "real work: %s", pub_error_last());
	STR_EQ(w.id, "https://openalex.org/W1554322594", "id");
	STR_EQ(w.doi, "https://doi.org/10.1023/a:1007154515475", "doi");
	OK(w.cited_by == 7, "cited_by_count 7, got %lld", (long long)w.cited_by);
	pub__openalex_work_free(&w);
	free(b);

	/* OpenAlex answers an unknown DOI with an HTML page */
	b = slurp("openalex/errors_not_found_404.html", &n);
	OK(pub__openalex_parse_work(&w, b, n) == PUB_EPARSE, "HTML page");
	OK(strstr(pub_error_last(), "OpenAlex: invalid JSON at line 1, column") != NULL,
		"names what and where: %s", pub_error_last());
	free(b);

	{
		static const char *const bad[] = {
			"", "[]", "{\"cited_by_count\":3}", "{\"id\":\"W1\"}",
			"{\"id\":\"W1\",\"cited_by_count\":-1}",
			"{\"id\":\"W1\",\"cited_by_count\":\"12\"}",
			"{\"id\":\"W1\",\"cited_by_count\":1.5}",
			"{\"id\":\"W1\",\"id\":\"W2\",\"cited_by_count\":1}",
			"{\"id\":\"W1\",\"cited_by_count\":1",
		};
		size_t i;
		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
			OK(pub__openalex_parse_work(&w, bad[i], strlen(bad[i])) == PUB_EPARSE,
				"rejected: %s", bad[i]);
	}
	{
		/* select=id,doi,cited_by_count: a null doi is allowed */
		const char *j = "{\"id\":\"https://openalex.org/W9\",\"doi\":null,\"cited_by_count\":0}";
		OK(pub__openalex_parse_work(&w, j, strlen(j)) == 0, "selected fields");
		OK(w.doi == NULL && w.cited_by == 0, "null doi, zero count");
		pub__openalex_work_free(&w);
	}
	{
		char *p = pub__openalex_doi_path("10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0");
		STR_EQ(p, "/works/doi:10.1002/(sici)1097-4571(199806)49:8%3C693::aid-asi4%3E3.0.co%3B2-0"
			"?select=id,doi,cited_by_count", "path encoded");
		free(p);
	}

	/* Crossref's count, from the real /works answers */
	b = slurp("crossref/10.1038_s42256-024-00832-8.json", &n);
	OK(pub__crossref_parse(&c, b, n) == 0, "crossref: %s", pub_error_last());
	OK(c.has_cited_by && c.cited_by == 238, "is-referenced-by-count 238, got %ld", c.cited_by);
	pub__csl_free(&c);
	free(b);
	b = slurp("crossref/10.1103_physreva.106.022212.json", &n);
	OK(pub__crossref_parse(&c, b, n) == 0 && c.has_cited_by && c.cited_by == 9,
		"is-referenced-by-count 9");
	pub__csl_free(&c);
	free(b);
	{
		const char *j = "{\"message\":{\"DOI\":\"10.1/x\",\"title\":[\"T\"]}}";
		OK(pub__crossref_parse(&c, j, strlen(j)) == 0 && !c.has_cited_by, "no count");
		pub__csl_free(&c);
	}
}

static void test_fetch(void)
{
	pub__http *h = NULL;
	pub__openalex_item it[4];
	FILE *fp;
	char line[4096];
	int keyed = 0;

	setenv("OPENALEX_API_KEY", "oa-test-key-0123", 1);
	OK(pub__http_new(&h) == 0, "client");
	memset(it, 0, sizeof(it));
	it[0].doi = "10.1145/3627535.3638465";
	it[1].doi = "10.48550/arXiv.2408.12588";
	it[2].doi = "10.9999/not-in-openalex";
	it[3].doi = "10.1023/a:1007154515475";
	OK(pub__openalex_fetch(h, it, 4, 3) == 0, "fetch: %s", pub_error_last());
	OK(it[0].result == PUB__OA_OK && it[0].cited_by == 57, "FastFold 57");
	OK(it[1].result == PUB__OA_OK && it[1].cited_by == 151, "arXiv DOI 151");
	OK(it[2].result == PUB__OA_NOTFOUND, "404 is not found");
	STR_EQ(it[2].error, "OpenAlex: /works/doi:10.9999/not-in-openalex: not found", "404 message");
	OK(it[3].result == PUB__OA_OK && it[3].cited_by == 7, "real 7");
	OK(!strstr(it[2].error, "oa-test-key"), "no key in messages");
	for (size_t i = 0; i < 4; i++)
		pub__openalex_item_clear(&it[i]);
	pub__http_free(h);
	unsetenv("OPENALEX_API_KEY");

	fp = fopen(getenv("PUB_REPLAY_LOG"), "r");
	while (fp && fgets(line, sizeof(line), fp))
		if (strstr(line, "/works/doi:") && strstr(line, "api_key=oa-test-key-0123"))
			keyed++;
	if (fp)
		fclose(fp);
	OK(keyed == 4, "api_key on every lookup (%d)", keyed);
}

int main(int argc, char **argv)
{
	(void)argc;
	replay_ensure(argv);
	test_parse();
	test_fetch();
	return test_summary();
}
