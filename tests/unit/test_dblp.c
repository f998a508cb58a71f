/*
 * test_dblp.c: DBLP's search JSON and record BibTeX on the recorded answers
 * (an author object for one author, venue arrays, &apos;, no "hit" key),
 * short venue names, CoRR and workshop records, the matching rules of
 * venue discovery; then the client against the replay server: a record, a
 * 404, DBLP's HTML 429 page, a 500.
 */
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "net/dblp.h"
#include "net/http.h"
#include "sync/venues.h"

static void test_search_parse(void)
{
	pub__dblp_hit *hits;
	size_t n, nh, i;
	char *body = slurp("dblp/search_publ_json_toc_cidr2021.json", &n);
	int found = 0;

	OK(pub__dblp_parse_search(&hits, &nh, body, n) == 0, "cidr2021: %s", pub_error_last());
	OK(nh == 44, "44 hits, got %zu", nh);
	STR_EQ(hits[0].key, "conf/cidr/0001NZLGN21", "key");
	STR_EQ(hits[0].venue, "CIDR", "venue");
	OK(hits[0].year == 2021, "year is a string in the JSON");
	OK(hits[0].nauthors == 6, "author array");
	STR_EQ(hits[0].authors[0], "Arun Kumar 0001", "homonym number kept here");
	OK(hits[43].nauthors == 0, "an editorship has no authors");
	STR_EQ(hits[43].type, "Editorship", "type");
	pub__dblp_hits_free(hits, nh);
	free(body);

	body = slurp("dblp/search_publ_json_toc_edbt88.json", &n);
	OK(pub__dblp_parse_search(&hits, &nh, body, n) == 0, "edbt88");
	for (i = 0; i < nh; i++) {
		if (hits[i].key && strcmp(hits[i].key, "conf/edbt/Beech88") == 0) {
			found = 1;
			OK(hits[i].nauthors == 1, "one author: an object");
			STR_EQ(hits[i].authors[0], "David Beech", "the one author");
			STR_EQ(hits[i].doi, "10.1007/3-540-19074-0_57", "doi");
		}
		if (hits[i].title && strstr(hits[i].title, "EDBT")) {
			OK(!strstr(hits[i].title, "&apos;"), "entities decoded: %s", hits[i].title);
		}
	}
	OK(found, "Beech88 found");
	for (i = 0, found = 0; i < nh; i++)
		found |= hits[i].venue && strcmp(hits[i].venue, "EDBT") == 0;
	OK(found, "a venue array gives its first name");
	pub__dblp_hits_free(hits, nh);
	free(body);

	body = slurp("dblp/search_publ_json_no_hits_dasfaa90.json", &n);
	OK(pub__dblp_parse_search(&hits, &nh, body, n) == 0 && nh == 0 && !hits,
		"no hits: no hit key");
	free(body);

	body = slurp("dblp/search/zhao_s_law_of_caching.json", &n);
	OK(pub__dblp_parse_search(&hits, &nh, body, n) == 0 && nh == 1, "fixture");
	STR_EQ(hits[0].title, "Zhao's Law of Caching.", "&apos;");
	STR_EQ(hits[0].venue, "AAAI", "venue array");
	STR_EQ(hits[0].authors[0], "Xuanlei Zhao 0001", "author object");
	pub__dblp_hits_free(hits, nh);
	free(body);

	OK(pub__dblp_parse_search(&hits, &nh, "<!DOCTYPE html><title>429 Too Many Requests</title>",
		   51) == PUB_EPARSE, "HTML");
	STR_EQ(pub_error_last(), "DBLP: /search/publ/api: an HTML page instead of JSON", "HTML message");
	OK(pub__dblp_parse_search(&hits, &nh, "{\"result\":{}}", 13) == PUB_EPARSE, "no hits object");
	OK(pub__dblp_parse_search(&hits, &nh, "{\"result\":", 10) == PUB_EPARSE, "truncated");
	{
		const char *odd = "{\"result\":{\"hits\":{\"hit\":[1,{\"info\":"
			"{\"authors\":{\"author\":[3,{\"text\":4}]},\"year\":\"x\"}}]}}}";
		OK(pub__dblp_parse_search(&hits, &nh, odd, strlen(odd)) == 0 && nh == 1,
			"odd types ignored");
	}
	OK(hits[0].nauthors == 0 && hits[0].year == 0 && !hits[0].key, "odd types give unknowns");
	pub__dblp_hits_free(hits, nh);
}

static void test_rec_parse(void)
{
	pub__dblp_rec r;
	size_t n;
	char *body = slurp("dblp/rec_series_sci_2023-1062.bib", &n);
	OK(pub__dblp_parse_rec(&r, body, n) == 0, "recorded record");
	STR_EQ(r.key, "series/sci/2023-1062", "key without DBLP:");
	STR_EQ(r.type, "book", "type");
	STR_EQ(r.title, "Banach Space Valued Neural Network - Ordinary and Fractional Approximation "
		"and Interpolation", "wrapped title joined");
	OK(r.year == 2023, "year");
	STR_EQ(r.doi, "10.1007/978-3-031-16400-2", "doi");
	pub__dblp_rec_free(&r);
	free(body);

	body = slurp("dblp/rec/conf_ppopp_ChengZLFZWZPY24.bib", &n);
	OK(pub__dblp_parse_rec(&r, body, n) == 0, "PPoPP record");
	STR_EQ(r.booktitle, "Proceedings of the 29th {ACM} {SIGPLAN} Annual Symposium on Principles "
		"and Practice of Parallel Programming, PPoPP 2024, Edinburgh, United Kingdom, "
		"March 2-6, 2024", "booktitle");
	STR_EQ(r.pages, "417--430", "pages");
	STR_EQ(r.author, "Shenggan Cheng and Xuanlei Zhao and Guangyang Lu and Jiarui Fang and "
		"Tian Zheng and Ruidong Wu and Xiwen Zhang and Jian Peng and Yang You", "authors");
	pub__dblp_rec_free(&r);
	free(body);
	OK(pub__dblp_parse_rec(&r, "<html>no</html>", 15) == PUB_EPARSE, "HTML is no record");
	OK(pub__dblp_parse_rec(&r, "", 0) == PUB_EPARSE, "empty");
}

static void test_names(void)
{
	char *s;
	s = pub__dblp_short_venue("conf/iclr/ZhaoJWY25", NULL, NULL, NULL);
	STR_EQ(s, "ICLR", "stream");
	free(s);
	s = pub__dblp_short_venue("conf/mlsys/ZhaoJZLCY24", NULL, NULL, NULL);
	STR_EQ(s, "MLSys", "MLSys");
	free(s);
	s = pub__dblp_short_venue("conf/ppopp/X24", NULL, NULL, NULL);
	STR_EQ(s, "PPoPP", "PPoPP");
	free(s);
	s = pub__dblp_short_venue("conf/newconf/X24", "NewConf", NULL, NULL);
	STR_EQ(s, "NewConf", "the search's venue");
	free(s);
	s = pub__dblp_short_venue("conf/newconf/X24", NULL,
		"Proceedings of the First {NCF} Meeting, {ACM} 2024", NULL);
	STR_EQ(s, "NCF", "the booktitle's braced acronym");
	free(s);
	s = pub__dblp_short_venue("journals/xyz/X24", NULL, NULL, "Xyz Lett.");
	STR_EQ(s, "Xyz Lett.", "the journal");
	free(s);
	OK(pub__dblp_short_venue(NULL, NULL, NULL, NULL) == NULL, "nothing");

	OK(pub__dblp_is_preprint("journals/corr/abs-2403-10266", NULL, NULL), "CoRR key");
	OK(pub__dblp_is_preprint("x/y/z", "CoRR", NULL), "CoRR venue");
	OK(pub__dblp_is_preprint("x/y/z", NULL, "Informal and Other Publications"), "informal");
	OK(!pub__dblp_is_preprint("conf/iclr/ZhaoJWY25", "ICLR", "Conference and Workshop Papers"),
		"a conference");
	OK(pub__dblp_is_workshop("conf/iccvw/X23", NULL, NULL), "iccvw stream");
	OK(pub__dblp_is_workshop("conf/cvpr/ZhaoY23", "CVPR Workshops", NULL), "venue");
	OK(pub__dblp_is_workshop("conf/icml/X", NULL, "ICML 2023 Workshop on Things"), "booktitle");
	OK(!pub__dblp_is_workshop("conf/www/X23", "WWW", NULL), "WWW is no workshop");
	OK(!pub__dblp_is_workshop("conf/iclr/ZhaoJWY25", "ICLR", NULL), "ICLR");

	s = pub__dblp_entities("a&apos;b&amp;c&quot;&lt;&gt;&#233;&#x4E2D;&bogus;&#0;");
	STR_EQ(s, "a'b&c\"<>\xc3\xa9\xe4\xb8\xad&bogus;&#0;", "entities");
	free(s);
}

static void test_match(void)
{
	pub__vpaper p;
	pub__vowner o;
	pub__vauthors ok, no, one, homonym, bib;
	const char *ok_names[] = {"Xuanlei Zhao", "Yang You"};
	const char *no_names[] = {"Bob Jones", "Xuanlei Zhao"};
	const char *hom_names[] = {"Xuanlei Zhao 0002", "Yang You"};
	const char *hom_pids[] = {"123/4-2", "55/1"}, *own_pids[] = {"123/4-1", "55/1"};
	const char *const title = "Real-Time Video Generation with Pyramid Attention Broadcast.";
	memset(&p, 0, sizeof(p));
	memset(&o, 0, sizeof(o));
	p.title_key = pub__vtitle_key("Real-Time Video Generation with {P}yramid Attention Broadcast");
	p.families = (char *[]){"zhao", "you", "jin"};
	p.nfamilies = 3;
	p.year = 2024;
	pub__vauthors_make(&ok, ok_names, NULL, 2, NULL, NULL);
	pub__vauthors_make(&no, no_names, NULL, 2, NULL, NULL);
	OK(pub__vacceptable(&p, "conf/iclr/ZhaoJWY25", "ICLR", NULL, title, &ok, 2025),
		"same title, two authors, year + 1");
	OK(!pub__vacceptable(&p, "conf/nips/JonesW23", NULL, NULL, title, &no, 2024),
		"one shared family name is not enough");
	OK(!pub__vacceptable(&p, "journals/corr/abs-2408-12588", "CoRR", NULL, title, &ok, 2024),
		"CoRR");
	OK(!pub__vacceptable(&p, "conf/iclr/X", NULL, NULL, "Real-Time Video Generation.", &ok,
		   2025), "other title");
	OK(!pub__vacceptable(&p, "conf/iclr/X", NULL, NULL, title, &ok, 2027), "year + 3");
	OK(!pub__vacceptable(&p, "conf/iclr/X", NULL, NULL, title, &ok, 2022), "year - 2");
	/* a one-author version: that author */
	pub__vauthors_make(&one, (const char *[]){"Xuanlei Zhao 0001"}, NULL, 1, NULL, NULL);
	OK(pub__vacceptable(&p, "conf/iclr/X", NULL, NULL, title, &one, 2024), "one author");
	pub__vauthors_clear(&one);
	/* the owner: a numbered homonym never stands for them */
	o.names = (char *[]){"xuanlei zhao"};
	o.nnames = 1;
	p.owner = &o;
	pub__vauthors_make(&homonym, hom_names, NULL, 2, NULL, &o);
	OK(homonym.n == 2 && !*homonym.families[0], "the homonym does not count");
	OK(!pub__vacceptable(&p, "conf/aaai/X", NULL, NULL, title, &homonym, 2024),
		"Xuanlei Zhao 0002 is not the owner");
	pub__vauthors_clear(&homonym);
	/* with owner.dblp, DBLP's pids decide */
	o.pid = (char *)"123/4-1";
	o.number = 1;
	pub__vauthors_make(&homonym, hom_names, hom_pids, 2, NULL, &o);
	OK(!pub__vacceptable(&p, "conf/aaai/X", NULL, NULL, title, &homonym, 2024),
		"another pid");
	pub__vauthors_clear(&homonym);
	pub__vauthors_make(&homonym, (const char *[]){"Xuanlei Zhao 0001", "Yang You"}, own_pids,
		2, NULL, &o);
	OK(homonym.has_owner_pid && pub__vacceptable(&p, "conf/iclr/X", NULL, NULL, title,
		   &homonym, 2024), "the owner's pid and number");
	pub__vauthors_clear(&homonym);
	/* a BibTeX list: names folded, numbers dropped */
	pub__vauthors_make(&bib, NULL, NULL, 0, "M{\\\"u}ller, Hans and Arun Kumar 0001", NULL);
	OK(bib.n == 2, "families %zu", bib.n);
	if (bib.n == 2) {
		STR_EQ(bib.families[0], "muller", "BibTeX name folded");
		STR_EQ(bib.families[1], "kumar", "BibTeX homonym number dropped");
	}
	pub__vauthors_clear(&bib);
	pub__vauthors_clear(&ok);
	pub__vauthors_clear(&no);
	free(p.title_key);
}

static void fault(pub__http *h, const char *json)
{
	pub__http_response r = PUB__HTTP_RESPONSE_INIT;
	pub__http_request q;
	memset(&q, 0, sizeof(q));
	q.service = PUB__SVC_DBLP;
	q.method = "POST";
	q.path = "/_control";
	q.body = json;
	q.body_len = strlen(json);
	OK(pub__http_request_do(&r, h, &q) == 0 && r.status == 200, "fault set");
	pub__http_response_free(&r);
}

static void test_fetch(void)
{
	pub__http *h;
	pub__dblp_rec r;
	pub__dblp_hit *hits;
	size_t nh;
	setenv("PUB_DBLP_INTERVAL_MS", "1", 1);
	setenv("PUB_HTTP_BACKOFF_MS", "5", 1);
	OK(pub__http_new(&h) == 0, "client");
	OK(pub__dblp_rec_get(&r, h, "conf/iclr/ZhaoJWY25") == 0, "record: %s", pub_error_last());
	STR_EQ(r.booktitle, "The Thirteenth International Conference on Learning Representations, "
		"{ICLR} 2025, Singapore, April 24-28, 2025", "booktitle");
	OK(r.year == 2025, "year");
	pub__dblp_rec_free(&r);
	OK(pub__dblp_rec_get(&r, h, "conf/none/X") == PUB_ENOTFOUND, "404");
	OK(pub__dblp_rec_get(&r, h, "conf/x y") == PUB_EINVAL, "a space is no key");
	OK(pub__dblp_search(&hits, &nh, h, "one title at two venues") == 0 && nh == 2, "search");
	pub__dblp_hits_free(hits, nh);
	OK(pub__dblp_search(&hits, &nh, h, "nothing at all") == 0 && nh == 0, "no hits");

	fault(h, "{\"path_prefix\":\"/search/publ/api\",\"status\":429,\"times\":-1,"
		"\"content_type\":\"text/html\",\"body\":\"<html><head><title>429 Too Many Requests"
		"</title></head><body>The vast number of requests from your side</body></html>\"}");
	OK(pub__dblp_search(&hits, &nh, h, "one title at two venues") == PUB_ERATELIMIT, "429 page");
	OK(strstr(pub_error_last(), "DBLP") != NULL, "429 names DBLP: %s", pub_error_last());
	OK(pub__http_held(h, PUB__SVC_DBLP), "held after the 429s");
	OK(pub__dblp_rec_get(&r, h, "conf/iclr/ZhaoJWY25") == PUB_ERATELIMIT, "held: any path");
	pub__http_free(h);
	OK(pub__http_new(&h) == 0, "a new client");
	fault(h, "{\"clear\":true}");
	fault(h, "{\"path_prefix\":\"/rec/\",\"status\":500,\"times\":-1,\"body\":\"oops\"}");
	OK(pub__dblp_rec_get(&r, h, "conf/iclr/ZhaoJWY25") == PUB_ENET, "500");
	OK(strstr(pub_error_last(), "DBLP: /rec/conf/iclr/ZhaoJWY25.bib: HTTP 500") != NULL,
		"500 message: %s", pub_error_last());
	fault(h, "{\"clear\":true}");
	fault(h, "{\"path_prefix\":\"/search/publ/api\",\"status\":200,\"times\":1,"
		"\"content_type\":\"text/html\",\"body\":\"<html>maintenance</html>\"}");
	OK(pub__dblp_search(&hits, &nh, h, "x") == PUB_ENET, "HTML 200 is a failure of DBLP");
	pub__http_free(h);
}

int main(int argc, char **argv)
{
	(void)argc;
	replay_ensure(argv);
	test_search_parse();
	test_rec_parse();
	test_names();
	test_match();
	test_fetch();
	return test_summary();
}
