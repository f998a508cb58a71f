/*
 * profile.c: what the three profile parsers share (works, their merging
 * and their records) and `pubdb add dblp:PID | orcid:ID | s2author:ID`:
 * every identifier is checked before any request, every list is fetched
 * before anything is stored, and then all of it is stored in one
 * transaction through pub__record_store(), the path of `pubdb add`.
 */
#include "net/profile.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "text/latex.h"
#include "bibtex/entry.h"
#include "bibtex/value.h"
#include "bibtex/writer.h"
#include "ids/arxiv.h"
#include "ids/dblp.h"
#include "ids/doi.h"
#include "ids/orcid.h"
#include "net/http.h"
#include "net/source.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* ---- works ------------------------------------------------------------- */

void pub__work_clear(pub__work *w)
{
	size_t i;
	for (i = 0; i < w->nauthors; i++)
		free(w->authors[i]);
	free(w->authors);
	free(w->type);
	free(w->title);
	free(w->venue);
	free(w->volume);
	free(w->number);
	free(w->pages);
	free(w->doi);
	free(w->arxiv);
	free(w->dblp);
	free(w->dblp_alt);
	free(w->crossref);
	free(w->url);
	free(w->venue_short);
	memset(w, 0, sizeof(*w));
}

static char *dup_or_null(const char *s)
{
	return s ? pub__strdup(s) : NULL;
}

void pub__work_copy(pub__work *to, const pub__work *w)
{
	size_t i;
	memset(to, 0, sizeof(*to));
	to->authors = w->nauthors ? pub__calloc(w->nauthors, sizeof(char *)) : NULL;
	for (i = 0; i < w->nauthors; i++)
		to->authors[i] = pub__strdup(w->authors[i]);
	to->nauthors = w->nauthors;
	to->year = w->year;
	to->type = dup_or_null(w->type);
	to->title = dup_or_null(w->title);
	to->venue = dup_or_null(w->venue);
	to->volume = dup_or_null(w->volume);
	to->number = dup_or_null(w->number);
	to->pages = dup_or_null(w->pages);
	to->doi = dup_or_null(w->doi);
	to->arxiv = dup_or_null(w->arxiv);
	to->dblp = dup_or_null(w->dblp);
	to->dblp_alt = dup_or_null(w->dblp_alt);
	to->url = dup_or_null(w->url);
	to->crossref = dup_or_null(w->crossref);
	to->venue_short = dup_or_null(w->venue_short);
}

void pub__work_list_copy(pub__work_list *to, const pub__work_list *l)
{
	size_t i;
	to->items = l->n ? pub__calloc(l->n, sizeof(*to->items)) : NULL;
	for (i = 0; i < l->n; i++)
		pub__work_copy(&to->items[i], &l->items[i]);
	to->n = l->n;
}

void pub__work_list_free(pub__work_list *l)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		pub__work_clear(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

pub__work *pub__work_list_push(pub__work_list *l)
{
	pub__work *w;
	l->items = pub__realloc(l->items, (l->n + 1) * sizeof(*l->items));
	w = &l->items[l->n++];
	memset(w, 0, sizeof(*w));
	return w;
}

char *pub__work_arxiv_from(const char *s)
{
	char *id = NULL, buf[64];
	int version;
	if (!s)
		return NULL;
	if (pub__doi_arxiv_id(&id, s))
		return id;
	if (!strncmp(s, "journals/corr/abs-", 18)) {
		/* journals/corr/abs-2312-07559: 2312.07559 */
		const char *k = s + 18;
		size_t i;
		snprintf(buf, sizeof(buf), "%s", k);
		for (i = 0; buf[i]; i++)
			if (buf[i] == '-') {
				buf[i] = '.';
				break;
			}
		return pub__arxiv_normalize(&id, &version, buf) == 0 ? id : NULL;
	}
	if (!strncmp(s, "abs/", 4))
		return pub__arxiv_id_parse(&id, &version, s + 4) == 0 ? id : NULL;
	if (strstr(s, "arxiv.org/"))
		return pub__arxiv_normalize(&id, &version, s) == 0 ? id : NULL;
	return NULL;
}

/* ---- identifiers ------------------------------------------------------- */

static int s2_id_ok(const char *s)
{
	size_t i;
	for (i = 0; s[i]; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return i > 0 && i < 20;
}

int pub__profile_parse(pub__profile_kind *kind, char **id, const char *in)
{
	pub__dblp_kind dk;
	*id = NULL;
	if (!strncmp(in, "dblp:", 5)) {
		*kind = PUB__PROFILE_DBLP;
		if (pub__dblp_normalize(id, &dk, in + 5) < 0 || dk != PUB__DBLP_PID) {
			free(*id);
			*id = NULL;
			return pub__error(PUB_EINVAL, "not a DBLP person id: '%s' "
				"(try dblp:95/7448-1 or dblp:https://dblp.org/pid/95/7448-1)", in + 5);
		}
		return 0;
	}
	if (!strncmp(in, "orcid:", 6)) {
		*kind = PUB__PROFILE_ORCID;
		if (pub__orcid_normalize(id, in + 6) < 0)
			return pub__error(PUB_EINVAL, "not an ORCID iD: '%s' (16 digits, "
				"the last a check digit: 0000-0002-1825-0097)", in + 6);
		return 0;
	}
	if (!strncmp(in, "s2author:", 9)) {
		*kind = PUB__PROFILE_S2;
		if (!s2_id_ok(in + 9))
			return pub__error(PUB_EINVAL, "not a Semantic Scholar author id: '%s' "
				"(the number in semanticscholar.org/author/NAME/ID)", in + 9);
		*id = pub__strdup(in + 9);
		return 0;
	}
	return pub__error(PUB_EINVAL, "'%s' is not a profile (dblp:PID, orcid:ID or "
		"s2author:ID)", in);
}

int pub_profile_id_is(const char *in)
{
	return in && (!strncmp(in, "dblp:", 5) || !strncmp(in, "orcid:", 6) ||
		!strncmp(in, "s2author:", 9));
}

/* ---- merging within one list ------------------------------------------- */

static int same_str(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

static int is_preprint(const pub__work *w)
{
	return !w->doi && (w->arxiv || (w->dblp && !strncmp(w->dblp, "journals/corr/", 14)));
}

static void take(char **dst, char **src)
{
	if (!*dst && *src) {
		*dst = *src;
		*src = NULL;
	}
}

/* b's identifiers and missing fields go to a; b is cleared. */
static void absorb(pub__work *a, pub__work *b)
{
	if (a->dblp && b->dblp && strcmp(a->dblp, b->dblp))
		take(&a->dblp_alt, &b->dblp);
	take(&a->dblp, &b->dblp);
	take(&a->dblp_alt, &b->dblp_alt);
	take(&a->doi, &b->doi);
	take(&a->arxiv, &b->arxiv);
	take(&a->venue, &b->venue);
	take(&a->volume, &b->volume);
	take(&a->number, &b->number);
	take(&a->pages, &b->pages);
	take(&a->url, &b->url);
	take(&a->crossref, &b->crossref);
	take(&a->title, &b->title);
	if (!a->year)
		a->year = b->year;
	if (!a->nauthors && b->nauthors) {
		a->authors = b->authors;
		a->nauthors = b->nauthors;
		b->authors = NULL;
		b->nauthors = 0;
	}
	pub__work_clear(b);
}

static int same_paper(const pub__work *a, const pub__work *b, const char *ta,
	const char *tb)
{
	int dy;
	if (same_str(a->doi, b->doi) || same_str(a->arxiv, b->arxiv) ||
	    same_str(a->dblp, b->dblp))
		return 1;
	if (a->doi && b->doi)
		return 0;
	if (!ta || !tb || !*ta || strcmp(ta, tb))
		return 0;
	dy = a->year - b->year;
	return (is_preprint(a) || is_preprint(b)) && dy >= -1 && dy <= 1;
}

void pub__works_merge(pub__work_list *l)
{
	char **keys = pub__calloc(l->n ? l->n : 1, sizeof(*keys));
	size_t i, j, k = 0;
	for (i = 0; i < l->n; i++)
		keys[i] = l->items[i].title ? pub__fold_ascii(l->items[i].title) : NULL;
	for (i = 0; i < l->n; i++) {
		if (!l->items[i].title)
			continue;
		for (j = i + 1; j < l->n; j++) {
			pub__work *a = &l->items[i], *b = &l->items[j], tmp;
			if (!b->title || !same_paper(a, b, keys[i], keys[j]))
				continue;
			/* the published record leads, the preprint fills in */
			if (is_preprint(a) && !is_preprint(b)) {
				tmp = *a;
				*a = *b;
				*b = tmp;
			}
			absorb(a, b);
		}
	}
	for (i = 0; i < l->n; i++) {
		free(keys[i]);
		if (l->items[i].title)
			l->items[k++] = l->items[i];
		else
			pub__work_clear(&l->items[i]);
	}
	l->n = k;
	free(keys);
}

/* ---- records ------------------------------------------------------------ */

void pub__work_to_record(pub__record *r, const pub__work *w, const char *source)
{
	const char *type = w->type ? w->type : "misc";
	pub__bib_entry *e = pub__bib_entry_new(type);
	memset(r, 0, sizeof(*r));
	pub__bib_add_text(e, "title", w->title);
	pub__bib_add_authors(e, w->authors, w->nauthors);
	if (!strcmp(type, "article"))
		pub__bib_add_text(e, "journal", w->venue);
	else if (!strcmp(type, "inproceedings") || !strcmp(type, "incollection"))
		pub__bib_add_text(e, "booktitle", w->venue);
	else if (w->venue)
		pub__bib_add_text(e, "howpublished", w->venue);
	if (w->year > 0) {
		char y[16];
		snprintf(y, sizeof(y), "%d", w->year);
		pub__bib_entry_add(e, "year", y);
	}
	pub__bib_add_verbatim(e, "volume", w->volume);
	pub__bib_add_verbatim(e, "number", w->number);
	pub__bib_add_verbatim(e, "pages", w->pages);
	pub__bib_add_verbatim(e, "doi", w->doi);
	if (w->arxiv) {
		pub__bib_add_verbatim(e, "eprint", w->arxiv);
		pub__bib_entry_add(e, "archiveprefix", "arXiv");
	}
	if (w->url && !w->doi && !w->arxiv)
		pub__bib_add_verbatim(e, "url", w->url);
	r->entry = e;
	r->source = pub__strdup(source);
}

/* "ICCE 2012": the badge of a published work; NULL for a preprint. */
char *pub__work_badge(const pub__work *w)
{
	if (!w->venue || !*w->venue || !w->type || !strcmp(w->type, "misc"))
		return NULL;
	if (w->year > 0 && !strstr(w->venue, "19") && !strstr(w->venue, "20"))
		return pub__sprintf("%s %d", w->venue, w->year);
	return pub__strdup(w->venue);
}

/* ---- JSON --------------------------------------------------------------- */

static void put(json_t *o, const char *k, const char *v)
{
	if (v)
		json_object_set_new(o, k, json_string(v));
}

char *pub__work_to_json(const pub__work *w)
{
	json_t *o = json_object(), *a = json_array();
	char *s;
	size_t i;
	put(o, "type", w->type);
	put(o, "title", w->title);
	for (i = 0; i < w->nauthors; i++)
		json_array_append_new(a, json_string(w->authors[i]));
	json_object_set_new(o, "authors", a);
	if (w->year)
		json_object_set_new(o, "year", json_integer(w->year));
	put(o, "venue", w->venue);
	put(o, "volume", w->volume);
	put(o, "number", w->number);
	put(o, "pages", w->pages);
	put(o, "doi", w->doi);
	put(o, "arxiv", w->arxiv);
	put(o, "dblp", w->dblp);
	put(o, "dblp_alt", w->dblp_alt);
	put(o, "url", w->url);
	s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (!s)
		abort();
	return s;
}

static char *get(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_string(v) ? pub__strdup(json_string_value(v)) : NULL;
}

int pub__work_from_json(pub__work *w, const char *text)
{
	json_error_t je;
	json_t *o = json_loads(text, 0, &je), *a, *v;
	size_t i;
	memset(w, 0, sizeof(*w));
	if (!json_is_object(o)) {
		json_decref(o);
		return pub__error(PUB_ERROR, "an inbox entry is not a JSON object");
	}
	w->type = get(o, "type");
	w->title = get(o, "title");
	a = json_object_get(o, "authors");
	json_array_foreach(a, i, v) {
		if (!json_is_string(v))
			continue;
		w->authors = pub__realloc(w->authors, (w->nauthors + 1) * sizeof(char *));
		w->authors[w->nauthors++] = pub__strdup(json_string_value(v));
	}
	v = json_object_get(o, "year");
	w->year = json_is_integer(v) ? (int)json_integer_value(v) : 0;
	w->venue = get(o, "venue");
	w->volume = get(o, "volume");
	w->number = get(o, "number");
	w->pages = get(o, "pages");
	w->doi = get(o, "doi");
	w->arxiv = get(o, "arxiv");
	w->dblp = get(o, "dblp");
	w->dblp_alt = get(o, "dblp_alt");
	w->url = get(o, "url");
	json_decref(o);
	return 0;
}

/* ---- fetching ------------------------------------------------------------ */

const char *pub__profile_source(pub__profile_kind kind)
{
	return kind == PUB__PROFILE_DBLP ? "dblp"
		: kind == PUB__PROFILE_ORCID ? "orcid" : "semanticscholar";
}

int pub__profile_fetch(pub__work_list *out, pub__http *h, pub__profile_kind kind,
	const char *id)
{
	switch (kind) {
	case PUB__PROFILE_DBLP:
		return pub__dblp_person_fetch(out, h, id);
	case PUB__PROFILE_ORCID:
		return pub__orcid_works_fetch(out, h, id);
	default:
		return pub__s2_author_fetch(out, h, id);
	}
}

