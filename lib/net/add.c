/*
 * add.c: `pubdb add arxiv:ID doi:DOI ...`: normalises every identifier
 * first (a typo fails before any request), fetches the arXiv ids in one
 * batched request and the DOIs one by one, and only then stores everything
 * in one transaction, so a network failure leaves the database as it was
 * and no write lock is held while waiting for a server.
 */
#include <stdlib.h>
#include <string.h>

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "text/latex.h"
#include "text/names.h"
#include "bibtex/entry.h"
#include "bibtex/reader.h"
#include "bibtex/writer.h"
#include "ids/arxiv.h"
#include "ids/doi.h"
#include "store/db.h"
#include "store/import.h"
#include "store/store.h"
#include "net/arxiv.h"
#include "net/doi.h"
#include "net/http.h"
#include "net/source.h"

/* ---- one identifier -------------------------------------------------------- */

typedef struct item {
	const char *input;
	char *arxiv;       /* normalised arXiv id, or NULL for a DOI */
	int version;
	char *doi;         /* normalised DOI when not an arXiv paper */
	size_t slot;       /* index into the arXiv request */
	pub__csl csl;      /* DOI metadata (CSL-JSON or Crossref) */
	char *bibtex;      /* or doi.org's BibTeX */
	int rc;            /* 0 fetched, PUB_ENOTFOUND */
	char *error;
} item;

static int parse_item(item *it, const char *in)
{
	const char *s = in;
	if (pub__doi_is_meant(s)) {
		if (pub__doi_normalize(&it->doi, s) < 0)
			return pub__error(PUB_EINVAL, "not a DOI: '%s'", in);
		/* arXiv's own DataCite DOI: ask arXiv, which knows more. */
		if (pub__doi_arxiv_id(&it->arxiv, it->doi)) {
			free(it->doi);
			it->doi = NULL;
		}
		return 0;
	}
	if (pub__arxiv_normalize(&it->arxiv, &it->version, s) < 0)
		return pub__error(PUB_EINVAL,
			"'%s' is neither an arXiv id nor a DOI (try arxiv:2408.12588 or doi:10.1145/...)",
			in);
	return 0;
}

static void item_free(item *it)
{
	free(it->arxiv);
	free(it->doi);
	pub__csl_free(&it->csl);
	free(it->bibtex);
	free(it->error);
}

static void add_field(pub__bib_entry *e, const char *name, const char *value)
{
	e->fields = pub__realloc(e->fields, (e->nfields + 1) * sizeof(*e->fields));
	e->fields[e->nfields].name = pub__strdup(name);
	e->fields[e->nfields].value = pub__strdup(value);
	e->nfields++;
}

/* The first entry of doi.org's BibTeX, without its key (ours is made from
 * the default format like any other added paper). */
static int parse_bibtex(const char *text, const char *doi, pub__bib_entry **out)
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
		add_field(*out, "doi", doi);
	return 0;
}

/* ---- storing ------------------------------------------------------------------ */

/* A published version usually carries a later year than its preprint, so
 * the title + year + first author rule misses it.  A DOI entry whose folded
 * title and first author match a stored arXiv paper without a DOI, from
 * the same year or the one before, gets that paper's eprint and so merges
 * into it by arXiv id. */
static int point_at_preprint(pub_db *db, pub__bib_entry *e)
{
	const char *t = pub__bib_entry_get(e, "title");
	const char *y = pub__bib_entry_get(e, "year");
	const char *list = pub__bib_entry_get(e, "author");
	pub__name *names = NULL;
	size_t n = 0;
	char *title = NULL, *title_key = NULL, *author = NULL, *arxiv = NULL;
	sqlite3_stmt *st;
	int err = 0, year = y ? atoi(y) : 0;
	if (!t || !list || year <= 0 || pub__bib_entry_get(e, "eprint"))
		return 0;
	pub__names_parse(&names, &n, list);
	if (n > 0 && !names[0].others && names[0].last)
		author = pub__fold_ascii(names[0].last);
	pub__names_free(names, n);
	title = pub__latex_to_unicode(t);
	title_key = pub__fold_ascii(title);
	if (!author || !*title_key)
		goto done;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT arxiv FROM papers WHERE arxiv IS NOT NULL AND doi IS NULL "
		     "AND title_key = ?1 AND author_key = ?2 AND year BETWEEN ?3 - 1 AND ?3 "
		     "ORDER BY id LIMIT 1")) < 0)
		goto done;
	pub__bind_text(st, 1, title_key);
	pub__bind_text(st, 2, author);
	sqlite3_bind_int(st, 3, year);
	if (sqlite3_step(st) == SQLITE_ROW)
		arxiv = pub__col_strdup(st, 0);
	sqlite3_reset(st);
	if (arxiv) {
		add_field(e, "eprint", arxiv);
		add_field(e, "archiveprefix", "arXiv");
	}
done:
	free(title);
	free(title_key);
	free(author);
	free(arxiv);
	return err;
}

typedef struct run {
	const pub_import_opts *user;
	pub_db *db;
	char key[256];
	int dry_run;
} run;

static void on_paper(const char *action, const char *key, const char *title,
	const char *source, void *ctx)
{
	run *r = ctx;
	sqlite3_stmt *st;
	char *shown = NULL;
	snprintf(r->key, sizeof(r->key), "%s", key);
	if (r->dry_run || !r->user->on_paper)
		return;
	/* The decoded title ("50% & more"), not the BibTeX field ("50\% \&"). */
	if (pub__db_stmt(&st, r->db, "SELECT title FROM papers WHERE lower(citekey) = lower(?1)") == 0) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW)
			shown = pub__col_strdup(st, 0);
		sqlite3_reset(st);
	}
	r->user->on_paper(action, key, shown ? shown : title, source, r->user->paper_ctx);
	free(shown);
}

static void print_dry_run(FILE *out, const pub__bib_entry *e, const char *key)
{
	pub__buf b = PUB__BUF_INIT;
	pub_field *f = pub__calloc(e->nfields ? e->nfields : 1, sizeof(*f));
	size_t i;
	for (i = 0; i < e->nfields; i++) {
		f[i].name = e->fields[i].name;
		f[i].value = e->fields[i].value;
	}
	pub__bib_format_entry(&b, e->type, key, f, e->nfields, 0);
	if (out && b.ptr)
		fprintf(out, "%s\n", b.ptr);
	pub__buf_free(&b);
	free(f);
}

static int store_one(pub_db *db, item *it, const pub__arxiv_paper *paper,
	pub_import_opts *o, run *r, pub_import_stats *stats, FILE *dry_out)
{
	pub__bib_entry *e = NULL;
	char *source = NULL;
	int64_t id;
	int err = 0;
	if (paper)
		e = pub__arxiv_to_bib(paper);
	else if (it->bibtex)
		err = parse_bibtex(it->bibtex, it->doi, &e);
	else
		e = pub__csl_to_bib(&it->csl);
	if (!e)
		return err < 0 ? err : pub__error(PUB_ERROR, "%s: no metadata", it->input);
	if (!paper && !o->no_merge && (err = point_at_preprint(db, e)) < 0)
		goto done;
	r->key[0] = '\0';
	/* papers.source names the paper the same way whatever form was typed */
	source = it->arxiv ? pub__sprintf("arxiv:%s", it->arxiv) : pub__sprintf("doi:%s", it->doi);
	if ((err = pub__import_entry(db, e, source, o, stats)) < 0)
		goto done;
	if ((err = pub__store_paper_id(&id, db, r->key)) < 0)
		goto done;
	if (paper && (err = pub__arxiv_store_extras(db, id, paper)) < 0)
		goto done;
	if (r->dry_run)
		print_dry_run(dry_out, e, r->key);
done:
	pub__bib_entry_free(e);
	free(source);
	return err;
}

int pub_add_ids(pub_db *db, const char *const *ids, size_t n,
	const pub_import_opts *opts, pub_import_stats *stats, FILE *dry_run_out)
{
	pub_import_opts none, o;
	pub_import_stats local;
	pub__http *h = NULL;
	item *items = pub__calloc(n ? n : 1, sizeof(*items));
	const char **aids = pub__calloc(n ? n : 1, sizeof(*aids));
	int *aver = pub__calloc(n ? n : 1, sizeof(*aver));
	pub__arxiv_result *ares = NULL;
	size_t i, j, na = 0, failed = 0;
	int err = 0, began = 0;
	run r;

	if (!opts) {
		memset(&none, 0, sizeof(none));
		none.version = PUB_IMPORT_OPTIONS_VERSION;
		opts = &none;
	}
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof(*stats));
	if (opts->version != PUB_IMPORT_OPTIONS_VERSION) {
		err = pub__error(PUB_EINVAL, "pub_import_opts version %u is not supported",
			opts->version);
		goto done;
	}
	if (n == 0)
		goto done;
	if (opts->key && n > 1) {
		err = pub__error(PUB_EINVAL, "a given citation key names one paper, but %zu identifiers were given", n);
		goto done;
	}
	/* Every identifier is checked before anything is asked. */
	for (i = 0; i < n; i++) {
		items[i].input = ids[i];
		if ((err = parse_item(&items[i], ids[i])) < 0)
			goto done;
		if (!items[i].arxiv)
			continue;
		for (j = 0; j < na; j++)
			if (strcmp(aids[j], items[i].arxiv) == 0 && aver[j] == items[i].version)
				break;
		if (j == na) {
			aids[na] = items[i].arxiv;
			aver[na++] = items[i].version;
		}
		items[i].slot = j;
	}
	stats->entries = n;

	if ((err = pub__net_open(db, &h)) < 0)
		goto done;
	if (na) {
		ares = pub__calloc(na, sizeof(*ares));
		if ((err = pub__arxiv_fetch(ares, h, aids, aver, na)) < 0) {
			err = pub__net_error(err);
			goto done;
		}
	}
	for (i = 0; i < n; i++) {
		item *it = &items[i];
		if (it->arxiv && ares) { /* ares exists whenever an item is arXiv */
			it->rc = ares[it->slot].rc;
			if (it->rc < 0) /* the message names the id */
				it->error = ares[it->slot].error
					? pub__strdup(ares[it->slot].error)
					: pub__sprintf("%s: not found", it->input);
			continue;
		}
		if (!it->doi)
			continue;
		err = pub__doi_fetch(&it->csl, &it->bibtex, h, it->doi);
		if (err == PUB_ENOTFOUND) {
			it->rc = err;
			it->error = pub__strdup(pub_error_last());
		} else if (err < 0) {
			err = pub__net_error(err);
			goto done;
		}
	}

	o = *opts;
	memset(&r, 0, sizeof(r));
	r.user = opts;
	r.db = db;
	r.dry_run = opts->dry_run;
	o.on_paper = on_paper;
	o.paper_ctx = &r;
	if ((err = pub__db_begin(db)) < 0)
		goto done;
	began = 1;
	for (i = 0; i < n; i++) {
		item *it = &items[i];
		if (it->rc < 0) {
			failed++;
			stats->skipped++;
			stats->warnings++;
			if (opts->warn)
				opts->warn(it->error, opts->warn_ctx);
			continue;
		}
		if ((err = store_one(db, it, it->arxiv && ares ? ares[it->slot].paper : NULL,
			     &o, &r, stats, dry_run_out)) < 0)
			goto done;
	}
	if (opts->dry_run) {
		pub__db_rollback(db);
	} else if ((err = pub__db_commit(db)) < 0) {
		began = 0;
		goto done;
	}
	began = 0;
	if (failed)
		err = pub__error(PUB_ENOTFOUND, "%zu of %zu identifiers could not be added",
			failed, n);
done:
	if (began)
		pub__db_rollback(db);
	for (i = 0; i < n; i++)
		item_free(&items[i]);
	if (ares)
		pub__arxiv_results_free(ares, na);
	free(ares);
	pub__http_free(h);
	free(items);
	free(aids);
	free(aver);
	return err;
}
