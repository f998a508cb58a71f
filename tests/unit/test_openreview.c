/*
 * test_openreview.c: OpenReview's notes (lib/net/openreview.c): the
 * recorded answers (fixtures/openreview/recorded/, the reference
 * responses as they were captured): the real mixed search (NeurIPS 2025
 * poster, ICML 2025 spotlightposter, ICLR 2026 Oral and withdrawn, ICLR
 * 2024 rejected and poster, TMLR, COLM, DBLP and CoRR imports, unified
 * author objects), the PAB search, the ICLR 2024 listings with their
 * pdates, the error bodies; then the client against the replay server: a
 * guest search, /notes refused to a guest (the 403 challenge, "needs an
 * account"), the login and the owner's notes, the token never logged.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "net/http.h"
#include "net/openreview.h"

/* The body of a recorded exchange (its response.json dumped, or its
 * text); `which` picks one of an "exchanges" array (-1: the file's one). */
static char *recorded(const char *file, int which, size_t *n)
{
	size_t len;
	char *raw = slurp(file, &len), *out;
	json_t *root = json_loadb(raw, len, 0, NULL), *ex, *res, *body;
	OK(root != NULL, "%s is JSON", file);
	ex = which < 0 ? root : json_array_get(json_object_get(root, "exchanges"), (size_t)which);
	res = json_object_get(ex, "response");
	body = json_object_get(res, "json");
	if (body)
		out = json_dumps(body, JSON_COMPACT | JSON_PRESERVE_ORDER);
	else
		out = strdup(json_string_value(json_object_get(res, "text")));
	json_decref(root);
	free(raw);
	*n = strlen(out);
	return out;
}

static const pub__or_note *by_id(const pub__or_note *ns, size_t n, const char *id)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (ns[i].id && !strcmp(ns[i].id, id))
			return &ns[i];
	return NULL;
}

static void expect(const pub__or_note *ns, size_t n, const char *id, pub__or_status st,
	const char *badge, const char *tier, const char *day)
{
	const pub__or_note *x = by_id(ns, n, id);
	char d[11], *b;
	OK(x != NULL, "note %s", id);
	if (!x)
		return;
	OK(pub__or_note_status(x) == st, "%s: status %d, want %d", id, pub__or_note_status(x), st);
	b = pub__or_note_badge(x);
	if (badge)
		STR_EQ(b, badge, "%s: badge", id);
	else
		OK(b == NULL, "%s: no badge (%s)", id, b);
	free(b);
	if (tier)
		STR_EQ(pub__or_note_tier(x), tier, "%s: tier", id);
	else
		OK(pub__or_note_tier(x) == NULL, "%s: no tier", id);
	if (day) {
		OK(pub__or_note_day(d, x) == 0, "%s: a day", id);
		STR_EQ(d, day, "%s: the decision day is pdate's", id);
	}
}

static void test_recorded(void)
{
	pub__or_note *ns;
	size_t n, len;
	char *body = recorded("openreview/recorded/or_04_search_real_mixed.json", -1, &len);
	const pub__or_note *x;
	char d[11];

	OK(pub__or_parse_notes(&ns, &n, "/notes/search", body, len) == 0, "real search: %s",
		pub_error_last());
	OK(n == 12, "12 notes, got %zu", n);
	expect(ns, n, "VGv5y60sXC", PUB__OR_ACCEPTED, "NeurIPS 2025", "Poster", "2025-09-18");
	expect(ns, n, "uqCfoVXb67", PUB__OR_ACCEPTED, "ICML 2025", "Spotlight", "2025-05-01");
	expect(ns, n, "g88nt4ieTG", PUB__OR_ACCEPTED, "ICLR 2026", "Oral", "2026-01-26");
	expect(ns, n, "r12Cz05mUT", PUB__OR_WITHDRAWN, NULL, NULL, NULL);
	expect(ns, n, "qiOqgphnVL", PUB__OR_REJECTED, NULL, NULL, NULL);
	expect(ns, n, "vZZ4hhniJU", PUB__OR_ACCEPTED, "ICLR 2024", "Poster", "2024-01-16");
	expect(ns, n, "hFALpTb4fR", PUB__OR_ACCEPTED, "TMLR 2024", NULL, "2024-03-06");
	expect(ns, n, "mbjRRWwZDP", PUB__OR_ACCEPTED, "COLM 2026", NULL, NULL);
	expect(ns, n, "9tvxC2UQDh", PUB__OR_IMPORT, NULL, NULL, NULL);
	expect(ns, n, "qIYb7GJMCz", PUB__OR_IMPORT, NULL, NULL, NULL);
	expect(ns, n, "aE2EzXZZdq", PUB__OR_IMPORT, NULL, NULL, NULL);
	expect(ns, n, "2QpvHDULWt", PUB__OR_WORKSHOP, NULL, NULL, NULL);
	x = by_id(ns, n, "uqCfoVXb67");
	STR_EQ(x->title, "UniDB: A Unified Diffusion Bridge Framework via Stochastic Optimal Control",
		"title");
	OK(x->nauthors == 7, "7 authors");
	STR_EQ(x->authors[0], "Kaizhen Zhu", "first author");
	OK(x->odate == 1750230985554LL, "odate kept apart");
	x = by_id(ns, n, "qiOqgphnVL");
	OK(pub__or_note_day(d, x) < 0, "a rejected note has no pdate");
	x = by_id(ns, n, "aE2EzXZZdq");
	OK(x->nauthors == 7 && x->nauthorids == 1, "unified author objects: names, one username");
	STR_EQ(x->authors[4], "Shucheng Zhang", "fullname");
	STR_EQ(x->authorids[0], "~Shucheng_Zhang2", "username");
	x = by_id(ns, n, "2QpvHDULWt");
	STR_EQ(x->authorids[0], "~Sivasharmini_Ganeshamoorthy1", "username with institutions");
	pub__or_notes_free(ns, n);
	free(body);

	body = recorded("openreview/recorded/or_01_search_title_pab.json", -1, &len);
	OK(pub__or_parse_notes(&ns, &n, "/notes/search", body, len) == 0, "PAB search");
	OK(n == 2, "native note and a DBLP copy");
	expect(ns, n, "hDBrQ4DApF", PUB__OR_ACCEPTED, "ICLR 2025", "Poster", "2025-01-22");
	OK(pub__or_note_status(&ns[1]) == PUB__OR_IMPORT, "the CoRR copy is an import");
	OK(ns[0].nauthorids == 4, "authorids");
	STR_EQ(ns[0].authorids[0], "~Xuanlei_Zhao1", "tilde id");
	pub__or_notes_free(ns, n);
	free(body);

	/* ICLR 2024's accepted / rejected / withdrawn listings (real headers) */
	{
		static const struct {
			int ex;
			pub__or_status st;
		} l[] = {{1, PUB__OR_ACCEPTED}, {2, PUB__OR_REJECTED}, {3, PUB__OR_WITHDRAWN}};
		size_t i;
		for (i = 0; i < 3; i++) {
			body = recorded("openreview/recorded/or_05_venueid_listings_and_group.json",
				l[i].ex, &len);
			OK(pub__or_parse_notes(&ns, &n, "/notes", body, len) == 0 && n >= 1,
				"listing %d", l[i].ex);
			if (n)
				OK(pub__or_note_status(&ns[0]) == l[i].st, "listing %d: status", l[i].ex);
			pub__or_notes_free(ns, n);
			free(body);
		}
	}
	/* the 2025 listing: Oral, Spotlight and Poster in one answer */
	body = recorded("openreview/recorded/or_05_venueid_listings_and_group.json", 0, &len);
	OK(pub__or_parse_notes(&ns, &n, "/notes", body, len) == 0 && n >= 3, "ICLR 2025 listing");
	{
		size_t i, oral = 0, spot = 0, poster = 0;
		for (i = 0; i < n; i++) {
			const char *t = pub__or_note_tier(&ns[i]);
			oral += t && !strcmp(t, "Oral");
			spot += t && !strcmp(t, "Spotlight");
			poster += t && !strcmp(t, "Poster");
		}
		OK(oral && spot && poster, "all three tiers: %zu %zu %zu", oral, spot, poster);
	}
	pub__or_notes_free(ns, n);
	free(body);
	/* the under-review note (guest view: no authors) */
	body = recorded("openreview/recorded/or_05_venueid_listings_and_group.json", 4, &len);
	OK(pub__or_parse_notes(&ns, &n, "/notes", body, len) == 0 && n == 1, "under review");
	if (n)
		OK(pub__or_note_status(&ns[0]) == PUB__OR_PENDING && ns[0].nauthors == 0,
			"pending, no authors for a guest");
	pub__or_notes_free(ns, n);
	free(body);

	/* errors: the challenge page, the 403 body, the empty list */
	body = recorded("openreview/recorded/or_06_errors.json", 3, &len);
	OK(pub__or_parse_notes(&ns, &n, "/notes", body, len) == PUB_EPARSE, "HTML challenge");
	OK(strstr(pub_error_last(), "needs an account") != NULL, "says so: %s", pub_error_last());
	free(body);
	body = recorded("openreview/recorded/or_06_errors.json", 2, &len);
	OK(pub__or_parse_notes(&ns, &n, "/notes", body, len) == PUB_EPARSE, "403 body has no notes");
	free(body);
	body = recorded("openreview/recorded/or_06_errors.json", 5, &len);
	OK(pub__or_parse_notes(&ns, &n, "/notes", body, len) == 0 && n == 0, "empty list");
	free(body);
	OK(pub__or_parse_notes(&ns, &n, "/notes/search", "{\"notes\":[],\"searchUnavailable\":true}",
		   36) == PUB_EPARSE, "search unavailable is not an empty result");
	{
		static const char odd[] = "{\"notes\":[1,{\"content\":{\"venueid\":"
			"{\"value\":[\"ICLR.cc/2025/Conference\"]},\"title\":{\"value\":3}}}]}";
		OK(pub__or_parse_notes(&ns, &n, "/notes", odd, strlen(odd)) == 0 && n == 1,
			"odd types: %s", pub_error_last());
	}
	if (n == 1) {
		char *b = pub__or_note_badge(&ns[0]);
		STR_EQ(b, "ICLR 2025", "a venueid list: its first");
		OK(ns[0].title == NULL, "a number title is none");
		free(b);
	}
	pub__or_notes_free(ns, n);
	OK(pub__or_profile_valid("~Xuanlei_Zhao1"), "profile id");
	OK(!pub__or_profile_valid("Xuanlei_Zhao1") && !pub__or_profile_valid("~Xuanlei_Zhao") &&
		   !pub__or_profile_valid("~a/../b1"), "not profile ids");
}

static int log_count(const char *needle, int *authorized)
{
	char line[8192];
	int n = 0;
	FILE *fp = fopen(getenv("PUB_REPLAY_LOG"), "r");
	*authorized = 0;
	while (fp && fgets(line, sizeof(line), fp)) {
		OK(!strstr(line, "replay-openreview-token") && !strstr(line, "replay-password"),
			"no secret in the log");
		if (!strstr(line, needle))
			continue;
		n++;
		*authorized += strstr(line, "\"authorization\": true") != NULL;
	}
	if (fp)
		fclose(fp);
	return n;
}

static void test_client(void)
{
	pub__http *h;
	pub__or_client c;
	pub__or_note *ns;
	size_t n;
	int in, authz, before;

	setenv("PUB_OPENREVIEW_INTERVAL_MS", "0", 1);
	setenv("PUB_HTTP_BACKOFF_MS", "5", 1);
	unsetenv("OPENREVIEW_USERNAME");
	unsetenv("OPENREVIEW_PASSWORD");
	OK(pub__http_new(&h) == 0, "client");
	pub__or_client_init(&c, h);
	OK(pub__or_search(&ns, &n, &c, "Real-Time Video Generation with Pyramid Attention Broadcast")
		   == 0, "guest search: %s", pub_error_last());
	OK(n == 2 && ns[0].id && !strcmp(ns[0].id, "hDBrQ4DApF"), "PAB found");
	pub__or_notes_free(ns, n);
	OK(pub__or_search(&ns, &n, &c, "A title nobody wrote") == 0 && n == 0, "no match: empty");
	OK(pub__or_login(&c, &in) == 0 && !in, "no account: no login");
	OK(pub__or_owner_notes(&ns, &n, &c, "~Xuanlei_Zhao1") == PUB_ENET, "guest /notes fails");
	OK(strstr(pub_error_last(), "needs an account") != NULL, "the challenge: %s",
		pub_error_last());
	OK(strstr(pub_error_last(), "not found") == NULL, "not 'not found'");

	setenv("OPENREVIEW_USERNAME", "owner@example.org", 1);
	setenv("OPENREVIEW_PASSWORD", "wrong", 1);
	OK(pub__or_login(&c, &in) == PUB_ERROR && !in, "refused: %s", pub_error_last());
	OK(strstr(pub_error_last(), "OpenReview: /login: HTTP 400: Invalid username or password") != NULL,
		"says why: %s", pub_error_last());
	OK(strstr(pub_error_last(), "wrong") == NULL, "the password is not shown");
	setenv("OPENREVIEW_PASSWORD", "replay-password", 1);
	before = log_count("\"path\": \"/notes\"", &authz);
	OK(pub__or_login(&c, &in) == 0 && in, "login: %s", pub_error_last());
	OK(pub__or_owner_notes(&ns, &n, &c, "~Xuanlei_Zhao1") == 0, "owner's notes: %s",
		pub_error_last());
	OK(n == 3, "three notes, got %zu", n);
	pub__or_notes_free(ns, n);
	OK(log_count("\"path\": \"/notes\"", &authz) == before + 1, "one request");
	OK(authz >= 1, "with the token");
	OK(pub__or_owner_notes(&ns, &n, &c, "Xuanlei") == PUB_EINVAL, "a bad profile id");
	unsetenv("OPENREVIEW_USERNAME");
	unsetenv("OPENREVIEW_PASSWORD");
	pub__or_client_clear(&c);
	pub__http_free(h);
}

int main(int argc, char **argv)
{
	(void)argc;
	replay_ensure(argv);
	test_recorded();
	test_client();
	return test_summary();
}
