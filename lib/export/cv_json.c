/*
 * cv_json.c: the publication list of a CV as a JSON Resume document
 * (PUB_FORMAT_CV_JSON_RESUME; jsonresume.org, schema v1.0.0): basics.name
 * from `config owner`, one publications[] item per paper, in the order
 * and sections of the LaTeX CV.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/cv.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "store/citations.h"
#include "export/authors.h"
#include "export/list.h"
#include "export/render.h"
#include "export/venue.h"

#define SCHEMA "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

/* The one author line (authors.c) as plain text: summary. */
static const pub__author_markup text_markup = {
	"", "", ", ", "", "", "*", PUB__RENDER_TEXT,
};

static json_t *text_json(const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	json_t *j;
	pub__render_latex(&b, s, PUB__RENDER_TEXT);
	j = json_string(b.ptr ? b.ptr : "");
	pub__buf_free(&b);
	return j;
}

/* ASCII only: the schema's "uri" format. */
static int url_ok(const char *url)
{
	const unsigned char *p;
	if (!pub__url_safe(url))
		return 0;
	for (p = (const unsigned char *)url; *p; p++)
		if (*p >= 0x7f)
			return 0;
	return 1;
}

static json_t *publication(const pub__export_set *set, const pub_paper *p)
{
	json_t *o = json_object();
	char *badge = pub__venue_badge(p), *name = NULL, *full;
	pub__olink *links;
	size_t nlinks, i;
	int year, cv_year = pub__cv_year(p);
	long cited;
	pub__buf b = PUB__BUF_INIT;

	pub__venue_parse(&name, &year, badge);
	json_object_set_new(o, "name", text_json(p->title ? p->title : p->key));
	full = pub__cv_venue_full(p, name);
	if (full || badge)
		json_object_set_new(o, "publisher", text_json(full ? full : badge));
	if (cv_year >= 1000 && cv_year <= 2999) {
		char day[16];
		if (cv_year == p->year && p->month >= 1 && p->month <= 12)
			snprintf(day, sizeof(day), "%04d-%02d", cv_year, p->month);
		else
			snprintf(day, sizeof(day), "%04d", cv_year);
		json_object_set_new(o, "releaseDate", json_string(day));
	}
	pub__links_ordered(&links, &nlinks, p);
	for (i = 0; i < nlinks; i++) {
		if (url_ok(links[i].url)) {
			json_object_set_new(o, "url", json_string(links[i].url));
			break;
		}
	}
	pub__links_free(links, nlinks);
	pub__authors_line(&b, p, NULL, &text_markup);
	cited = set->opts && set->opts->citations
		? pub__citations_best(p->citations, p->ncitations) : -1;
	if (cited >= 0) {
		char num[48];
		pub__thousands(num, sizeof(num), cited);
		pub__buf_printf(&b, "%sCited by %s.", b.len ? ". " : "", num);
	}
	if (b.len > 0)
		json_object_set_new(o, "summary", json_string(b.ptr));
	pub__buf_free(&b);
	free(full);
	free(name);
	free(badge);
	return o;
}

int pub__export_cv_json(FILE *out, const pub__export_set *set)
{
	json_t *doc = json_object(), *basics = json_object(), *pubs = json_array();
	pub__group *groups;
	size_t ngroups, g, i;
	unsigned char *seen = pub__calloc(set->npapers + 1, 1);
	int err = 0;

	json_object_set_new(doc, "$schema", json_string(SCHEMA));
	if (set->owner && *set->owner)
		json_object_set_new(basics, "name", text_json(set->owner));
	json_object_set_new(doc, "basics", basics);
	pub__cv_groups(&groups, &ngroups, set);
	for (g = 0; g < ngroups; g++)
		for (i = 0; i < groups[g].n; i++) {
			size_t k = groups[g].idx[i];
			if (seen[k]++) /* under two tags: one item */
				continue;
			json_array_append_new(pubs, publication(set, set->papers[k]));
		}
	pub__groups_free(groups, ngroups);
	free(seen);
	json_object_set_new(doc, "publications", pubs);
	if (json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) < 0 ||
	    fputc('\n', out) == EOF || fflush(out) != 0)
		err = pub__error(PUB_ERROR, "cannot write the JSON Resume document");
	json_decref(doc);
	return err;
}
