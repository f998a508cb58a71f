/*
 * doi.c: DOIs and their metadata: normalisation, doi.org content
 * negotiation (CSL-JSON first, BibTeX as fallback), Crossref's /works, and
 * the JSON parsers for those (jansson, usable on memory buffers).  GitHub's
 * repository object is parsed in github.c.
 */
#include "net/doi.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "bibtex/entry.h"
#include "bibtex/value.h"
#include "bibtex/reader.h"
#include "net/http.h"
#include "net/source.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Percent-encodes a DOI for a URL path, keeping '/' (doi.org wants it). */
static char *doi_path(const char *prefix, const char *doi)
{
	pub__buf b = PUB__BUF_INIT;
	const unsigned char *p;
	pub__buf_puts(&b, prefix);
	for (p = (const unsigned char *)doi; *p; p++) {
		if (isalnum(*p) || strchr("/-._~:()", *p))
			pub__buf_putc(&b, (char)*p);
		else
			pub__buf_printf(&b, "%%%02X", *p);
	}
	return pub__buf_detach(&b);
}

/* ---- CSL / Crossref ----------------------------------------------------- */

void pub__csl_free(pub__csl *c)
{
	size_t i;
	if (!c)
		return;
	free(c->type);
	free(c->title);
	for (i = 0; i < c->nauthors; i++)
		free(c->authors[i]);
	free(c->authors);
	free(c->container);
	free(c->volume);
	free(c->issue);
	free(c->page);
	free(c->publisher);
	free(c->doi);
	free(c->url);
	memset(c, 0, sizeof(*c));
}

/* A string, the first string of an array, or a number; NULL otherwise. */
static char *jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_string(v) && json_string_length(v))
		return pub__strndup(json_string_value(v), json_string_length(v));
	if (json_is_integer(v))
		return pub__sprintf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
	return NULL;
}

static void date_parts(pub__csl *c, json_t *d)
{
	json_t *parts = json_array_get(json_object_get(d, "date-parts"), 0);
	json_t *y = json_array_get(parts, 0), *m = json_array_get(parts, 1),
		*dd = json_array_get(parts, 2);
	/* CSL sometimes sends the parts as strings */
	c->year = json_is_integer(y) ? (int)json_integer_value(y) :
		json_is_string(y) ? atoi(json_string_value(y)) : 0;
	c->month = json_is_integer(m) ? (int)json_integer_value(m) :
		json_is_string(m) ? atoi(json_string_value(m)) : 0;
	c->day = json_is_integer(dd) ? (int)json_integer_value(dd) :
		json_is_string(dd) ? atoi(json_string_value(dd)) : 0;
	if (c->year < 0 || c->year > 9999)
		c->year = 0;
	if (c->month < 0 || c->month > 12)
		c->month = 0;
	if (c->day < 0 || c->day > 31)
		c->day = 0;
}

static void fill_csl(pub__csl *c, json_t *o)
{
	json_t *authors = json_object_get(o, "author"), *a;
	size_t i;

	c->type = jstr(o, "type");
	c->title = jstr(o, "title");
	c->container = jstr(o, "container-title");
	c->volume = jstr(o, "volume");
	c->issue = jstr(o, "issue");
	c->page = jstr(o, "page");
	if (!c->page)
		c->page = jstr(o, "article-number");
	c->publisher = jstr(o, "publisher");
	c->doi = jstr(o, "DOI");
	c->url = jstr(o, "URL");
	{
		/* only Crossref sends it, in /works and in doi.org's CSL-JSON */
		json_t *cited = json_object_get(o, "is-referenced-by-count");
		if (json_is_integer(cited) && json_integer_value(cited) >= 0) {
			c->has_cited_by = 1;
			c->cited_by = (long)json_integer_value(cited);
		}
	}
	if (json_object_get(o, "issued"))
		date_parts(c, json_object_get(o, "issued"));
	if (!c->year && json_object_get(o, "published"))
		date_parts(c, json_object_get(o, "published"));
	json_array_foreach(authors, i, a) {
		char *given = jstr(a, "given"), *family = jstr(a, "family"),
			*literal = jstr(a, "literal"), *name = jstr(a, "name"), *n = NULL;
		if (family && given)
			n = pub__sprintf("%s, %s", family, given);
		else if (family)
			n = pub__strdup(family);
		else if (literal)
			n = pub__sprintf("{%s}", literal);
		else if (name)
			n = pub__sprintf("{%s}", name);
		else if (given)
			n = pub__strdup(given);
		free(given);
		free(family);
		free(literal);
		free(name);
		if (!n)
			continue;
		c->authors = pub__realloc(c->authors, (c->nauthors + 1) * sizeof(char *));
		c->authors[c->nauthors++] = n;
	}
}

static json_t *load_json(const char *body, size_t n, const char *who)
{
	json_error_t je;
	json_t *root;
	if (!body) {
		pub__error(PUB_EPARSE, "%s: empty response", who);
		return NULL;
	}
	root = json_loadb(body, n, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		pub__error(PUB_EPARSE, "%s: invalid JSON at line %d, column %d: %s",
			who, je.line, je.column, je.text);
	return root;
}

int pub__csl_parse(pub__csl *out, const char *body, size_t n)
{
	json_t *root = load_json(body, n, "doi.org");
	memset(out, 0, sizeof(*out));
	if (!root)
		return PUB_EPARSE;
	if (json_is_array(root) && json_array_size(root) >= 1) {
		json_t *first = json_incref(json_array_get(root, 0));
		json_decref(root);
		root = first;
	}
	if (!json_is_object(root) || !json_object_get(root, "title")) {
		json_decref(root);
		return pub__error(PUB_EPARSE, "doi.org: CSL-JSON without a title");
	}
	fill_csl(out, root);
	json_decref(root);
	return 0;
}

int pub__crossref_parse(pub__csl *out, const char *body, size_t n)
{
	json_t *root = load_json(body, n, "Crossref"), *msg;
	memset(out, 0, sizeof(*out));
	if (!root)
		return PUB_EPARSE;
	msg = json_object_get(root, "message");
	if (!json_is_object(msg))
		msg = root;
	if (!json_is_object(msg) || !json_object_get(msg, "DOI")) {
		json_decref(root);
		return pub__error(PUB_EPARSE, "Crossref: response has no work message");
	}
	fill_csl(out, msg);
	json_decref(root);
	return 0;
}

const char *pub__csl_bibtex_type(const char *type)
{
	static const char *const map[][2] = {
		{"paper-conference", "inproceedings"},
		{"proceedings-article", "inproceedings"},
		{"article-journal", "article"},
		{"journal-article", "article"},
		{"article", "article"},
		{"chapter", "incollection"},
		{"book-chapter", "incollection"},
		{"book-section", "incollection"},
		{"book", "book"},
		{"monograph", "book"},
		{"edited-book", "book"},
		{"thesis", "phdthesis"},
		{"dissertation", "phdthesis"},
		{"report", "techreport"},
		{"proceedings", "proceedings"},
	};
	size_t i;
	for (i = 0; type && i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(type, map[i][0]))
			return map[i][1];
	return "misc";
}

pub__bib_entry *pub__csl_to_bib(const pub__csl *c)
{
	static const char *const months[] = {"January", "February", "March",
		"April", "May", "June", "July", "August", "September", "October",
		"November", "December"};
	const char *type = pub__csl_bibtex_type(c->type);
	pub__bib_entry *e = pub__bib_entry_new(type);

	pub__bib_add_text(e, "title", c->title);
	pub__bib_add_authors(e, c->authors, c->nauthors);
	if (!strcmp(type, "inproceedings") || !strcmp(type, "incollection"))
		pub__bib_add_text(e, "booktitle", c->container);
	else
		pub__bib_add_text(e, "journal", c->container);
	if (c->year) {
		char y[16];
		snprintf(y, sizeof(y), "%d", c->year);
		pub__bib_entry_add(e, "year", y);
	}
	if (c->month >= 1 && c->month <= 12)
		pub__bib_entry_add(e, "month", months[c->month - 1]);
	pub__bib_add_verbatim(e, "volume", c->volume);
	pub__bib_add_verbatim(e, "number", c->issue);
	pub__bib_add_verbatim(e, "pages", c->page);
	pub__bib_add_text(e, "publisher", c->publisher);
	pub__bib_add_verbatim(e, "doi", c->doi);
	pub__bib_add_verbatim(e, "url", c->url);
	return e;
}

/* ---- fetching ------------------------------------------------------------ */

static int negotiate(pub__http *h, const char *doi, const char *accept,
	pub__http_response *res)
{
	char *path = doi_path("/", doi);
	char *hdr = pub__sprintf("Accept: %s", accept);
	const char *hdrs[] = {hdr, NULL};
	int err = pub__http_get(res, h, PUB__SVC_DOI, path, hdrs);
	if (err < 0)
		goto done;
	if (res->status == 404 || res->status == 410) {
		err = pub__error(PUB_ENOTFOUND, "no such DOI: %s", doi);
		goto done;
	}
	if (res->status != 200)
		err = pub__error(PUB_ENET, "doi.org: %s: HTTP %ld for %s", path,
			res->status, accept);
done:
	free(hdr);
	free(path);
	return err;
}

int pub__doi_fetch_csl(pub__csl *out, pub__http *h, const char *doi)
{
	pub__http_response res = PUB__HTTP_RESPONSE_INIT;
	int err;
	memset(out, 0, sizeof(*out));
	if ((err = negotiate(h, doi, "application/vnd.citationstyles.csl+json", &res)) < 0)
		goto done;
	err = pub__csl_parse(out, res.body.ptr, res.body.len);
done:
	pub__http_response_free(&res);
	return err;
}

int pub__doi_fetch_bibtex(char **bibtex, pub__http *h, const char *doi)
{
	pub__http_response res = PUB__HTTP_RESPONSE_INIT;
	const char *p;
	int err;
	*bibtex = NULL;
	if ((err = negotiate(h, doi, "application/x-bibtex", &res)) < 0)
		goto done;
	for (p = res.body.ptr; p && isspace((unsigned char)*p); p++)
		;
	if (!p || *p != '@') {
		err = pub__error(PUB_EPARSE, "doi.org: answer for %s is not BibTeX", doi);
		goto done;
	}
	*bibtex = pub__buf_detach(&res.body);
done:
	pub__http_response_free(&res);
	return err;
}

int pub__crossref_fetch(pub__csl *out, pub__http *h, const char *doi)
{
	pub__http_response res = PUB__HTTP_RESPONSE_INIT;
	char *path = doi_path("/works/", doi);
	const char *hdrs[] = {"Accept: application/json", NULL};
	int err;
	memset(out, 0, sizeof(*out));
	if ((err = pub__http_get(&res, h, PUB__SVC_CROSSREF, path, hdrs)) < 0)
		goto done;
	if (res.status == 404) {
		err = pub__error(PUB_ENOTFOUND, "no such DOI: %s", doi);
		goto done;
	}
	if (res.status != 200) {
		err = pub__error(PUB_ENET, "Crossref: %s: HTTP %ld", path, res.status);
		goto done;
	}
	err = pub__crossref_parse(out, res.body.ptr, res.body.len);
done:
	pub__http_response_free(&res);
	free(path);
	return err;
}

int pub__doi_fetch(pub__csl *csl, char **bibtex, pub__http *h, const char *doi)
{
	int err;
	*bibtex = NULL;
	if ((err = pub__doi_fetch_csl(csl, h, doi)) == 0)
		return 0;
	if (err == PUB_ENOTFOUND || err == PUB_ENONET)
		return err;
	pub__csl_free(csl);
	if ((err = pub__doi_fetch_bibtex(bibtex, h, doi)) == 0)
		return 1;
	if (err == PUB_ENOTFOUND || err == PUB_ENONET)
		return err;
	return pub__crossref_fetch(csl, h, doi);
}

/* ---- the DOI source ----------------------------------------------------- */

/* The first entry of doi.org's BibTeX, without its key (ours is made from
 * the default format like any other added paper). */
static int parse_bibtex(pub__bib_entry **out, const char *text, const char *doi)
{
	pub__bib_reader *r = NULL;
	FILE *fp;
	int rc;
	*out = NULL;
	if (!(fp = fmemopen((void *)text, strlen(text), "rb")))
		return pub__error(PUB_ERROR, "cannot read doi.org's BibTeX for %s", doi);
	if ((rc = pub__bib_reader_new(&r, fp, "doi.org", "utf-8", NULL, NULL)) == 0)
		rc = pub__bib_reader_next(out, r);
	pub__bib_reader_free(r);
	fclose(fp);
	if (rc == 0 || !*out)
		return pub__error(PUB_ENET, "doi.org: /%s: no BibTeX entry in the answer", doi);
	if (rc < 0)
		return rc;
	free((*out)->key);
	(*out)->key = pub__strdup("");
	if (!pub__bib_entry_get(*out, "doi"))
		pub__bib_entry_add(*out, "doi", doi);
	return 0;
}

/* One DOI at a time: CSL-JSON from doi.org, else its BibTeX, else
 * Crossref (pub__doi_fetch). */
static int source_fetch(pub__lookup *items, size_t n, pub__http *h)
{
	size_t i;
	int err = 0;
	for (i = 0; i < n && err >= 0; i++) {
		pub__lookup *l = &items[i];
		pub__csl csl;
		char *bibtex = NULL;
		memset(&csl, 0, sizeof(csl));
		err = pub__doi_fetch(&csl, &bibtex, h, l->id);
		if (err == PUB_ENOTFOUND) {
			l->rc = err;
			l->error = pub__strdup(pub_error_last());
			err = 0;
		} else if (err >= 0) {
			if (bibtex)
				err = parse_bibtex(&l->record.entry, bibtex, l->id);
			else if (!(l->record.entry = pub__csl_to_bib(&csl)))
				err = pub__error(PUB_ERROR, "%s: no metadata", l->input);
			l->record.source = pub__sprintf("doi:%s", l->id);
			l->record.has_crossref_count = csl.has_cited_by;
			l->record.crossref_count = csl.cited_by;
		}
		pub__csl_free(&csl);
		free(bibtex);
	}
	return err < 0 ? err : 0;
}

const pub__source pub__source_doi = {"doi.org", source_fetch};
