/*
 * csl.c: CSL-JSON, the bibliography format of citeproc (pandoc,
 * Zotero).  Text is plain (LaTeX rendered, no markup); arXiv preprints carry
 * "archive": "arXiv" and "number": "arXiv:ID" the way Zotero writes them.
 */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "export/csl.h"

#include "pub.h"
#include "util/buf.h"
#include "util/error.h"
#include "export/export.h"
#include "export/list.h"
#include "export/render.h"

/* Sets key to the plain-text rendering of s (nothing when empty). */
static void set_text(json_t *obj, const char *key, const char *s)
{
	pub__buf b = PUB__BUF_INIT;
	if (!s)
		return;
	pub__render_latex(&b, s, PUB__RENDER_TEXT);
	if (b.len > 0)
		json_object_set_new(obj, key, json_string(b.ptr));
	pub__buf_free(&b);
}

/* Sets key to s as stored; invalid UTF-8 (which jansson refuses) goes
 * through the renderer, which replaces it. */
static void set_raw(json_t *obj, const char *key, const char *s)
{
	json_t *v = json_string(s ? s : "");
	if (v)
		json_object_set_new(obj, key, v);
	else
		set_text(obj, key, s);
}

static const char *csl_type(const pub_paper *p)
{
	const char *t = p->type ? p->type : "misc";
	if (!strcmp(t, "article"))
		return pub__paper_field(p, "journal") || !(p->arxiv && *p->arxiv) ? "article-journal" : "article";
	if (!strcmp(t, "inproceedings") || !strcmp(t, "conference"))
		return "paper-conference";
	if (!strcmp(t, "book") || !strcmp(t, "proceedings"))
		return "book";
	if (!strcmp(t, "inbook") || !strcmp(t, "incollection"))
		return "chapter";
	if (!strcmp(t, "phdthesis") || !strcmp(t, "mastersthesis") || !strcmp(t, "thesis"))
		return "thesis";
	if (!strcmp(t, "techreport") || !strcmp(t, "report") || !strcmp(t, "manual"))
		return "report";
	if (!strcmp(t, "unpublished"))
		return "manuscript";
	return "article"; /* misc, preprints, online */
}

static json_t *csl_author(const pub_author *a)
{
	json_t *o = json_object();
	if (a->family && *a->family) {
		set_text(o, "family", a->family);
		set_text(o, "given", a->given);
		set_text(o, "non-dropping-particle", a->von);
		set_text(o, "suffix", a->jr);
	}
	if (!json_object_get(o, "family")) {
		char *name = pub__author_display(a);
		json_object_clear(o);
		set_text(o, "literal", name);
		free(name);
	}
	return o;
}

static json_t *csl_item(const pub_paper *p)
{
	json_t *o = json_object();
	const char *t = p->type ? p->type : "";
	const char *container = NULL, *f;
	pub__olink *links;
	size_t nlinks, i;

	set_raw(o, "id", p->key);
	json_object_set_new(o, "type", json_string(csl_type(p)));
	set_text(o, "title", p->title);
	if (p->nauthors > 0) {
		json_t *arr = json_array();
		for (i = 0; i < p->nauthors; i++)
			json_array_append_new(arr, csl_author(&p->authors[i]));
		json_object_set_new(o, "author", arr);
	}
	if (p->year > 0) {
		json_t *parts = json_array();
		json_array_append_new(parts, json_integer(p->year));
		if (p->month >= 1 && p->month <= 12)
			json_array_append_new(parts, json_integer(p->month));
		json_object_set_new(o, "issued",
			json_pack("{s:[o]}", "date-parts", parts));
	}
	if (!strcmp(t, "article"))
		container = pub__paper_field(p, "journal");
	else if (!strcmp(t, "inproceedings") || !strcmp(t, "conference") ||
		!strcmp(t, "incollection") || !strcmp(t, "inbook"))
		container = pub__paper_field(p, "booktitle");
	set_text(o, "container-title", container ? container : p->venue);
	if (p->doi && *p->doi)
		set_raw(o, "DOI", p->doi);
	pub__links_ordered(&links, &nlinks, p);
	for (i = 0; i < nlinks; i++) {
		if (!strcmp(links[i].kind, "paper")) {
			set_raw(o, "URL", links[i].url);
			break;
		}
	}
	pub__links_free(links, nlinks);
	set_text(o, "volume", pub__paper_field(p, "volume"));
	set_text(o, "issue", pub__paper_field(p, "number"));
	if ((f = pub__paper_field(p, "pages")) != NULL) {
		pub__buf b = PUB__BUF_INIT;
		const char *q;
		/* CSL wants "12-34"; BibTeX writes "12--34" */
		for (q = f; *q; q++) {
			if (*q == '-') {
				while (q[1] == '-')
					q++;
			}
			pub__buf_putc(&b, *q);
		}
		set_text(o, "page", b.ptr);
		pub__buf_free(&b);
	}
	set_text(o, "publisher", pub__paper_field(p, "publisher"));
	if (!json_object_get(o, "publisher"))
		set_text(o, "publisher", pub__paper_field(p, "school") ? pub__paper_field(p, "school") : pub__paper_field(p, "institution"));
	set_text(o, "publisher-place", pub__paper_field(p, "address"));
	set_text(o, "edition", pub__paper_field(p, "edition"));
	set_text(o, "ISBN", pub__paper_field(p, "isbn"));
	set_text(o, "ISSN", pub__paper_field(p, "issn"));
	if (p->arxiv && *p->arxiv) {
		pub__buf num = PUB__BUF_INIT;
		pub__buf_puts(&num, "arXiv:");
		pub__buf_puts(&num, p->arxiv);
		json_object_set_new(o, "archive", json_string("arXiv"));
		if (strcmp(csl_type(p), "article") != 0) {
			/* published: the arXiv copy is where it is archived */
			set_raw(o, "archive_location", num.ptr);
		} else {
			/* a preprint, as Zotero writes it */
			if (!json_object_get(o, "number"))
				set_raw(o, "number", num.ptr);
			if (!json_object_get(o, "container-title") && !json_object_get(o, "publisher"))
				json_object_set_new(o, "publisher", json_string("arXiv"));
		}
		pub__buf_free(&num);
	}
	set_text(o, "abstract", p->abstract);
	set_text(o, "note", pub__paper_field(p, "note"));
	return o;
}

int pub__export_csl_json(FILE *out, const pub__export_set *set)
{
	json_t *arr = json_array();
	size_t i;
	int err = 0;
	for (i = 0; i < set->npapers; i++)
		json_array_append_new(arr, csl_item(set->papers[i]));
	if (json_dumpf(arr, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) < 0 ||
		fputc('\n', out) == EOF || fflush(out) != 0)
		err = pub__error(PUB_ERROR, "cannot write the CSL-JSON export");
	json_decref(arr);
	return err;
}
