/*
 * profile_dblp.c: a DBLP person page, /pid/{pid}.xml, read with libxml2
 * into works (profile.h).  Each <r> holds one record (article,
 * inproceedings, ...) with its authors, title, year, venue and <ee> links,
 * where the DOI and the arXiv id are found.  An entity declaration is
 * refused (nothing is expanded or fetched); an HTML page (DBLP's 429
 * answer) is an error, not a person.
 */
#include "net/profile.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "ids/doi.h"
#include "net/http.h"
#include "net/xml.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* DBLP tells homonyms apart by a number after the name ("Di Xu 0001"). */
static char *person_name(const xmlNode *n)
{
	char *s = pub__xml_text(n);
	size_t len;
	if (!s)
		return NULL;
	len = strlen(s);
	if (len > 5 && s[len - 5] == ' ' && isdigit((unsigned char)s[len - 4]) &&
	    isdigit((unsigned char)s[len - 3]) && isdigit((unsigned char)s[len - 2]) &&
	    isdigit((unsigned char)s[len - 1]))
		s[len - 5] = '\0';
	return s;
}

/* DBLP ends every title with a full stop that is not the title's. */
static void strip_title(char *t)
{
	size_t len = t ? strlen(t) : 0;
	if (len > 1 && t[len - 1] == '.' && t[len - 2] != '.')
		t[len - 1] = '\0';
}

static const char *bib_type(const char *el)
{
	static const char *const known[] = {"article", "inproceedings", "incollection",
		"proceedings", "book", "phdthesis", "mastersthesis", NULL};
	size_t i;
	for (i = 0; known[i]; i++)
		if (!strcmp(el, known[i]))
			return known[i];
	return NULL;
}

static void parse_record(pub__work *w, const xmlNode *rec)
{
	const xmlNode *c;
	const char *type = bib_type((const char *)rec->name);
	char *s;
	w->type = pub__strdup(type);
	w->dblp = pub__xml_attr(rec, "key");
	for (c = rec->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (pub__xml_is(c, NULL, "author") ||
		    (pub__xml_is(c, NULL, "editor") && !strcmp(type, "proceedings"))) {
			if ((s = person_name(c))) {
				w->authors = pub__realloc(w->authors,
					(w->nauthors + 1) * sizeof(*w->authors));
				w->authors[w->nauthors++] = s;
			}
		} else if (pub__xml_is(c, NULL, "ee")) {
			char *doi = NULL, *ax;
			if (!(s = pub__xml_text(c)))
				continue;
			if (!w->doi && pub__doi_is_meant(s) && pub__doi_normalize(&doi, s) == 0) {
				/* arXiv's DataCite DOI is its id, not a publisher's DOI */
				if ((ax = pub__work_arxiv_from(doi))) {
					free(doi);
					doi = NULL;
					if (!w->arxiv)
						w->arxiv = ax;
					else
						free(ax);
				}
				w->doi = doi;
			} else if (!w->arxiv && (ax = pub__work_arxiv_from(s))) {
				w->arxiv = ax;
			}
			if (!w->url)
				w->url = s;
			else
				free(s);
		}
	}
	w->crossref = pub__xml_child_text(rec, NULL, "crossref");
	w->title = pub__xml_child_text(rec, NULL, "title");
	strip_title(w->title);
	if ((s = pub__xml_child_text(rec, NULL, "year"))) {
		w->year = atoi(s);
		free(s);
	}
	w->venue = pub__xml_child_text(rec, NULL, !strcmp(type, "article") ? "journal" : "booktitle");
	if (!w->venue && !strcmp(type, "proceedings"))
		w->venue = pub__xml_child_text(rec, NULL, "series");
	w->volume = pub__xml_child_text(rec, NULL, "volume");
	w->number = pub__xml_child_text(rec, NULL, "number");
	w->pages = pub__xml_child_text(rec, NULL, "pages");
	if (!w->arxiv && w->dblp)
		w->arxiv = pub__work_arxiv_from(w->dblp);
	if (!w->arxiv && w->volume && !strncmp(w->volume, "abs/", 4))
		w->arxiv = pub__work_arxiv_from(w->volume);
	/* CoRR is arXiv: a preprint, not a journal. */
	if (w->dblp && !strncmp(w->dblp, "journals/corr/", 14)) {
		free(w->type);
		w->type = pub__strdup("misc");
		free(w->venue);
		free(w->volume);
		w->venue = w->volume = NULL;
	}
}

int pub__dblp_person_parse(pub__work_list *out, const char *body, size_t n,
	const char *where)
{
	xmlDocPtr doc;
	const xmlNode *root, *r, *c;
	char *who;
	if (!body || !n)
		return pub__error(PUB_EPARSE, "DBLP: %s: empty response", where);
	if (pub__xml_looks_like_html(body, n))
		return pub__error(PUB_EPARSE,
			"DBLP: %s: expected a person's XML but got an HTML page", where);
	who = pub__sprintf("DBLP: %s", where);
	doc = pub__xml_parse(body, n, who, PUB__XML_NO_ENTITIES);
	free(who);
	if (!doc)
		return PUB_EPARSE;
	root = xmlDocGetRootElement(doc);
	if (!root || !pub__xml_is(root, NULL, "dblpperson")) {
		xmlFreeDoc(doc);
		return pub__error(PUB_EPARSE, "DBLP: %s: not a person page (no <dblpperson>)",
			where);
	}
	for (r = root->children; r; r = r->next) {
		if (!pub__xml_is(r, NULL, "r"))
			continue;
		for (c = r->children; c; c = c->next) {
			pub__work *w;
			char *title;
			if (c->type != XML_ELEMENT_NODE || !bib_type((const char *)c->name))
				continue;
			/* a record without a title is no paper to list */
			if (!(title = pub__xml_child_text(c, NULL, "title")))
				continue;
			free(title);
			w = pub__work_list_push(out);
			parse_record(w, c);
		}
	}
	xmlFreeDoc(doc);
	return 0;
}

int pub__dblp_person_fetch(pub__work_list *out, pub__http *h, const char *pid)
{
	pub__http_response res = PUB__HTTP_RESPONSE_INIT;
	char *path = pub__sprintf("/pid/%s.xml", pid);
	int err;
	if ((err = pub__http_get(&res, h, PUB__SVC_DBLP, path, NULL)) < 0)
		goto done;
	if (res.status == 404 || res.status == 410) {
		err = pub__error(PUB_ENOTFOUND, "DBLP: no person with pid '%s'", pid);
		goto done;
	}
	if (res.status != 200) {
		err = pub__error(PUB_ENET, "DBLP: %s: HTTP %ld", path, res.status);
		goto done;
	}
	if ((err = pub__dblp_person_parse(out, res.body.ptr, res.body.len, path)) < 0)
		err = pub__net_error(err);
done:
	pub__http_response_free(&res);
	free(path);
	return err;
}
