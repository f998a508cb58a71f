/*
 * arxiv.c: arXiv ids, the Atom API (classic and late-2025 layouts, see
 * docs/services.md) and the conversion of a paper into a BibTeX entry.
 * The parser never loads a DTD, never expands or fetches entities and
 * refuses any DOCTYPE, so a hostile feed cannot blow up or reach out.
 */
#include "net/arxiv.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "bibtex/entry.h"
#include "bibtex/value.h"
#include "ids/arxiv.h"
#include "ids/github.h"
#include "net/http.h"
#include "net/source.h"
#include "net/xml.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_ARXIV "http://arxiv.org/schemas/atom"
#define NS_OS "http://a9.com/-/spec/opensearch/1.1/"

/* ---- feed parsing ------------------------------------------------------ */

void pub__arxiv_paper_free(pub__arxiv_paper *p)
{
	size_t i;
	if (!p)
		return;
	free(p->id);
	free(p->title);
	free(p->abstract);
	for (i = 0; i < p->nauthors; i++)
		free(p->authors[i]);
	free(p->authors);
	free(p->published);
	free(p->updated);
	free(p->primary_category);
	free(p->doi);
	free(p->journal_ref);
	free(p->comment);
	free(p->code_url);
	memset(p, 0, sizeof(*p));
}

void pub__arxiv_feed_free(pub__arxiv_feed *f)
{
	size_t i;
	if (!f)
		return;
	for (i = 0; i < f->nentries; i++)
		pub__arxiv_paper_free(&f->entries[i]);
	free(f->entries);
	memset(f, 0, sizeof(*f));
}

static void parse_entry(pub__arxiv_paper *p, const xmlNode *e, const char *idurl)
{
	const xmlNode *c;
	/* <id> is the abs URL, with the version */
	if (pub__arxiv_normalize(&p->id, &p->version, idurl) < 0) {
		pub_error_clear();
		p->id = pub__strdup(idurl);
	}
	p->title = pub__xml_child_text(e, NS_ATOM, "title");
	p->abstract = pub__xml_child_text(e, NS_ATOM, "summary");
	p->published = pub__xml_child_text(e, NS_ATOM, "published");
	p->updated = pub__xml_child_text(e, NS_ATOM, "updated");
	p->doi = pub__xml_child_text(e, NS_ARXIV, "doi");
	p->journal_ref = pub__xml_child_text(e, NS_ARXIV, "journal_ref");
	p->comment = pub__xml_child_text(e, NS_ARXIV, "comment");
	if ((c = pub__xml_child(e, NS_ARXIV, "primary_category")))
		p->primary_category = pub__xml_attr(c, "term");
	for (c = e->children; c; c = c->next) {
		char *name;
		if (!pub__xml_is(c, NS_ATOM, "author"))
			continue;
		if (!(name = pub__xml_child_text(c, NS_ATOM, "name")))
			continue;
		p->authors = pub__realloc(p->authors, (p->nauthors + 1) * sizeof(char *));
		p->authors[p->nauthors++] = name;
	}
	p->code_url = pub__code_url_find(p->comment, NULL);
	if (!p->code_url)
		p->code_url = pub__code_url_find(p->abstract, NULL);
}

int pub__arxiv_parse_feed(pub__arxiv_feed *out, const char *body, size_t n,
	long status)
{
	xmlDocPtr doc = NULL;
	const xmlNode *root, *c;
	pub__arxiv_feed f;
	char *s;
	int err = 0;

	memset(out, 0, sizeof(*out));
	memset(&f, 0, sizeof(f));
	f.total_results = -1;
	if (!body || !n)
		return pub__error(PUB_EPARSE, "arXiv: empty response%s",
			status ? "" : "");
	if (pub__xml_looks_like_html(body, n))
		return pub__error(PUB_EPARSE,
			"arXiv: expected an Atom feed but got an HTML page (HTTP %ld)", status);
	if (!(doc = pub__xml_parse(body, n, "arXiv", PUB__XML_NO_DOCTYPE)))
		return PUB_EPARSE;
	root = xmlDocGetRootElement(doc);
	if (!root || !pub__xml_is(root, NS_ATOM, "feed")) {
		err = pub__error(PUB_EPARSE, "arXiv: response is not an Atom feed");
		goto done;
	}
	if ((s = pub__xml_child_text(root, NS_OS, "totalResults"))) {
		f.total_results = strtol(s, NULL, 10);
		free(s);
	}
	for (c = root->children; c; c = c->next) {
		char *id, *title;
		if (!pub__xml_is(c, NS_ATOM, "entry"))
			continue;
		if (!(id = pub__xml_child_text(c, NS_ATOM, "id"))) {
			f.nghosts++;
			continue;
		}
		title = pub__xml_child_text(c, NS_ATOM, "title");
		if (strstr(id, "/api/errors") && title && !strcmp(title, "Error")) {
			char *sum = pub__xml_child_text(c, NS_ATOM, "summary");
			err = pub__error(PUB_ENET, "arXiv: %s", sum ? sum : "error without summary");
			free(sum);
			free(title);
			free(id);
			goto done;
		}
		free(title);
		f.entries = pub__realloc(f.entries, (f.nentries + 1) * sizeof(*f.entries));
		memset(&f.entries[f.nentries], 0, sizeof(*f.entries));
		parse_entry(&f.entries[f.nentries++], c, id);
		free(id);
	}
	if (status >= 400) {
		err = pub__error(PUB_ENET, "arXiv: HTTP %ld", status);
		goto done;
	}
	*out = f;
	memset(&f, 0, sizeof(f));
done:
	pub__arxiv_feed_free(&f);
	xmlFreeDoc(doc);
	return err;
}

/* ---- fetching ------------------------------------------------------------ */

void pub__arxiv_results_free(pub__arxiv_result *r, size_t n)
{
	size_t i;
	for (i = 0; r && i < n; i++) {
		if (r[i].paper) {
			pub__arxiv_paper_free(r[i].paper);
			free(r[i].paper);
		}
		free(r[i].error);
		memset(&r[i], 0, sizeof(r[i]));
	}
}

static void set_result_error(pub__arxiv_result *r, int code, const char *msg)
{
	r->rc = code;
	free(r->error);
	r->error = pub__strdup(msg);
}

/* One request for ids[idx[0..k)]; fills results of the ids that came back. */
static int fetch_chunk(pub__http *h, const char *const *ids, const int *versions,
	const size_t *idx, size_t k, pub__arxiv_result *results)
{
	pub__buf path = PUB__BUF_INIT;
	pub__http_response res = PUB__HTTP_RESPONSE_INIT;
	pub__arxiv_feed feed;
	const char *hdrs[] = {"Accept: application/atom+xml", NULL};
	size_t i, j;
	int err;

	memset(&feed, 0, sizeof(feed));
	pub__buf_puts(&path, "/api/query?id_list=");
	for (i = 0; i < k; i++) {
		if (i)
			pub__buf_putc(&path, ',');
		pub__buf_puts(&path, ids[idx[i]]);
		if (versions && versions[idx[i]] > 0)
			pub__buf_printf(&path, "v%d", versions[idx[i]]);
	}
	pub__buf_printf(&path, "&max_results=%zu", k);
	if ((err = pub__http_get(&res, h, PUB__SVC_ARXIV, path.ptr, hdrs)) < 0)
		goto done;
	if (res.status != 200 && res.status != 400) {
		err = pub__error(PUB_ENET, "arXiv: %s: HTTP %ld", path.ptr, res.status);
		goto done;
	}
	if ((err = pub__arxiv_parse_feed(&feed, res.body.ptr, res.body.len, res.status)) < 0)
		goto done;
	for (i = 0; i < k; i++) {
		pub__arxiv_result *r = &results[idx[i]];
		for (j = 0; j < feed.nentries; j++) {
			if (!feed.entries[j].id || strcmp(feed.entries[j].id, ids[idx[i]]))
				continue;
			r->rc = 0;
			free(r->error);
			r->error = NULL;
			r->paper = pub__malloc(sizeof(*r->paper));
			*r->paper = feed.entries[j];
			memset(&feed.entries[j], 0, sizeof(feed.entries[j]));
			break;
		}
	}
done:
	if (err < 0)
		for (i = 0; i < k; i++)
			set_result_error(&results[idx[i]], err, pub_error_last());
	pub__arxiv_feed_free(&feed);
	pub__http_response_free(&res);
	pub__buf_free(&path);
	return err;
}

int pub__arxiv_fetch(pub__arxiv_result *results, pub__http *h, const char *const *ids,
	const int *versions, size_t n)
{
	size_t *idx = pub__calloc(n ? n : 1, sizeof(size_t));
	size_t i, k;
	int pass, err = 0;
	char *msg = NULL;

	for (i = 0; i < n; i++) {
		memset(&results[i], 0, sizeof(results[i]));
		results[i].rc = PUB_ENOTFOUND;
	}
	/* Pass 1 asks for everything; pass 2 asks once more for ids that did
	 * not come back, since arXiv sometimes returns empty pages. */
	for (pass = 0; pass < 2 && !err; pass++) {
		for (k = 0, i = 0; i < n; i++)
			if (results[i].rc == PUB_ENOTFOUND)
				idx[k++] = i;
		for (i = 0; i < k && !err; i += PUB__ARXIV_BATCH) {
			size_t m = k - i < PUB__ARXIV_BATCH ? k - i : PUB__ARXIV_BATCH;
			if ((err = fetch_chunk(h, ids, versions, idx + i, m, results)) < 0)
				msg = pub__strdup(pub_error_last());
		}
	}
	for (i = 0; i < n; i++)
		if (results[i].rc == PUB_ENOTFOUND && !results[i].error) {
			char *m = pub__sprintf("arXiv: no such paper: %s", ids[i]);
			set_result_error(&results[i], PUB_ENOTFOUND, m);
			free(m);
		}
	if (err < 0)
		pub__error(err, "%s", msg);
	free(msg);
	free(idx);
	return err;
}

/* ---- BibTeX ---------------------------------------------------------------- */

static const char *const months[] = {"January", "February", "March", "April",
	"May", "June", "July", "August", "September", "October", "November",
	"December"};

pub__bib_entry *pub__arxiv_to_bib(const pub__arxiv_paper *p)
{
	pub__bib_entry *e = pub__bib_entry_new(p->journal_ref ? "article" : "misc");

	/* free text keeps arXiv's TeX but gets & % # escaped, so the stored
	 * BibTeX is valid LaTeX */
	pub__bib_add_text(e, "title", p->title);
	pub__bib_add_authors(e, p->authors, p->nauthors);
	if (p->published && strlen(p->published) >= 7 && strspn(p->published, "0123456789") >= 4) {
		int m = atoi(p->published + 5);
		char year[5];
		memcpy(year, p->published, 4);
		year[4] = '\0';
		pub__bib_entry_add(e, "year", year);
		if (m >= 1 && m <= 12)
			pub__bib_entry_add(e, "month", months[m - 1]);
	}
	pub__bib_add_verbatim(e, "eprint", p->id);
	pub__bib_entry_add(e, "archiveprefix", "arXiv");
	pub__bib_add_verbatim(e, "primaryclass", p->primary_category);
	pub__bib_add_verbatim(e, "doi", p->doi);
	pub__bib_add_text(e, "journal", p->journal_ref);
	pub__bib_add_text(e, "abstract", p->abstract);
	if (p->id) {
		char *url = pub__sprintf("https://arxiv.org/abs/%s", p->id);
		pub__bib_add_verbatim(e, "url", url);
		free(url);
	}
	pub__bib_add_text(e, "comment", p->comment);
	return e;
}

/* ---- the arXiv source --------------------------------------------------- */

/* All ids in batched requests (an id asked twice is asked once); the first
 * lookup of an id takes the paper's extras, the others get its entry. */
static int source_fetch(pub__lookup *items, size_t n, pub__http *h)
{
	const char **ids = pub__calloc(n, sizeof(*ids));
	int *versions = pub__calloc(n, sizeof(*versions));
	size_t *slot = pub__calloc(n, sizeof(*slot));
	pub__arxiv_paper **paper = pub__calloc(n, sizeof(*paper));
	pub__arxiv_result *res = NULL;
	size_t i, j, na = 0;
	int err;
	for (i = 0; i < n; i++) {
		for (j = 0; j < na; j++)
			if (strcmp(ids[j], items[i].id) == 0 && versions[j] == items[i].version)
				break;
		if (j == na) {
			ids[na] = items[i].id;
			versions[na++] = items[i].version;
		}
		slot[i] = j;
	}
	res = pub__calloc(na, sizeof(*res));
	if ((err = pub__arxiv_fetch(res, h, ids, versions, na)) < 0)
		goto done;
	for (i = 0; i < n; i++) {
		pub__lookup *l = &items[i];
		pub__arxiv_result *r = &res[slot[i]];
		if ((l->rc = r->rc) < 0) { /* the message names the id */
			l->error = r->error ? pub__strdup(r->error)
					    : pub__sprintf("%s: not found", l->input);
			continue;
		}
		if (r->paper) {
			paper[slot[i]] = r->paper;
			l->record.arxiv = r->paper;
			r->paper = NULL;
		}
		l->record.entry = pub__arxiv_to_bib(paper[slot[i]]);
		l->record.source = pub__sprintf("arxiv:%s", l->id);
	}
done:
	pub__arxiv_results_free(res, na);
	free(res);
	free(ids);
	free(versions);
	free(slot);
	free(paper);
	return err;
}

const pub__source pub__source_arxiv = {"arXiv", source_fetch};
