/*
 * profile_s2.c: Semantic Scholar's /graph/v1/author/{id}/papers into works
 * (profile.h), page by page: each page has `data` and, until the last
 * page, `next` (the offset to ask for next).  S2 merges a preprint and its
 * published version into one paper; externalIds gives DOI, ArXiv and DBLP
 * (a record key).
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

/* Pages asked for (S2 allows up to 1000 papers per page). */
#define S2_PAGE 100
/* A runaway `next` stops here: 100 pages of 100 papers. */
#define S2_MAX_PAGES 100

static char *str(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_string(v) && *json_string_value(v)
		? pub__strdup(json_string_value(v)) : NULL;
}

static int has_type(json_t *types, const char *t)
{
	json_t *v;
	size_t i;
	json_array_foreach(types, i, v)
		if (json_is_string(v) && !strcmp(json_string_value(v), t))
			return 1;
	return 0;
}

/* arXiv.org's publicationVenue id at Semantic Scholar. */
#define S2_ARXIV_VENUE "1901e811-ee72-4b20-8f7e-de08cd395a10"

/* publicationVenue's short name ("ICLR": its first space-free alternate
 * name, else its name when space-free), of a conference or journal that
 * is not arXiv's; NULL otherwise. */
static char *venue_short(json_t *pv)
{
	const char *type = json_string_value(json_object_get(pv, "type"));
	const char *id = json_string_value(json_object_get(pv, "id"));
	const char *name = json_string_value(json_object_get(pv, "name"));
	json_t *v;
	size_t i;
	if (!json_is_object(pv) || !type || (strcmp(type, "conference") && strcmp(type, "journal")) ||
	    (id && !strcmp(id, S2_ARXIV_VENUE)))
		return NULL;
	json_array_foreach(json_object_get(pv, "alternate_names"), i, v) {
		const char *a = json_string_value(v);
		size_t n = a ? strlen(a) : 0;
		if (n >= 2 && n <= 16 && !strchr(a, ' ') && a[0] >= 'A' && a[0] <= 'Z')
			return pub__strdup(a);
	}
	return name && *name && strlen(name) <= 16 && !strchr(name, ' ') ? pub__strdup(name) : NULL;
}

static void parse_paper(pub__work *w, json_t *p)
{
	json_t *ext = json_object_get(p, "externalIds"), *authors, *a, *year, *journal;
	json_t *types = json_object_get(p, "publicationTypes");
	char *doi = NULL, *s, *ax;
	int version;
	size_t i;
	w->title = str(p, "title");
	year = json_object_get(p, "year");
	if (json_is_integer(year))
		w->year = (int)json_integer_value(year);
	authors = json_object_get(p, "authors");
	json_array_foreach(authors, i, a) {
		char *name = str(a, "name");
		if (!name)
			continue;
		w->authors = pub__realloc(w->authors, (w->nauthors + 1) * sizeof(char *));
		w->authors[w->nauthors++] = name;
	}
	if ((s = str(ext, "DOI")) && pub__doi_normalize(&doi, s) == 0) {
		if ((ax = pub__work_arxiv_from(doi))) {
			free(doi);
			doi = NULL;
			w->arxiv = ax;
		}
		w->doi = doi;
	}
	free(s);
	if (!w->arxiv && (s = str(ext, "ArXiv"))) {
		if (pub__arxiv_normalize(&w->arxiv, &version, s) < 0)
			w->arxiv = NULL;
		free(s);
	}
	w->dblp = str(ext, "DBLP");
	w->venue_short = venue_short(json_object_get(p, "publicationVenue"));
	journal = json_object_get(p, "journal");
	w->venue = str(p, "venue");
	if (w->venue && (!strcmp(w->venue, "arXiv.org") || !strcmp(w->venue, "ArXiv"))) {
		free(w->venue);
		w->venue = NULL;
	}
	if (!w->venue) {
		s = str(journal, "name");
		if (s && strcmp(s, "ArXiv") != 0)
			w->venue = s;
		else
			free(s);
	}
	if (w->venue) {
		w->volume = str(journal, "volume");
		w->pages = str(journal, "pages");
		if (w->volume && !strncmp(w->volume, "abs/", 4)) {
			free(w->volume);
			w->volume = NULL;
		}
	}
	if (!w->venue)
		w->type = pub__strdup("misc");
	else if (has_type(types, "Conference"))
		w->type = pub__strdup("inproceedings");
	else
		w->type = pub__strdup("article");
}

int pub__s2_author_papers_parse(pub__work_list *out, long *next,
	const char *body, size_t n, const char *where)
{
	json_error_t je;
	json_t *root, *data, *p, *nx;
	size_t i;
	*next = -1;
	if (!body || !n)
		return pub__error(PUB_EPARSE, "Semantic Scholar: %s: empty response", where);
	root = json_loadb(body, n, 0, &je);
	if (!root)
		return pub__error(PUB_EPARSE,
			"Semantic Scholar: %s: malformed JSON (line %d, column %d: %s)",
			where, je.line, je.column, je.text);
	data = json_object_get(root, "data");
	if (!json_is_object(root) || (data && !json_is_array(data)) ||
	    (!data && !json_object_get(root, "offset"))) {
		json_decref(root);
		return pub__error(PUB_EPARSE,
			"Semantic Scholar: %s: not a page of papers (no \"data\")", where);
	}
	json_array_foreach(data, i, p) {
		pub__work *w;
		json_t *t = json_object_get(p, "title");
		if (!json_is_string(t) || !*json_string_value(t))
			continue;
		w = pub__work_list_push(out);
		parse_paper(w, p);
	}
	nx = json_object_get(root, "next");
	if (json_is_integer(nx) && json_integer_value(nx) >= 0)
		*next = (long)json_integer_value(nx);
	json_decref(root);
	return 0;
}

int pub__s2_author_fetch(pub__work_list *out, pub__http *h, const char *id)
{
	pub__http_response res = PUB__HTTP_RESPONSE_INIT;
	long offset = 0, next = -1;
	int err = 0, page;
	for (page = 0; page < S2_MAX_PAGES; page++) {
		char *path = pub__sprintf("/graph/v1/author/%s/papers?fields=title,year,"
			"venue,publicationVenue,externalIds,authors,journal,publicationTypes"
			"&offset=%ld&limit=%d", id, offset, S2_PAGE);
		char *where = pub__sprintf("/graph/v1/author/%s/papers (offset %ld)", id, offset);
		err = pub__http_get(&res, h, PUB__SVC_S2, path, NULL);
		if (err == 0 && res.status == 404)
			err = pub__error(PUB_ENOTFOUND, "Semantic Scholar: no author %s", id);
		else if (err == 0 && res.status != 200)
			err = pub__error(PUB_ENET, "Semantic Scholar: %s: HTTP %ld", where,
				res.status);
		else if (err == 0 && (err = pub__s2_author_papers_parse(out, &next,
					     res.body.ptr, res.body.len, where)) < 0)
			err = pub__net_error(err);
		pub__http_response_free(&res);
		free(path);
		free(where);
		if (err < 0 || next < 0)
			break;
		if (next <= offset) {
			err = pub__error(PUB_ENET, "Semantic Scholar: author %s: page at "
				"offset %ld points back to offset %ld", id, offset, next);
			break;
		}
		offset = next;
	}
	return err;
}
