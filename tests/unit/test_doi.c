/*
 * test_doi.c: DOI normalisation, CSL-JSON / Crossref / GitHub JSON parsing
 * on fixtures, and doi.org content negotiation (302, CSL-JSON, BibTeX
 * fallback, 404) and Crossref through the replay server.
 */
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "bibtex/entry.h"
#include "ids/doi.h"
#include "net/doi.h"
#include "net/github.h"
#include "net/http.h"

static void test_normalize(void)
{
	/* the canonical DOI is lower-cased (DOIs are case-insensitive) */
	static const char *const ok[][2] = {
		{"10.1145/3627535.3638465", "10.1145/3627535.3638465"},
		{"doi:10.1145/3627535.3638465", "10.1145/3627535.3638465"},
		{"https://doi.org/10.1103/PhysRevB.85.115117", "10.1103/physrevb.85.115117"},
		{"http://dx.doi.org/10.1007/BF01700692", "10.1007/bf01700692"},
		{" 10.48550/arXiv.2408.12588 ", "10.48550/arxiv.2408.12588"},
		{"10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0",
			"10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0"},
	};
	static const char *const bad[] = {"", "10.1145", "10.1145/", "11.1/x",
		"doi:", "https://doi.org/", "10./x", "10.1145/a b", "arxiv:2408.12588"};
	size_t i;
	char *d, *ax;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		OK(pub__doi_normalize(&d, ok[i][0]) == 0, "doi '%s'", ok[i][0]);
		STR_EQ(d, ok[i][1], "normalised '%s'", ok[i][0]);
		free(d);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		OK(pub__doi_normalize(&d, bad[i]) == PUB_EINVAL && !d, "reject '%s'", bad[i]);
	}
	OK(pub__doi_arxiv_id(&ax, "10.48550/arXiv.2408.12588") == 1, "arXiv DOI");
	STR_EQ(ax, "2408.12588", "arXiv id from DOI");
	free(ax);
	OK(pub__doi_arxiv_id(&ax, "10.48550/ARXIV.hep-th/9901001") == 1, "old-style arXiv DOI");
	STR_EQ(ax, "hep-th/9901001", "old id");
	free(ax);
	OK(pub__doi_arxiv_id(&ax, "10.1145/3627535.3638465") == 0 && !ax, "not arXiv");
}

static void test_parse(void)
{
	pub__csl c;
	pub__bib_entry *e;
	pub__github_repo r;
	size_t n;
	char *b;

	b = slurp("doi/10.1145_3627535.3638465.csl.json", &n);
	OK(pub__csl_parse(&c, b, n) == 0, "csl parse");
	free(b);
	STR_EQ(c.type, "paper-conference", "type");
	STR_EQ(c.title, "FastFold: Optimizing AlphaFold Training and Inference on GPU Clusters", "title");
	OK(c.nauthors == 9, "9 authors");
	STR_EQ(c.authors[1], "Zhao, Xuanlei", "author name");
	OK(c.year == 2024 && c.month == 2 && c.day == 20, "issued");
	e = pub__csl_to_bib(&c);
	STR_EQ(e->type, "inproceedings", "bibtex type");
	OK(pub__bib_entry_get(e, "booktitle") && !pub__bib_entry_get(e, "journal"), "booktitle");
	STR_EQ(pub__bib_entry_get(e, "doi"), "10.1145/3627535.3638465", "doi");
	STR_EQ(pub__bib_entry_get(e, "pages"), "417-430", "pages");
	STR_EQ(pub__bib_entry_get(e, "month"), "February", "month");
	OK(!strncmp(pub__bib_entry_get(e, "author"), "Cheng, Shenggan and Zhao, Xuanlei and ", 38),
		"author list");
	pub__bib_entry_free(e);
	pub__csl_free(&c);

	b = slurp("crossref/10.1103_physreva.106.022212.json", &n);
	OK(pub__crossref_parse(&c, b, n) == 0, "crossref parse: %s", pub_error_last());
	free(b);
	STR_EQ(c.type, "journal-article", "crossref type");
	STR_EQ(c.container, "Physical Review A", "container from array");
	OK(c.title && !strncmp(c.title, "Toy model", 9), "title from array");
	STR_EQ(c.authors[0], "Donadi, Sandro", "first author");
	STR_EQ(c.page, "022212", "article-number as page");
	STR_EQ(c.volume, "106", "volume");
	OK(c.year == 2022 && c.month == 8, "date");
	e = pub__csl_to_bib(&c);
	STR_EQ(e->type, "article", "article");
	STR_EQ(pub__bib_entry_get(e, "journal"), "Physical Review A", "journal");
	STR_EQ(pub__bib_entry_get(e, "number"), "2", "issue");
	pub__bib_entry_free(e);
	pub__csl_free(&c);

	OK(pub__csl_parse(&c, "{\"title\":\"x\"", 12) == PUB_EPARSE, "bad json");
	OK(strstr(pub_error_last(), "line 1") != NULL, "json error position");
	OK(pub__crossref_parse(&c, "{\"status\":\"ok\"}", 15) == PUB_EPARSE, "no message");
	{
		const char *j = "{\"type\":\"book\",\"title\":\"B\",\"author\":[{\"literal\":\"ACM {Council\"}],"
			"\"issued\":{\"date-parts\":[[\"2001\"]]}}";
		OK(pub__csl_parse(&c, j, strlen(j)) == 0, "literal author");
	}
	STR_EQ(c.authors[0], "{ACM {Council}", "literal braced");
	e = pub__csl_to_bib(&c);
	STR_EQ(pub__bib_entry_get(e, "author"), "{ACM {Council}}", "braces balanced for BibTeX");
	STR_EQ(pub__bib_entry_get(e, "year"), "2001", "string date parts");
	pub__bib_entry_free(e);
	pub__csl_free(&c);

	STR_EQ(pub__csl_bibtex_type("article-journal"), "article", "map");
	STR_EQ(pub__csl_bibtex_type("proceedings-article"), "inproceedings", "map");
	STR_EQ(pub__csl_bibtex_type("chapter"), "incollection", "map");
	STR_EQ(pub__csl_bibtex_type("dataset"), "misc", "map");
	STR_EQ(pub__csl_bibtex_type(NULL), "misc", "map NULL");

	{
		const char *j = "{\"id\":1,\"full_name\":\"a/b\",\"stargazers_count\":5,"
			"\"archived\":true,\"description\":null}";
		OK(pub__github_parse_repo(&r, j, strlen(j)) == 0, "github repo");
	}
	OK(r.id == 1 && r.stars == 5 && r.archived && !r.description, "github fields");
	STR_EQ(r.full_name, "a/b", "full_name");
	pub__github_repo_free(&r);
	OK(pub__github_parse_repo(&r, "{\"message\":\"Not Found\"}", 23) == PUB_EPARSE, "404 body");
}

static void test_fetch(void)
{
	pub__http *h = NULL;
	pub__csl c;
	char *bib = NULL;
	FILE *fp;
	char line[4096];
	int csl_accept = 0, bib_accept = 0;

	OK(pub__http_new(&h) == 0, "client");
	OK(pub__doi_fetch_csl(&c, h, "10.1145/3627535.3638465") == 0, "csl: %s", pub_error_last());
	STR_EQ(c.title, "FastFold: Optimizing AlphaFold Training and Inference on GPU Clusters", "title");
	pub__csl_free(&c);

	OK(pub__doi_fetch(&c, &bib, h, "10.1145/3627535.3638465") == 0 && !bib, "fetch csl path");
	OK(c.nauthors == 9, "authors");
	pub__csl_free(&c);

	OK(pub__doi_fetch(&c, &bib, h, "10.1126/science.169.3946.635") == 1, "bibtex fallback: %s",
		pub_error_last());
	OK(bib && !strncmp(bib, " @article{Frank_1970,", 21), "raw BibTeX: %.30s", bib ? bib : "");
	free(bib);

	OK(pub__doi_fetch(&c, &bib, h, "10.1/nonexistent") == PUB_ENOTFOUND, "404");
	STR_EQ(pub_error_last(), "no such DOI: 10.1/nonexistent", "404 message");
	OK(pub__doi_fetch_bibtex(&bib, h, "10.1/nonexistent") == PUB_ENOTFOUND, "404 bibtex");

	OK(pub__crossref_fetch(&c, h, "10.1145/3627535.3638465") == 0, "crossref");
	STR_EQ(c.type, "proceedings-article", "crossref type");
	STR_EQ(c.authors[8], "You, Yang", "last author");
	pub__csl_free(&c);
	OK(pub__crossref_fetch(&c, h, "10.1103/PhysRevA.106.022212") == 0, "crossref real record");
	pub__csl_free(&c);
	OK(pub__crossref_fetch(&c, h, "10.1371/notarealdoi") == PUB_ENOTFOUND, "crossref 404");
	STR_EQ(pub_error_last(), "no such DOI: 10.1371/notarealdoi", "crossref 404 message");

	fp = fopen(getenv("PUB_REPLAY_LOG"), "r");
	while (fp && fgets(line, sizeof(line), fp)) {
		if (!strstr(line, "/v1/works/10.1126%2Fscience"))
			continue;
		csl_accept += strstr(line, "citationstyles.csl+json") != NULL;
		bib_accept += strstr(line, "application/x-bibtex") != NULL;
	}
	if (fp)
		fclose(fp);
	OK(csl_accept == 1 && bib_accept == 1, "Accept kept across the 302 (%d, %d)", csl_accept,
		bib_accept);
	pub__http_free(h);
}

int main(int argc, char **argv)
{
	(void)argc;
	replay_ensure(argv);
	test_normalize();
	test_parse();
	test_fetch();
	return test_summary();
}
