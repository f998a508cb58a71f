/*
 * test_arxiv.c: arXiv id normalisation, the Atom parser on every recorded
 * layout and error case (fixtures/arxiv), hostile XML, BibTeX conversion,
 * and batched fetches through the replay server.
 */
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "bibtex/entry.h"
#include "ids/arxiv.h"
#include "net/arxiv.h"
#include "net/http.h"

static int parse_file(pub__arxiv_feed *f, const char *rel, long status)
{
	size_t n;
	char *b = slurp(rel, &n);
	int rc = pub__arxiv_parse_feed(f, b, n, status);
	free(b);
	return rc;
}

static void test_normalize(void)
{
	static const struct {
		const char *in, *id;
		int v;
	} ok[] = {
		{"2408.12588", "2408.12588", 0},
		{"arxiv:2408.12588", "2408.12588", 0},
		{"arXiv:2408.12588v3", "2408.12588", 3},
		{"  1312.2021  ", "1312.2021", 0},
		{"0704.0001v1", "0704.0001", 1},
		{"hep-th/9901001", "hep-th/9901001", 0},
		{"hep-th/9901001v2", "hep-th/9901001", 2},
		{"math.GT/0309136", "math/0309136", 0},
		{"https://arxiv.org/abs/2408.12588", "2408.12588", 0},
		{"https://arxiv.org/abs/2408.12588v2", "2408.12588", 2},
		{"http://www.arxiv.org/pdf/2403.10266v1.pdf", "2403.10266", 1},
		{"https://arxiv.org/pdf/2403.10266", "2403.10266", 0},
		{"https://export.arxiv.org/abs/hep-th/9901001", "hep-th/9901001", 0},
		{"https://arxiv.org/abs/2401.10652/", "2401.10652", 0},
		{"https://arxiv.org/abs/2401.10652?context=cs", "2401.10652", 0},
	};
	static const char *const bad[] = {"", "abc", "INVALIDID", "1234.12345",
		"2408.125", "2408.1258812", "arxiv:", "https://example.org/abs/2408.12588",
		"https://arxiv.org/list/2408.12588", "HEP-TH/9901001", "hep-th/990100",
		"10.1145/3627535.3638465", "/9901001", "2408.12588v"};
	size_t i;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		char *id = NULL;
		int v = -1;
		OK(pub__arxiv_normalize(&id, &v, ok[i].in) == 0, "normalize '%s': %s",
			ok[i].in, pub_error_last());
		STR_EQ(id, ok[i].id, "id of '%s'", ok[i].in);
		OK(v == ok[i].v, "version of '%s': %d", ok[i].in, v);
		free(id);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *id = NULL;
		int v;
		OK(pub__arxiv_normalize(&id, &v, bad[i]) == PUB_EINVAL && !id,
			"reject '%s'", bad[i]);
		OK(strstr(pub_error_last(), "not an arXiv id") != NULL, "message");
	}
}

static void test_layouts(void)
{
	pub__arxiv_feed f;
	pub__arxiv_paper *p;

	OK(parse_file(&f, "arxiv/errors/classic_1312.2021.xml", 200) == 0, "classic");
	OK(f.nentries == 1 && f.total_results == 1, "classic: one entry");
	p = &f.entries[0];
	STR_EQ(p->id, "1312.2021", "id");
	OK(p->version == 1, "version");
	STR_EQ(p->title, "Living with the Wrong Sign", "title");
	OK(strstr(p->abstract, "We describe a UV complete asymptotically fragile Lorentz-invariant theory exhibiting superluminal") == p->abstract,
		"abstract collapsed: %.60s", p->abstract);
	OK(p->nauthors == 3, "3 authors");
	STR_EQ(p->authors[2], "Ali Mohsen", "third author");
	STR_EQ(p->doi, "10.1103/PhysRevD.89.084044", "doi");
	STR_EQ(p->journal_ref, "Phys. Rev. D 89, 084044 (2014)", "journal_ref");
	STR_EQ(p->primary_category, "hep-th", "primary");
	STR_EQ(p->published, "2013-12-06T21:33:40Z", "published");
	OK(!p->comment && !p->code_url, "no comment");
	pub__arxiv_feed_free(&f);

	OK(parse_file(&f, "arxiv/astro-ph_0601001.xml", 200) == 0, "new layout");
	OK(f.nentries == 1, "one entry");
	p = &f.entries[0];
	STR_EQ(p->id, "astro-ph/0601001", "old-style id");
	OK(p->nauthors == 4, "authors after affiliations");
	STR_EQ(p->authors[0], "Andrew Gould", "first author");
	STR_EQ(p->primary_category, "astro-ph", "primary without scheme");
	STR_EQ(p->journal_ref, "ActaAstron.56:1-50,2006", "journal ref");
	OK(strstr(p->abstract, "Gould & Morgan (2003)") && strstr(p->abstract, "V_max<17.5"),
		"entities decoded");
	OK(!p->doi, "no doi");
	pub__arxiv_feed_free(&f);

	OK(parse_file(&f, "arxiv/errors/new_not_found_0000.0000.xml", 200) == 0, "new empty");
	OK(f.nentries == 0 && f.total_results == 0, "zero entries");
	pub__arxiv_feed_free(&f);
	OK(parse_file(&f, "arxiv/errors/classic_total1_no_entry.xml", 200) == 0, "classic empty");
	OK(f.nentries == 0 && f.total_results == 1, "totalResults 1 but no entry");
	pub__arxiv_feed_free(&f);
	OK(parse_file(&f, "arxiv/errors/classic_batch_ghost_entries.xml", 200) == 0, "ghosts");
	OK(f.nentries == 1 && f.nghosts == 3, "1 entry, 3 ghosts (%zu, %zu)", f.nentries, f.nghosts);
	STR_EQ(f.entries[0].id, "2201.13452", "real entry");
	STR_EQ(f.entries[0].title,
		"Asymptotic Analysis for a Nonlinear Reaction-Diffusion System Modeling an Infectious Disease",
		"wrapped title collapsed");
	pub__arxiv_feed_free(&f);
}

static void test_errors(void)
{
	pub__arxiv_feed f;
	size_t n;
	char *b;

	OK(parse_file(&f, "arxiv/errors/classic_error_INVALIDID.http400.xml", 400) == PUB_ENET,
		"classic error feed");
	STR_EQ(pub_error_last(), "arXiv: incorrect id format for INVALIDID", "classic message");
	OK(parse_file(&f, "arxiv/errors/new_error_abc.http400.xml", 400) == PUB_ENET, "new error feed");
	STR_EQ(pub_error_last(), "arXiv: incorrect id format for abc", "new message");
	/* an error entry is recognised even with status 200 */
	OK(parse_file(&f, "arxiv/errors/new_error_abc.http400.xml", 200) == PUB_ENET, "error 200");
	OK(parse_file(&f, "arxiv/errors/html_instead.html", 200) == PUB_EPARSE, "html");
	OK(strstr(pub_error_last(), "HTML") != NULL, "html message: %s", pub_error_last());
	OK(parse_file(&f, "arxiv/errors/xml_bomb.xml", 200) == PUB_EPARSE, "bomb refused");
	OK(strstr(pub_error_last(), "DOCTYPE") != NULL, "bomb message: %s", pub_error_last());
	OK(parse_file(&f, "arxiv/errors/xxe.xml", 200) == PUB_EPARSE, "external entity refused");
	OK(strstr(pub_error_last(), "DOCTYPE") != NULL, "xxe message: %s", pub_error_last());

	b = slurp("arxiv/2408.12588.xml", &n);
	OK(pub__arxiv_parse_feed(&f, b, n / 2, 200) == PUB_EPARSE, "truncated");
	OK(strstr(pub_error_last(), "malformed or truncated XML") != NULL, "truncated: %s",
		pub_error_last());
	OK(pub__arxiv_parse_feed(&f, b, 0, 200) == PUB_EPARSE, "empty");
	free(b);
	OK(pub__arxiv_parse_feed(&f, "<rss/>", 6, 200) == PUB_EPARSE, "not atom");
	OK(pub__arxiv_parse_feed(&f, "Rate exceeded.", 14, 429) == PUB_EPARSE, "plain text");
}

static void test_bib(void)
{
	pub__arxiv_feed f;
	pub__bib_entry *e;
	OK(parse_file(&f, "arxiv/2408.12588.xml", 200) == 0, "homepage fixture");
	STR_EQ(f.entries[0].code_url, "https://github.com/NUS-HPC-AI-Lab/VideoSys", "code url");
	e = pub__arxiv_to_bib(&f.entries[0]);
	STR_EQ(e->type, "misc", "misc without journal_ref");
	STR_EQ(pub__bib_entry_get(e, "title"),
		"Real-Time Video Generation with Pyramid Attention Broadcast", "title");
	STR_EQ(pub__bib_entry_get(e, "author"),
		"Xuanlei Zhao and Xiaolong Jin and Kai Wang and Yang You", "authors");
	STR_EQ(pub__bib_entry_get(e, "year"), "2024", "year");
	STR_EQ(pub__bib_entry_get(e, "month"), "August", "month");
	STR_EQ(pub__bib_entry_get(e, "eprint"), "2408.12588", "eprint");
	STR_EQ(pub__bib_entry_get(e, "archiveprefix"), "arXiv", "archiveprefix");
	STR_EQ(pub__bib_entry_get(e, "primaryclass"), "cs.CV", "primaryclass");
	STR_EQ(pub__bib_entry_get(e, "url"), "https://arxiv.org/abs/2408.12588", "url");
	STR_EQ(pub__bib_entry_get(e, "comment"), "ICLR 2025", "comment");
	OK(!pub__bib_entry_get(e, "doi") && !pub__bib_entry_get(e, "journal"), "no doi/journal");
	pub__bib_entry_free(e);
	pub__arxiv_feed_free(&f);

	OK(parse_file(&f, "arxiv/errors/classic_1312.2021.xml", 200) == 0, "classic");
	e = pub__arxiv_to_bib(&f.entries[0]);
	STR_EQ(e->type, "article", "article with journal_ref");
	STR_EQ(pub__bib_entry_get(e, "journal"), "Phys. Rev. D 89, 084044 (2014)", "journal");
	STR_EQ(pub__bib_entry_get(e, "month"), "December", "month");
	pub__bib_entry_free(e);
	pub__arxiv_feed_free(&f);
}

static void test_fetch(void)
{
	pub__http *h = NULL;
	const char *ids[] = {"2408.12588", "2403.10266", "2401.10652", "2403.01164", "0808.05394"};
	pub__arxiv_result r[5];
	FILE *fp;
	char line[4096];
	int nreq = 0, saw_batch = 0;
	size_t i;

	OK(pub__http_new(&h) == 0, "client");
	OK(pub__arxiv_fetch(r, h, ids, NULL, 5) == 0, "fetch: %s", pub_error_last());
	for (i = 0; i < 4; i++)
		OK(r[i].rc == 0 && r[i].paper && !strcmp(r[i].paper->id, ids[i]), "found %s", ids[i]);
	OK(r[4].rc == PUB_ENOTFOUND, "missing id");
	STR_EQ(r[4].error, "arXiv: no such paper: 0808.05394", "not-found message");
	STR_EQ(r[1].paper->title, "DSP: Dynamic Sequence Parallelism for Multi-Dimensional Transformers",
		"title");
	OK(r[1].paper->nauthors == 7, "DSP authors");
	STR_EQ(r[1].paper->code_url, "https://github.com/NUS-HPC-AI-Lab/VideoSys", "trailing ')' trimmed");
	STR_EQ(r[2].paper->code_url, "https://github.com/hpcaitech/ColossalAI/tree/main/colossalai/autochunk",
		"code from abstract, its path kept");
	STR_EQ(r[3].paper->primary_category, "cs.PF", "HeteGen category");
	OK(r[3].paper->abstract && strstr(r[3].paper->abstract, "CPUs and GPUs & asynchronous"),
		"abstract entity");
	pub__arxiv_results_free(r, 5);

	fp = fopen(getenv("PUB_REPLAY_LOG"), "r");
	while (fp && fgets(line, sizeof(line), fp)) {
		if (!strstr(line, "\"/api/query\""))
			continue;
		nreq++;
		if (strstr(line, "id_list=2408.12588,2403.10266,2401.10652,2403.01164,0808.05394&max_results=5"))
			saw_batch++;
	}
	if (fp)
		fclose(fp);
	OK(saw_batch == 1, "one batched request for 5 ids");
	OK(nreq == 2, "plus one retry for the missing id (%d requests)", nreq);

	/* malformed id reaches arXiv: its 400 error feed is quoted */
	{
		const char *bad[] = {"abc"};
		OK(pub__arxiv_fetch(r, h, bad, NULL, 1) == PUB_ENET, "bad id");
		STR_EQ(pub_error_last(), "arXiv: incorrect id format for abc", "error quoted");
		OK(r[0].rc == PUB_ENET && r[0].error, "per-id error");
		pub__arxiv_results_free(r, 1);
	}
	/* versions are sent */
	{
		const char *one[] = {"2408.12588"};
		int v[] = {1};
		OK(pub__arxiv_fetch(r, h, one, v, 1) == 0 && r[0].rc == 0, "versioned fetch");
		pub__arxiv_results_free(r, 1);
	}
	pub__http_free(h);
}

/* Faults served through the replay server's control endpoint. */
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
	pub__http_request_do(&r, h, &q);
	pub__http_response_free(&r);
}

static void test_fetch_faults(void)
{
	pub__http *h = NULL;
	const char *one[] = {"1312.2021"};
	const char *pab[] = {"2408.12588"};
	pub__arxiv_result r[1];

	OK(pub__http_new(&h) == 0, "client");
	/* classic layout over the wire */
	ctl(h, "{\"path_prefix\":\"/api/query\",\"status\":200,\"body_file\":\"arxiv/errors/classic_1312.2021.xml\",\"content_type\":\"application/atom+xml\"}");
	OK(pub__arxiv_fetch(r, h, one, NULL, 1) == 0 && r[0].rc == 0, "classic via replay");
	STR_EQ(r[0].paper ? r[0].paper->title : NULL, "Living with the Wrong Sign", "classic title");
	pub__arxiv_results_free(r, 1);
	/* classic 400 */
	ctl(h, "{\"path_prefix\":\"/api/query\",\"status\":400,\"body_file\":\"arxiv/errors/classic_error_INVALIDID.http400.xml\"}");
	OK(pub__arxiv_fetch(r, h, one, NULL, 1) == PUB_ENET, "classic 400");
	STR_EQ(pub_error_last(), "arXiv: incorrect id format for INVALIDID", "classic 400 message");
	pub__arxiv_results_free(r, 1);
	/* classic ghost batch: ids absent -> not found after one retry */
	ctl(h, "[{\"path_prefix\":\"/api/query\",\"status\":200,\"body_file\":\"arxiv/errors/classic_batch_ghost_entries.xml\",\"times\":2}]");
	{
		const char *g[] = {"2201.13455", "2201.13452", "2201.13453"};
		pub__arxiv_result gr[3];
		OK(pub__arxiv_fetch(gr, h, g, NULL, 3) == 0, "ghost batch");
		OK(gr[0].rc == PUB_ENOTFOUND && gr[1].rc == 0 && gr[2].rc == PUB_ENOTFOUND,
			"ghosts are not found");
		pub__arxiv_results_free(gr, 3);
	}
	/* HTML instead of XML */
	ctl(h, "{\"path_prefix\":\"/api/query\",\"status\":200,\"body_file\":\"arxiv/errors/html_instead.html\",\"content_type\":\"text/html\"}");
	OK(pub__arxiv_fetch(r, h, pab, NULL, 1) == PUB_EPARSE, "html");
	OK(strstr(pub_error_last(), "HTML") != NULL, "html message");
	pub__arxiv_results_free(r, 1);
	/* truncated XML with a matching length */
	ctl(h, "{\"path_prefix\":\"/api/query\",\"status\":200,\"body_file\":\"arxiv/2408.12588.xml\",\"cut\":900}");
	OK(pub__arxiv_fetch(r, h, pab, NULL, 1) == PUB_EPARSE, "truncated xml");
	pub__arxiv_results_free(r, 1);
	/* XML bomb and external entities over the wire */
	ctl(h, "{\"path_prefix\":\"/api/query\",\"status\":200,\"body_file\":\"arxiv/errors/xml_bomb.xml\"}");
	OK(pub__arxiv_fetch(r, h, pab, NULL, 1) == PUB_EPARSE, "bomb");
	pub__arxiv_results_free(r, 1);
	ctl(h, "{\"path_prefix\":\"/api/query\",\"status\":200,\"body_file\":\"arxiv/errors/xxe.xml\"}");
	OK(pub__arxiv_fetch(r, h, pab, NULL, 1) == PUB_EPARSE, "xxe");
	pub__arxiv_results_free(r, 1);
	/* 429 "Rate exceeded." then success; 503 give-up */
	ctl(h, "{\"path_prefix\":\"/api/query\",\"status\":429,\"body\":\"Rate exceeded.\",\"retry_after\":\"0\"}");
	OK(pub__arxiv_fetch(r, h, pab, NULL, 1) == 0 && r[0].rc == 0, "429 then ok");
	pub__arxiv_results_free(r, 1);
	ctl(h, "{\"path_prefix\":\"/api/query\",\"status\":503,\"times\":4}");
	OK(pub__arxiv_fetch(r, h, pab, NULL, 1) == PUB_ENET, "503 give-up");
	STR_EQ(pub_error_last(), "arXiv: /api/query?id_list=2408.12588&max_results=1: HTTP 503 after 4 attempts",
		"503 message");
	pub__arxiv_results_free(r, 1);
	pub__http_free(h);
}

int main(int argc, char **argv)
{
	(void)argc;
	replay_ensure(argv);
	test_normalize();
	test_layouts();
	test_errors();
	test_bib();
	test_fetch();
	test_fetch_faults();
	return test_summary();
}
