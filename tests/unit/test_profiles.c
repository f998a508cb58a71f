/*
 * test_profiles.c: the three profile parsers on recorded responses
 * (fixtures/dblp, fixtures/orcid, fixtures/semanticscholar; each folder's
 * README.md says which are recorded) and on crafted ones in their shape, the
 * merging of one paper's records, and a work's JSON round trip.
 */
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "net/profile.h"

static const pub__work *by_title(const pub__work_list *l, const char *t)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		if (l->items[i].title && !strcmp(l->items[i].title, t))
			return &l->items[i];
	return NULL;
}

static void test_dblp(void)
{
	pub__work_list l = {0};
	const pub__work *w;
	size_t n;
	char *body = slurp("dblp/pid/95_7448-1.xml", &n);
	OK(pub__dblp_person_parse(&l, body, n, "/pid/95/7448-1.xml") == 0, "recorded person page");
	OK(l.n == 8, "8 records (%zu)", l.n);
	w = by_title(&l, "Correction of Clipped Pixels in Color Images");
	OK(w != NULL, "title without DBLP's final full stop");
	if (w) {
		STR_EQ(w->type, "article", "journal record");
		STR_EQ(w->venue, "IEEE Trans. Vis. Comput. Graph.", "journal");
		STR_EQ(w->doi, "10.1109/tvcg.2010.63", "DOI from the first doi.org <ee>");
		STR_EQ(w->dblp, "journals/tvcg/XuDN11", "key");
		STR_EQ(w->volume, "17", "volume");
		OK(w->year == 2011 && w->nauthors == 3, "year and authors");
		STR_EQ(w->authors[0], "Di Xu", "homonym number dropped");
	}
	w = by_title(&l, "Random Forests Based View Generation for Multiview TV");
	OK(w && !strcmp(w->type, "inproceedings") && !strcmp(w->venue, "ICTAI"), "booktitle");
	pub__works_merge(&l);
	OK(l.n == 8, "eight different papers stay eight");
	pub__work_list_free(&l);
	free(body);

	body = slurp("dblp/pid/00_0001.xml", &n);
	OK(pub__dblp_person_parse(&l, body, n, "x") == 0, "crafted person page");
	OK(l.n == 4, "4 records (%zu)", l.n);
	w = by_title(&l, "A Note on Single Authors & Their Records");
	OK(w && w->nauthors == 1, "one-author record, entity decoded");
	pub__works_merge(&l);
	OK(l.n == 3, "the CoRR record merges into the ICLR one (%zu)", l.n);
	w = by_title(&l, "Testing Profiles at Scale");
	OK(w != NULL, "merged paper");
	if (w) {
		STR_EQ(w->dblp, "conf/iclr/TesterL25", "the published key leads");
		STR_EQ(w->dblp_alt, "journals/corr/abs-2408-00001", "CoRR key kept");
		STR_EQ(w->arxiv, "2408.00001", "arXiv id from the CoRR record");
		STR_EQ(w->venue, "ICLR", "venue of the conference record");
		OK(w->year == 2025, "year of the published version");
	}
	pub__work_list_free(&l);
	free(body);

	body = slurp("dblp/errors/429.html", &n);
	OK(pub__dblp_person_parse(&l, body, n, "/pid/x.xml") == PUB_EPARSE, "HTML 429 page");
	OK(strstr(pub_error_last(), "HTML") != NULL, "says HTML: %s", pub_error_last());
	free(body);
	OK(pub__dblp_person_parse(&l, "<dblpperson><r><article", 23, "x") == PUB_EPARSE,
		"truncated XML");
	{
		static const char bomb[] = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaa\">]>"
			"<dblpperson>&a;</dblpperson>";
		OK(pub__dblp_person_parse(&l, bomb, sizeof(bomb) - 1, "x") == PUB_EPARSE,
			"entity declaration refused");
	}
	OK(pub__dblp_person_parse(&l, "<feed/>", 7, "x") == PUB_EPARSE, "not a person");
	OK(l.n == 0, "nothing from failures");
}

static void test_orcid(void)
{
	pub__work_list l = {0};
	const pub__work *w;
	size_t n;
	char *body = slurp("orcid/0000-0002-9341-7985_works.json", &n);
	OK(pub__orcid_works_parse(&l, body, n, "/v3.0/x/works") == 0, "recorded small record");
	OK(l.n > 0, "works (%zu)", l.n);
	w = by_title(&l, "PeerJ - A case study in improving research collaboration at the journal level");
	OK(w && w->doi && !strcmp(w->doi, "10.3233/isu-130714") && w->year == 2013,
		"DOI lower-cased, year");
	pub__work_list_free(&l);
	free(body);

	body = slurp("orcid/0000-0001-8607-8025_works.json", &n);
	OK(pub__orcid_works_parse(&l, body, n, "x") == 0 && l.n > 20, "recorded large record");
	pub__work_list_free(&l);
	free(body);

	body = slurp("orcid/0000-0003-1620-1408_works.json", &n);
	OK(pub__orcid_works_parse(&l, body, n, "x") == 0 && l.n == 0, "empty record");
	free(body);

	body = slurp("orcid/0000-0002-1825-0097_works.json", &n);
	OK(pub__orcid_works_parse(&l, body, n, "x") == 0 && l.n == 4, "crafted record");
	pub__works_merge(&l);
	OK(l.n == 3, "two groups for one DOI are one work (%zu)", l.n);
	w = by_title(&l, "Testing Profiles at Scale");
	OK(w && w->arxiv && !strcmp(w->arxiv, "2408.00001") && !w->doi,
		"arXiv DOI is the arXiv id");
	pub__work_list_free(&l);
	free(body);

	body = slurp("orcid/errors_person_404.json", &n);
	OK(pub__orcid_works_parse(&l, body, n, "x") == PUB_EPARSE, "a 404 body is no list");
	free(body);
	OK(pub__orcid_works_parse(&l, "{\"group\": [", 11, "x") == PUB_EPARSE, "truncated");
	OK(strstr(pub_error_last(), "line 1") != NULL, "position: %s", pub_error_last());
}

/* Wraps one work (a /work/{put-code} body) as a bulk answer's slot, with
 * an error slot after it. */
static char *bulk_of(const char *work, size_t n, size_t *len)
{
	static const char head[] = "{\"bulk\":[{\"work\":";
	static const char tail[] = "},{\"error\":{\"response-code\":404,\"error-code\":9016}}]}";
	char *b = malloc(sizeof(head) + n + sizeof(tail));
	memcpy(b, head, sizeof(head) - 1);
	memcpy(b + sizeof(head) - 1, work, n);
	memcpy(b + sizeof(head) - 1 + n, tail, sizeof(tail));
	*len = sizeof(head) - 1 + n + sizeof(tail) - 1;
	return b;
}

static void test_orcid_bulk(void)
{
	pub__work w[3];
	long long codes[3] = {77226586, 1, 77226586};
	size_t n, len, i;
	char *work = slurp("orcid/0000-0002-0734-2199_work_77226586.json", &n), *body, *cut;
	memset(w, 0, sizeof(w));
	body = bulk_of(work, n, &len);
	OK(pub__orcid_bulk_parse(w, codes, 2, body, len, "/v3.0/x/works/77226586,1") == 0,
		"recorded work in a bulk answer");
	OK(w[0].nauthors == 4, "four contributors (%zu)", w[0].nauthors);
	if (w[0].nauthors == 4) {
		STR_EQ(w[0].authors[0], "Sebastian Kreutzer", "credit name");
		STR_EQ(w[0].authors[2], "Loïc Martin", "UTF-8 kept");
		STR_EQ(w[0].authors[3], "Norbert Mercier", "order kept without sequence");
	}
	OK(w[1].nauthors == 0, "an error slot leaves its work alone");
	free(body);

	/* without contributors: the author field of the BibTeX citation */
	cut = strstr(work, "\"contributors\":{");
	OK(cut != NULL, "recorded work has contributors");
	if (cut) {
		memcpy(cut, "\"contributorz\"", 14);
		body = bulk_of(work, n, &len);
		OK(pub__orcid_bulk_parse(&w[2], &codes[2], 1, body, len, "x") == 0, "citation");
		OK(w[2].nauthors == 4, "four BibTeX authors (%zu)", w[2].nauthors);
		if (w[2].nauthors == 4) {
			STR_EQ(w[2].authors[0], "Sebastian Kreutzer", "First Last");
			STR_EQ(w[2].authors[2], "Loïc Martin", "LaTeX accent decoded");
		}
		free(body);
	}
	free(work);
	for (i = 0; i < 3; i++)
		pub__work_clear(&w[i]);

	/* crafted: sequence order, the editor left out */
	memset(w, 0, sizeof(w));
	codes[0] = 77226587;
	work = slurp("orcid/0000-0002-0734-2199_work_77226587.json", &n);
	body = bulk_of(work, n, &len);
	OK(pub__orcid_bulk_parse(w, codes, 1, body, len, "x") == 0 && w[0].nauthors == 3,
		"three authors (%zu)", w[0].nauthors);
	if (w[0].nauthors == 3) {
		STR_EQ(w[0].authors[0], "Sebastian Kreutzer", "sequence first");
		STR_EQ(w[0].authors[1], "Norbert Mercier", "then the others as listed");
	}
	pub__work_clear(&w[0]);
	free(body);
	free(work);
	OK(pub__orcid_bulk_parse(w, codes, 1, "{\"bulk\": [", 10, "x") == PUB_EPARSE, "truncated");
	OK(pub__orcid_bulk_parse(w, codes, 1, "{\"group\": []}", 13, "/v3.0/x/works/1") ==
		PUB_EPARSE && strstr(pub_error_last(), "/v3.0/x/works/1"), "no bulk: %s",
		pub_error_last());
}

static void test_s2(void)
{
	pub__work_list l = {0};
	const pub__work *w;
	long next;
	size_t n;
	char *body = slurp("semanticscholar/recorded_author_1723755_papers_offset0.json", &n);
	OK(pub__s2_author_papers_parse(&l, &next, body, n, "x") == 0, "recorded first page");
	OK(next == 100 && l.n == 100, "next 100, 100 papers (%ld, %zu)", next, l.n);
	free(body);
	body = slurp("semanticscholar/recorded_author_1723755_papers_offset800_last_page.json", &n);
	OK(pub__s2_author_papers_parse(&l, &next, body, n, "x") == 0, "recorded last page");
	OK(next == -1 && l.n > 100, "no next on the last page (%ld)", next);
	pub__work_list_free(&l);
	free(body);

	body = slurp("semanticscholar/recorded_author_2262347_with_papers.json", &n);
	OK(pub__s2_author_papers_parse(&l, &next, body, n, "x") == PUB_EPARSE,
		"an author object is not a page of papers");
	free(body);

	body = slurp("semanticscholar/author_1000001_papers.json", &n);
	OK(pub__s2_author_papers_parse(&l, &next, body, n, "x") == 0 && l.n == 5, "crafted");
	w = by_title(&l, "Paging to the Last Page");
	OK(w && !w->venue && !strcmp(w->type, "misc") && w->arxiv &&
		!strcmp(w->arxiv, "2201.00002") && !w->doi, "arXiv-only paper is a preprint");
	w = by_title(&l, "Testing Profiles at Scale");
	OK(w && !strcmp(w->type, "inproceedings") && !strcmp(w->dblp, "conf/iclr/TesterL25"),
		"conference paper with its DBLP key");
	if (w) {
		char *json = pub__work_to_json(w);
		pub__work back;
		OK(pub__work_from_json(&back, json) == 0, "JSON back");
		STR_EQ(back.title, w->title, "title round trip");
		STR_EQ(back.dblp, w->dblp, "key round trip");
		OK(back.nauthors == 2 && back.year == 2025, "authors and year round trip");
		pub__work_clear(&back);
		free(json);
	}
	pub__work_list_free(&l);
	free(body);
	OK(pub__s2_author_papers_parse(&l, &next, "{\"message\": \"Too Many\"}", 23, "x") ==
		PUB_EPARSE, "a 429 body is no page");

	/* publicationVenue's short name: a conference's first space-free
	 * alternate name, never arXiv's (the owner list the venues step
	 * reads) */
	body = slurp("semanticscholar/author_2261354811_papers.json", &n);
	OK(pub__s2_author_papers_parse(&l, &next, body, n, "x") == 0 && l.n == 6, "owner list");
	w = by_title(&l, "Real-Time Video Generation with Pyramid Attention Broadcast");
	OK(w && w->venue_short && !strcmp(w->venue_short, "ICLR"), "ICLR's short name");
	w = by_title(&l, "A Preprint Nobody Stored");
	OK(w && !w->venue_short && !strcmp(w->type, "misc"), "arXiv.org has none");
	if (w) {
		pub__work copy;
		pub__work_copy(&copy, &l.items[0]);
		STR_EQ(copy.venue_short, l.items[0].venue_short, "copied");
		OK(copy.nauthors == l.items[0].nauthors, "authors copied");
		pub__work_clear(&copy);
	}
	pub__work_list_free(&l);
	free(body);
}

static void test_ids(void)
{
	pub__profile_kind k;
	char *id = NULL;
	OK(pub__profile_parse(&k, &id, "orcid:0000-0002-1825-0097") == 0 &&
		k == PUB__PROFILE_ORCID, "ORCID");
	free(id);
	OK(pub__profile_parse(&k, &id, "orcid:0000-0002-1825-0098") == PUB_EINVAL,
		"wrong check digit");
	OK(pub__profile_parse(&k, &id, "dblp:https://dblp.org/pid/95/7448-1.html") == 0 &&
		!strcmp(id, "95/7448-1"), "DBLP pid URL");
	free(id);
	OK(pub__profile_parse(&k, &id, "dblp:conf/iclr/X25") == PUB_EINVAL, "a key is no pid");
	OK(pub__profile_parse(&k, &id, "s2author:12a") == PUB_EINVAL, "S2 ids are numbers");
	id = pub__work_arxiv_from("journals/corr/abs-2312-07559");
	STR_EQ(id, "2312.07559", "CoRR key");
	free(id);
}

int main(void)
{
	test_dblp();
	test_orcid();
	test_orcid_bulk();
	test_s2();
	test_ids();
	return test_summary();
}
