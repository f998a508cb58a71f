/*
 * export.c: pub_export(): loads the matching papers, writes BibTeX,
 * biblatex and JSON itself, and hands the other formats to their writers
 * (export_html.c, export_markdown.c, export_csl.c).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "bibtex.h"
#include "export.h"
#include "query.h"
#include "repo.h"
#include "store.h"

static int write_buf(FILE *out, pub__buf *b)
{
	if (b->len && fwrite(b->ptr, 1, b->len, out) != b->len)
		return pub__error(PUB_ERROR, "cannot write the export");
	pub__buf_clear(b);
	return 0;
}

static int export_preambles(pub_db *db, FILE *out, int ascii)
{
	sqlite3_stmt *st;
	pub__buf b = PUB__BUF_INIT;
	int err, rc, any = 0;
	if ((err = pub__db_stmt(&st, db, "SELECT text FROM preambles ORDER BY id")) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pub__bib_format_preamble(&b, (const char *)sqlite3_column_text(st, 0), ascii);
		any = 1;
	}
	sqlite3_reset(st);
	if (any)
		pub__buf_putc(&b, '\n');
	err = rc == SQLITE_DONE ? write_buf(out, &b) : pub__db_error(db, "reading preambles");
	pub__buf_free(&b);
	return err;
}

/* BibTeX straight from papers.fields_json, no paper objects: one scan of
 * the table, or one row per paper when filtered. */
static int export_bibtex(pub_db *db, const pub_export_opts *o, FILE *out)
{
	static const char *sql_all =
		"SELECT citekey, type, fields_json FROM papers ORDER BY id";
	static const char *sql_one =
		"SELECT citekey, type, fields_json FROM papers WHERE id = ?1";
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0, i;
	pub__buf b = PUB__BUF_INIT;
	int err = 0, rc = SQLITE_DONE, first = 1;
	int whole = !o->filter.ntags && !o->filter.author && !o->filter.selected_only &&
		    !o->filter.query && !o->filter.key;

	if (whole && (err = export_preambles(db, out, o->ascii)) < 0)
		return err;
	if (!whole && (err = pub__paper_ids(db, &o->filter, 1, &ids, &n)) < 0)
		return err;
	for (i = 0; err == 0 && i < (whole ? 1 : n); i++) {
		if ((err = pub__db_stmt(&st, db, whole ? sql_all : sql_one)) < 0)
			break;
		if (!whole)
			sqlite3_bind_int64(st, 1, ids[i]);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *key = (const char *)sqlite3_column_text(st, 0);
			pub_field *f;
			size_t nf;
			if (pub__fields_decode((const char *)sqlite3_column_text(st, 2),
				    &f, &nf) < 0) {
				err = pub__error(PUB_ERROR, "database '%s' is corrupt: paper "
					"'%s' has unreadable fields", db->path, key);
				break;
			}
			if (!first)
				pub__buf_putc(&b, '\n');
			first = 0;
			pub__bib_format_entry(&b, (const char *)sqlite3_column_text(st, 1),
				key, f, nf, o->ascii);
			pub__fields_free(f, nf);
			if (b.len > 65536 && (err = write_buf(out, &b)) < 0)
				break;
		}
		sqlite3_reset(st);
		if (err == 0 && rc != SQLITE_DONE)
			err = pub__db_error(db, "reading fields");
	}
	if (err == 0)
		err = write_buf(out, &b);
	pub__buf_free(&b);
	free(ids);
	return err;
}

/* biblatex: the same fields, with arXiv papers as eprint/eprinttype/
 * eprintclass and journal as journaltitle. */
static int export_biblatex(const pub__export_set *set, FILE *out)
{
	pub__buf b = PUB__BUF_INIT;
	size_t i, j;
	int err = 0;
	for (i = 0; i < set->npapers && err == 0; i++) {
		const pub_paper *p = set->papers[i];
		pub_field *f = pub__calloc(p->nfields + 3, sizeof(*f));
		size_t n = 0;
		const char *category = NULL;
		for (j = 0; j < p->nfields; j++) {
			const char *name = p->fields[j].name;
			if (strcmp(name, "primaryclass") == 0) {
				category = p->fields[j].value;
				continue;
			}
			if (p->arxiv && (strcmp(name, "archiveprefix") == 0 ||
					 strcmp(name, "eprint") == 0 ||
					 strcmp(name, "eprinttype") == 0 ||
					 strcmp(name, "eprintclass") == 0))
				continue;
			f[n].name = strcmp(name, "journal") == 0 ? "journaltitle" : p->fields[j].name;
			f[n].value = p->fields[j].value;
			n++;
		}
		if (p->arxiv) {
			f[n].name = "eprint";
			f[n++].value = p->arxiv;
			f[n].name = "eprinttype";
			f[n++].value = "arxiv";
			if (category) {
				f[n].name = "eprintclass";
				f[n++].value = (char *)category;
			}
		}
		if (i)
			pub__buf_putc(&b, '\n');
		pub__bib_format_entry(&b, p->type, p->key, f, n, set->opts->ascii);
		free(f);
		if (b.len > 65536)
			err = write_buf(out, &b);
	}
	if (err == 0)
		err = write_buf(out, &b);
	pub__buf_free(&b);
	return err;
}

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
	return o;
}

int pub_paper_json(char **out, pub_db *db, const pub_paper *p)
{
	char *owner = NULL;
	json_t *o;
	int err;
	*out = NULL;
	if ((err = pub_config_get(&owner, db, "owner")) < 0)
		return err;
	o = paper_json(p, owner);
	*out = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	free(owner);
	return *out ? 0 : pub__error(PUB_ERROR, "cannot encode JSON");
}

static int export_json(const pub__export_set *set, FILE *out)
{
	json_t *arr = json_array();
	size_t i;
	int err = 0;
	for (i = 0; i < set->npapers; i++)
		json_array_append_new(arr, paper_json(set->papers[i], set->owner));
	if (json_dumpf(arr, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) < 0 ||
	    fputc('\n', out) == EOF)
		err = pub__error(PUB_ERROR, "cannot write the export");
	json_decref(arr);
	return err;
}

int pub_export_options_init(pub_export_opts *opts, unsigned int version)
{
	if (version != PUB_EXPORT_OPTIONS_VERSION)
		return pub__error(PUB_EINVAL, "pub_export_opts version %u is not supported",
			version);
	memset(opts, 0, sizeof(*opts));
	opts->version = version;
	opts->filter.version = PUB_FILTER_VERSION;
	return 0;
}

int pub_export(pub_db *db, const pub_export_opts *opts, FILE *out)
{
	pub__export_set set;
	pub_paper **papers = NULL;
	pub_repo **repos = NULL;
	int64_t *ids = NULL;
	size_t n = 0, nrepos = 0, i, loaded = 0;
	char *owner = NULL;
	int err;

	if (opts->version != PUB_EXPORT_OPTIONS_VERSION)
		return pub__error(PUB_EINVAL, "pub_export_opts version %u is not supported",
			opts->version);
	if (opts->filter.version != PUB_FILTER_VERSION)
		return pub__error(PUB_EINVAL, "pub_filter version %u is not supported",
			opts->filter.version);
	if (opts->jekyll_dir && opts->format != PUB_FORMAT_MARKDOWN)
		return pub__error(PUB_EINVAL, "a Jekyll folder takes Markdown files only");
	if (opts->repos && opts->format != PUB_FORMAT_HTML && opts->format != PUB_FORMAT_MARKDOWN)
		return pub__error(PUB_EINVAL, "the project list is written as HTML or Markdown only");
	if (opts->format == PUB_FORMAT_BIBTEX)
		return export_bibtex(db, opts, out);

	if ((err = pub_config_get(&owner, db, "owner")) < 0)
		return err;
	if (!opts->repos && (err = pub__paper_ids(db, &opts->filter, 0, &ids, &n)) < 0)
		goto done;
	papers = pub__calloc(n ? n : 1, sizeof(*papers));
	for (loaded = 0; loaded < n; loaded++)
		if ((err = pub__paper_load(&papers[loaded], db, ids[loaded])) < 0)
			goto done;
	if ((err = pub__repo_list(db, opts->repos, &repos, &nrepos)) < 0)
		goto done;

	memset(&set, 0, sizeof(set));
	set.papers = (const pub_paper *const *)papers;
	set.npapers = n;
	set.repos = (const pub_repo *const *)repos;
	set.nrepos = nrepos;
	set.owner = owner;
	set.opts = opts;
	switch (opts->format) {
	case PUB_FORMAT_BIBLATEX:
		err = export_biblatex(&set, out);
		break;
	case PUB_FORMAT_JSON:
		err = export_json(&set, out);
		break;
	case PUB_FORMAT_CSL_JSON:
		err = pub__export_csl_json(out, &set);
		break;
	case PUB_FORMAT_HTML:
		err = pub__export_html(out, &set);
		break;
	case PUB_FORMAT_MARKDOWN:
		err = opts->jekyll_dir ? pub__export_jekyll(opts->jekyll_dir, &set)
				       : pub__export_markdown(out, &set);
		break;
	default:
		err = pub__error(PUB_EINVAL, "unknown export format");
	}
done:
	for (i = 0; i < loaded; i++)
		pub_paper_free(papers[i]);
	free(papers);
	free(ids);
	pub__repo_list_free(repos, nrepos);
	free(owner);
	return err;
}
