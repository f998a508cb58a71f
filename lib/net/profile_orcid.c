/*
 * profile_orcid.c: ORCID's /v3.0/{orcid}/works summaries into works
 * (profile.h).  Each `group` is one work as ORCID deduplicated it, with
 * one `work-summary` per source; the group's and the summaries'
 * external ids (self only: a part-of ISSN names the journal) give the
 * DOI and arXiv id, the preferred summary (highest display-index) the
 * title, type, year and journal.  Summaries carry no authors, so the
 * fetch then asks the bulk endpoint /v3.0/{orcid}/works/{pc},{pc},... (at
 * most 100 put-codes a request) for the preferred summaries' full works:
 * their `contributors` with the author role (or none given) in sequence
 * order ("first" first), else the author field of a BibTeX `citation`.
 */
#include "net/profile.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "bibtex/reader.h"
#include "ids/arxiv.h"
#include "ids/doi.h"
#include "net/http.h"
#include "text/latex.h"
#include "text/names.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* A put-code as ORCID writes it (a number; a string is read too); -1 when
 * there is none. */
static long long put_code(json_t *o)
{
	json_t *pc = json_object_get(o, "put-code");
	if (json_is_integer(pc))
		return (long long)json_integer_value(pc);
	if (json_is_string(pc) && *json_string_value(pc))
		return strtoll(json_string_value(pc), NULL, 10);
	return -1;
}

/* The summaries; *codes (when codes is not NULL) gets the preferred
 * summary's put-code of each work appended to `out`, in order. */
static int parse_summaries(pub__work_list *out, long long **codes, const char *body,
	size_t n, const char *where)
{
	json_error_t je;
	json_t *root, *groups, *g;
	size_t i, k, base = out->n;
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
		if (codes) {
			*codes = pub__realloc(*codes, (out->n - base) * sizeof(**codes));
			(*codes)[out->n - base - 1] = put_code(best);
		}
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

int pub__orcid_works_parse(pub__work_list *out, const char *body, size_t n,
	const char *where)
{
	return parse_summaries(out, NULL, body, n, where);
}

/* ---- the full works: their authors --------------------------------------- */

static void add_author(pub__work *w, const char *name)
{
	w->authors = pub__realloc(w->authors, (w->nauthors + 1) * sizeof(*w->authors));
	w->authors[w->nauthors++] = pub__strdup(name);
}

/* The contributors with the author role (or no role: ORCID often gives
 * none), "first" in sequence before the others, each group as listed. */
static void take_contributors(pub__work *w, json_t *work)
{
	json_t *list = json_object_get(json_object_get(work, "contributors"), "contributor");
	json_t *c;
	size_t i;
	int pass;
	for (pass = 0; pass < 2; pass++) {
		json_array_foreach(list, i, c) {
			json_t *attr = json_object_get(c, "contributor-attributes");
			json_t *role = json_object_get(attr, "contributor-role");
			json_t *seq = json_object_get(attr, "contributor-sequence");
			const char *name = value_of(c, "credit-name");
			int first = json_is_string(seq) && !strcmp(json_string_value(seq), "first");
			if (!name || first != (pass == 0))
				continue;
			if (json_is_string(role) && strcmp(json_string_value(role), "author") != 0)
				continue;
			add_author(w, name);
		}
	}
}

/* "First von Last Jr" as plain text, from one BibTeX name. */
static char *name_text(const pub__name *nm)
{
	const char *parts[4];
	char *joined, *text;
	size_t k = 0, i;
	pub__buf b = PUB__BUF_INIT;
	parts[0] = nm->first;
	parts[1] = nm->von;
	parts[2] = nm->last;
	parts[3] = nm->jr;
	for (i = 0; i < 4; i++) {
		if (!parts[i] || !*parts[i])
			continue;
		if (k++)
			pub__buf_puts(&b, " ");
		pub__buf_puts(&b, parts[i]);
	}
	joined = b.ptr ? b.ptr : pub__strdup("");
	text = pub__latex_to_unicode(joined);
	free(joined);
	return text;
}

/* The author field of a BibTeX `citation`. */
static void take_citation(pub__work *w, json_t *work)
{
	json_t *cit = json_object_get(work, "citation");
	json_t *type = json_object_get(cit, "citation-type");
	json_t *value = json_object_get(cit, "citation-value");
	pub__bib_reader *r = NULL;
	pub__bib_entry *e = NULL;
	pub__name *names = NULL;
	const char *list;
	size_t n = 0, i;
	FILE *fp;
	if (!json_is_string(type) || strcasecmp(json_string_value(type), "bibtex") != 0 ||
	    !json_is_string(value) || !json_string_length(value))
		return;
	if (!(fp = fmemopen((void *)json_string_value(value), json_string_length(value), "rb")))
		return;
	if (pub__bib_reader_new(&r, fp, "ORCID citation", "utf-8", NULL, NULL) == 0 &&
	    pub__bib_reader_next(&e, r) == 1 && (list = pub__bib_entry_get(e, "author"))) {
		pub__names_parse(&names, &n, list);
		for (i = 0; i < n; i++) {
			char *text;
			if (names[i].others)
				continue;
			if ((text = name_text(&names[i])) && *text)
				add_author(w, text);
			free(text);
		}
		pub__names_free(names, n);
	}
	pub__bib_entry_free(e);
	pub__bib_reader_free(r);
	fclose(fp);
}

int pub__orcid_bulk_parse(pub__work *works, const long long *codes, size_t nworks,
	const char *body, size_t n, const char *where)
{
	json_error_t je;
	json_t *root, *bulk, *slot;
	size_t i, k;
	if (!body || !n)
		return pub__error(PUB_EPARSE, "ORCID: %s: empty response", where);
	root = json_loadb(body, n, 0, &je);
	if (!root)
		return pub__error(PUB_EPARSE, "ORCID: %s: malformed JSON (line %d, column %d: %s)",
			where, je.line, je.column, je.text);
	bulk = json_object_get(root, "bulk");
	if (!json_is_array(bulk)) {
		json_decref(root);
		return pub__error(PUB_EPARSE, "ORCID: %s: not a bulk answer (no \"bulk\")",
			where);
	}
	json_array_foreach(bulk, i, slot) {
		json_t *work = json_object_get(slot, "work");
		long long pc = put_code(work);
		if (!json_is_object(work) || pc < 0)
			continue; /* an "error" slot: that work stays without authors */
		for (k = 0; k < nworks; k++) {
			if (codes[k] != pc || works[k].nauthors)
				continue;
			take_contributors(&works[k], work);
			if (!works[k].nauthors)
				take_citation(&works[k], work);
		}
	}
	json_decref(root);
	return 0;
}

/* One bulk request for codes[0..n) (n <= PUB__ORCID_BULK_MAX). */
static int bulk_fetch(pub__work *works, const long long *codes, size_t n, pub__http *h,
	const char *orcid)
{
	static const char *const hdrs[] = {"Accept: application/json", NULL};
	pub__http_response res = PUB__HTTP_RESPONSE_INIT;
	pub__buf b = PUB__BUF_INIT;
	char *path;
	size_t i, k = 0;
	int err;
	for (i = 0; i < n; i++) {
		char num[32];
		if (codes[i] < 0)
			continue;
		snprintf(num, sizeof(num), "%s%lld", k++ ? "," : "", codes[i]);
		pub__buf_puts(&b, num);
	}
	if (!k) {
		pub__buf_free(&b);
		return 0;
	}
	path = pub__sprintf("/v3.0/%s/works/%s", orcid, b.ptr);
	pub__buf_free(&b);
	if ((err = pub__http_get(&res, h, PUB__SVC_ORCID, path, hdrs)) < 0)
		goto done;
	if (res.status != 200) {
		err = pub__error(PUB_ENET, "ORCID: %s: HTTP %ld", path, res.status);
		goto done;
	}
	if ((err = pub__orcid_bulk_parse(works, codes, n, res.body.ptr, res.body.len, path)) < 0)
		err = pub__net_error(err);
done:
	pub__http_response_free(&res);
	free(path);
	return err;
}

int pub__orcid_works_fetch(pub__work_list *out, pub__http *h, const char *orcid)
{
	static const char *const hdrs[] = {"Accept: application/json", NULL};
	pub__http_response res = PUB__HTTP_RESPONSE_INIT;
	char *path = pub__sprintf("/v3.0/%s/works", orcid);
	long long *codes = NULL;
	size_t first = out->n, i;
	int err;
	if ((err = pub__http_get(&res, h, PUB__SVC_ORCID, path, hdrs)) < 0)
		goto done;
	if (res.status == 404 || res.status == 410) {
		/* ORCID's 404 (error 9016): the iD has no record */
		err = pub__error(PUB_ENOTFOUND, "ORCID has no record %s", orcid);
		goto done;
	}
	if (res.status != 200) {
		err = pub__error(PUB_ENET, "ORCID: %s: HTTP %ld", path, res.status);
		goto done;
	}
	if ((err = parse_summaries(out, &codes, res.body.ptr, res.body.len, path)) < 0) {
		err = pub__net_error(err);
		goto done;
	}
	for (i = first; i < out->n && err >= 0; i += PUB__ORCID_BULK_MAX) {
		size_t m = out->n - i < PUB__ORCID_BULK_MAX ? out->n - i : PUB__ORCID_BULK_MAX;
		err = bulk_fetch(&out->items[i], &codes[i - first], m, h, orcid);
	}
done:
	free(codes);
	pub__http_response_free(&res);
	free(path);
	return err;
}
