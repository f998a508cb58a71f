/*
 * profile_orcid.c: ORCID's /v3.0/{orcid}/works summaries into works
 * (profile.h).  Each `group` is one work as ORCID deduplicated it, with
 * one `work-summary` per source; the group's and the summaries'
 * external ids (self only: a part-of ISSN names the journal) give the
 * DOI and arXiv id, the preferred summary (highest display-index) the
 * title, type, year and journal.  Summaries carry no authors.
 */
#include "net/profile.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "ids/arxiv.h"
#include "ids/doi.h"
#include "net/http.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* o[k]["value"] as a string, or NULL (not owned). */
static const char *value_of(json_t *o, const char *k)
{
	json_t *v = json_object_get(json_object_get(o, k), "value");
	return json_is_string(v) && *json_string_value(v) ? json_string_value(v) : NULL;
}

static void take_ids(pub__work *w, json_t *holder)
{
	json_t *list = json_object_get(json_object_get(holder, "external-ids"), "external-id");
	json_t *x;
	size_t i;
	json_array_foreach(list, i, x) {
		json_t *t = json_object_get(x, "external-id-type");
		json_t *rel = json_object_get(x, "external-id-relationship");
		json_t *v = json_object_get(x, "external-id-value");
		const char *type, *val;
		char *id = NULL, *ax;
		int version;
		if (!json_is_string(t) || !json_is_string(v))
			continue;
		if (json_is_string(rel) && strcmp(json_string_value(rel), "self") != 0)
			continue;
		type = json_string_value(t);
		val = json_string_value(v);
		if (!strcmp(type, "doi") && pub__doi_normalize(&id, val) == 0) {
			if ((ax = pub__work_arxiv_from(id))) {
				free(id);
				id = NULL;
				if (!w->arxiv)
					w->arxiv = ax;
				else
					free(ax);
			} else if (!w->doi) {
				w->doi = id;
				id = NULL;
			}
		} else if (!strcmp(type, "arxiv") && !w->arxiv &&
			   pub__arxiv_normalize(&id, &version, val) == 0) {
			w->arxiv = id;
			id = NULL;
		}
		free(id);
	}
}

static const char *bib_type(const char *orcid_type)
{
	static const char *const map[][2] = {
		{"journal-article", "article"}, {"conference-paper", "inproceedings"},
		{"book", "book"}, {"book-chapter", "incollection"},
		{"dissertation", "phdthesis"}, {"dissertation-thesis", "phdthesis"},
		{"report", "techreport"}, {"working-paper", "techreport"},
		{"edited-book", "book"},
	};
	size_t i;
	for (i = 0; orcid_type && i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(orcid_type, map[i][0]))
			return map[i][1];
	return "misc";
}

static json_t *preferred(json_t *summaries)
{
	json_t *best = NULL, *s;
	long best_index = -1;
	size_t i;
	json_array_foreach(summaries, i, s) {
		json_t *di = json_object_get(s, "display-index");
		long idx = json_is_string(di) ? strtol(json_string_value(di), NULL, 10)
			: json_is_integer(di) ? (long)json_integer_value(di) : 0;
		if (!json_is_object(s))
			continue;
		if (!best || idx > best_index) {
			best = s;
			best_index = idx;
		}
	}
	return best;
}

int pub__orcid_works_parse(pub__work_list *out, const char *body, size_t n,
	const char *where)
{
	json_error_t je;
	json_t *root, *groups, *g;
	size_t i, k;
	if (!body || !n)
		return pub__error(PUB_EPARSE, "ORCID: %s: empty response", where);
	root = json_loadb(body, n, 0, &je);
	if (!root)
		return pub__error(PUB_EPARSE, "ORCID: %s: malformed JSON (line %d, column %d: %s)",
			where, je.line, je.column, je.text);
	groups = json_object_get(root, "group");
	if (!json_is_array(groups)) {
		json_decref(root);
		return pub__error(PUB_EPARSE, "ORCID: %s: not a list of works (no \"group\")",
			where);
	}
	json_array_foreach(groups, i, g) {
		json_t *sums = json_object_get(g, "work-summary"), *s, *best;
		const char *title, *year;
		pub__work *w;
		if (!(best = preferred(sums)) ||
		    !(title = value_of(json_object_get(best, "title"), "title")))
			continue;
		w = pub__work_list_push(out);
		w->title = pub__strdup(title);
		w->type = pub__strdup(bib_type(json_string_value(json_object_get(best, "type"))));
		if ((year = value_of(json_object_get(best, "publication-date"), "year")))
			w->year = atoi(year);
		if (value_of(best, "journal-title"))
			w->venue = pub__strdup(value_of(best, "journal-title"));
		if (value_of(best, "url"))
			w->url = pub__strdup(value_of(best, "url"));
		take_ids(w, g);
		json_array_foreach(sums, k, s) {
			take_ids(w, s);
		}
		if (w->arxiv && !w->doi && !strcmp(w->type, "article") && !w->venue) {
			free(w->type);
			w->type = pub__strdup("misc");
		}
	}
	json_decref(root);
	return 0;
}

int pub__orcid_works_fetch(pub__work_list *out, pub__http *h, const char *orcid)
{
	static const char *const hdrs[] = {"Accept: application/json", NULL};
	pub__http_response res = PUB__HTTP_RESPONSE_INIT;
	char *path = pub__sprintf("/v3.0/%s/works", orcid);
	int err;
	if ((err = pub__http_get(&res, h, PUB__SVC_ORCID, path, hdrs)) < 0)
		goto done;
	if (res.status == 404 || res.status == 410) {
		err = pub__error(PUB_ENOTFOUND, "ORCID: no record %s", orcid);
		goto done;
	}
	if (res.status != 200) {
		err = pub__error(PUB_ENET, "ORCID: %s: HTTP %ld", path, res.status);
		goto done;
	}
	if ((err = pub__orcid_works_parse(out, res.body.ptr, res.body.len, path)) < 0)
		err = pub__net_error(err);
done:
	pub__http_response_free(&res);
	free(path);
	return err;
}
