/*
 * json.c: papers and repositories as JSON objects in the shape of
 * docs/architecture.md (`show --json`, `list --json`, `export --json`, `stars --json`).
 */
#include "export/json.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "text/person.h"
#include "store/owner.h"
#include "export/export.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *paper_json(const pub_paper *p, const char *owner)
{
	json_t *o = json_object(), *a = json_array(), *l = json_array(),
	       *t = json_array(), *f = json_object();
	size_t i;
	static const char *core[] = {"title", "author", "year", "doi", "abstract", NULL};
	json_object_set_new(o, "key", json_string(p->key));
	json_object_set_new(o, "type", json_string(p->type));
	json_object_set_new(o, "title", str_or_null(p->title));
	json_object_set_new(o, "year", p->year ? json_integer(p->year) : json_null());
	json_object_set_new(o, "venue", str_or_null(p->venue));
	json_object_set_new(o, "arxiv", str_or_null(p->arxiv));
	json_object_set_new(o, "arxiv_version",
		p->arxiv_version ? json_integer(p->arxiv_version) : json_null());
	json_object_set_new(o, "doi", str_or_null(p->doi));
	for (i = 0; i < p->nauthors; i++) {
		const pub_author *au = &p->authors[i];
		json_array_append_new(a, json_pack("{s:s, s:o, s:o, s:b, s:b}",
			"name", au->name, "given", str_or_null(au->given),
			"family", str_or_null(au->family), "equal", au->equal,
			"me", owner && pub__author_is_owner(au, owner)));
	}
	json_object_set_new(o, "authors", a);
	for (i = 0; i < p->nlinks; i++) {
		json_t *link = json_pack("{s:s, s:s}", "kind", p->links[i].kind,
			"url", p->links[i].url);
		if (p->links[i].stars >= 0)
			json_object_set_new(link, "stars", json_integer(p->links[i].stars));
		if (p->links[i].source)
			json_object_set_new(link, "source", json_string(p->links[i].source));
		json_array_append_new(l, link);
	}
	json_object_set_new(o, "links", l);
	for (i = 0; i < p->ntags; i++)
		json_array_append_new(t, json_string(p->tags[i]));
	json_object_set_new(o, "tags", t);
	json_object_set_new(o, "selected", json_boolean(p->selected));
	json_object_set_new(o, "abstract", str_or_null(p->abstract));
	for (i = 0; i < p->nfields; i++) {
		size_t k;
		int is_core = 0;
		for (k = 0; core[k]; k++)
			if (strcmp(core[k], p->fields[i].name) == 0)
				is_core = 1;
		if (!is_core)
			json_object_set_new(f, p->fields[i].name, json_string(p->fields[i].value));
	}
	json_object_set_new(o, "fields", f);
	{
		json_t *al = json_array();
		for (i = 0; i < p->naliases; i++)
			json_array_append_new(al, json_string(p->aliases[i]));
		json_object_set_new(o, "aliases", al);
	}
	{
		/* "checked" is the day, as DESIGN.md shows; `citations --json`
		 * gives the full time */
		json_t *ci = json_array();
		for (i = 0; i < p->ncitations; i++)
			json_array_append_new(ci, json_pack("{s:s, s:I, s:s%}",
				"source", p->citations[i].source,
				"count", (json_int_t)p->citations[i].count,
				"checked", p->citations[i].checked,
				strlen(p->citations[i].checked) < 10 ?
					strlen(p->citations[i].checked) : (size_t)10));
		json_object_set_new(o, "citations", ci);
	}
	return o;
}

int pub_paper_json(char **out, pub_db *db, const pub_paper *p)
{
	char *owner = NULL;
	json_t *o;
	int err;
	*out = NULL;
	if ((err = pub__owner_names(&owner, db)) < 0)
		return err;
	o = paper_json(p, owner);
	*out = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	free(owner);
	return *out ? 0 : pub__error(PUB_ERROR, "cannot encode JSON");
}

int pub__export_json(FILE *out, const pub__export_set *set)
{
	json_t *arr = json_array();
	size_t i;
	int err = 0;
	for (i = 0; i < set->npapers; i++)
		json_array_append_new(arr, paper_json(set->papers[i],
			set->me ? set->me : set->owner));
	if (json_dumpf(arr, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) < 0 ||
	    fputc('\n', out) == EOF)
		err = pub__error(PUB_ERROR, "cannot write the export");
	json_decref(arr);
	return err;
}

int pub_repo_json(char **out, const pub_repo *r)
{
	json_t *o = json_object();
	char *full = pub__sprintf("%s/%s", r->owner, r->name);
	json_object_set_new(o, "repo", json_string(full));
	json_object_set_new(o, "url", str_or_null(r->url));
	json_object_set_new(o, "stars", r->stars >= 0 ? json_integer(r->stars) : json_null());
	json_object_set_new(o, "delta_7d", json_integer(r->delta_7d));
	json_object_set_new(o, "delta_30d", json_integer(r->delta_30d));
	json_object_set_new(o, "checked", str_or_null(r->checked));
	json_object_set_new(o, "status", str_or_null(r->status));
	/* the owner's wording from `repo edit` (null when unset) beside
	 * GitHub's description */
	json_object_set_new(o, "description", str_or_null(r->description));
	json_object_set_new(o, "display_name", str_or_null(r->display_name));
	json_object_set_new(o, "display_description", str_or_null(r->display_description));
	free(full);
	*out = json_dumps(o, JSON_PRESERVE_ORDER);
	json_decref(o);
	if (!*out)
		return pub__error(PUB_ERROR, "cannot write the JSON of '%s/%s'", r->owner, r->name);
	return 0;
}
