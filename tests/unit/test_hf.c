/*
 * test_hf.c: Hugging Face's paper parser on the real recorded paper
 * objects (fixtures/huggingface/papers: one with githubRepo and
 * projectPage, one where both are absent), broken and odd JSON, the path
 * of an id, and lookups through the replay server: a paper, one without
 * links, an unindexed id's 404; and the code URLs found in free text.
 */
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "ids/github.h"
#include "net/hf.h"
#include "net/http.h"

static void test_parse(void)
{
	pub__hf_paper p;
	size_t n;
	char *b = slurp("huggingface/papers/2602.23229.json", &n);
	OK(pub__hf_parse_paper(&p, b, n) == 0, "real paper: %s", pub_error_last());
	STR_EQ(p.id, "2602.23229", "id");
	STR_EQ(p.github_repo, "https://github.com/marco-garosi/CIRCLE", "githubRepo");
	STR_EQ(p.project_page, "https://circle-lmm.github.io/", "projectPage");
	pub__hf_paper_free(&p);
	free(b);

	/* SciCode: no githubRepo or projectPage key at all */
	b = slurp("huggingface/papers/2407.13168.json", &n);
	OK(pub__hf_parse_paper(&p, b, n) == 0, "real paper without links");
	STR_EQ(p.id, "2407.13168", "id");
	OK(!p.github_repo && !p.project_page, "absent keys are no links");
	pub__hf_paper_free(&p);
	free(b);

	{
		static const char *const bad[] = {
			"", "[]", "{}", "{\"error\":\"Paper not found\"}", "{\"id\":7}", "{\"id\":\"\"}",
			"{\"id\":\"1\",\"githubRepo\":3}", "{\"id\":\"1\",\"projectPage\":[]}",
			"{\"id\":\"1\",\"id\":\"2\"}", "{\"id\":\"1\"",
			"<!DOCTYPE html><html><body>Hugging Face</body></html>",
		};
		size_t i;
		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
			OK(pub__hf_parse_paper(&p, bad[i], strlen(bad[i])) == PUB_EPARSE,
				"rejected: %s", bad[i]);
		OK(strstr(pub_error_last(), "Hugging Face: invalid JSON at line 1, column") != NULL,
			"names what and where: %s", pub_error_last());
	}
	{
		/* null is absent; a URL that is not http(s) is no link */
		const char *j = "{\"id\":\"1\",\"githubRepo\":null,\"projectPage\":\"javascript:alert(1)\"}";
		OK(pub__hf_parse_paper(&p, j, strlen(j)) == 0, "null and a bad scheme");
		OK(!p.github_repo && !p.project_page, "no links");
		pub__hf_paper_free(&p);
	}
	{
		char *s = pub__hf_paper_path("2408.12588v3");
		STR_EQ(s, "/api/papers/2408.12588", "version dropped");
		free(s);
		s = pub__hf_paper_path("hep-th/9901001v2");
		STR_EQ(s, "/api/papers/hep-th/9901001", "old-style id");
		free(s);
		s = pub__hf_paper_path("a b?c");
		STR_EQ(s, "/api/papers/a%20b%3Fc", "encoded");
		free(s);
	}
}

static void test_code_urls(void)
{
	static const char *const cases[][2] = {
		/* the real arXiv comments and abstracts of the example papers */
		{"ICML 2025; code at https://github.com/NUS-HPC-AI-Lab/VideoSys).",
			"https://github.com/NUS-HPC-AI-Lab/VideoSys"},
		{"available at https://github.com/hpcaitech/ColossalAI/tree/main/colossalai/autochunk.",
			"https://github.com/hpcaitech/ColossalAI/tree/main/colossalai/autochunk"},
		{"Code: github.com/a/b, data elsewhere", "https://github.com/a/b"},
		{"(see https://gitlab.com/group/project/-/tree/main)",
			"https://gitlab.com/group/project/-/tree/main"},
		{"https://github.com/a/b?tab=readme", "https://github.com/a/b"},
		{"no code here", NULL},
		{"https://gitlab.com/only", NULL},
		{"https://notgithub.com/a/b", NULL},
		{"the (wiki: https://github.com/a/b/wiki/Page_(x)) text",
			"https://github.com/a/b/wiki/Page_(x)"},
	};
	size_t i;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *u = pub__code_url_find(cases[i][0], NULL);
		if (cases[i][1])
			STR_EQ(u, cases[i][1], "found in '%s'", cases[i][0]);
		else
			OK(u == NULL, "nothing in '%s', got %s", cases[i][0], u ? u : "");
		free(u);
	}
	{
		/* one after the other */
		const char *text = "see github.com/a/b and gitlab.com/c/d.", *pos = NULL;
		char *u1 = pub__code_url_find(text, &pos), *u2 = pub__code_url_find(text, &pos),
		     *u3 = pub__code_url_find(text, &pos);
		STR_EQ(u1, "https://github.com/a/b", "first");
		STR_EQ(u2, "https://gitlab.com/c/d", "second");
		OK(!u3, "no third");
		free(u1);
		free(u2);
	}
}

static void test_fetch(void)
{
	pub__http *h = NULL;
	pub__hf_item it[4];
	size_t i;
	OK(pub__http_new(&h) == 0, "client");
	memset(it, 0, sizeof(it));
	it[0].arxiv = "2408.12588v3";
	it[1].arxiv = "2407.13168";
	it[2].arxiv = "2403.01164";
	it[3].arxiv = "2602.23229";
	OK(pub__hf_fetch(h, it, 4, 2) == 0, "fetch: %s", pub_error_last());
	OK(it[0].result == PUB__HF_OK, "PAB");
	STR_EQ(it[0].paper.github_repo, "https://github.com/NUS-HPC-AI-Lab/VideoSys", "PAB code");
	STR_EQ(it[0].paper.project_page, "https://oahzxl.github.io/PAB/", "PAB page");
	OK(it[1].result == PUB__HF_OK && !it[1].paper.github_repo, "SciCode: no code");
	OK(it[2].result == PUB__HF_NOTFOUND, "HeteGen: not indexed");
	STR_EQ(it[2].error, "Hugging Face: /api/papers/2403.01164: not indexed", "404 message");
	OK(it[3].result == PUB__HF_OK && it[3].paper.github_repo, "CIRCLE");
	for (i = 0; i < 4; i++)
		pub__hf_item_clear(&it[i]);
	pub__http_free(h);
}

int main(int argc, char **argv)
{
	(void)argc;
	replay_ensure(argv);
	setenv("PUB_HF_INTERVAL_MS", "0", 1);
	test_parse();
	test_code_urls();
	test_fetch();
	return test_summary();
}
