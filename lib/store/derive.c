/*
 * derive.c: papers.fields_json is the truth of a paper's BibTeX; the
 * columns of `papers`, the author rows and the full-text index are derived
 * from it here, so every writer goes through pub__derive() (or
 * pub__store_rederive()) and they never drift apart.
 */
#include "store/derive.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "text/latex.h"
#include "bibtex/entry.h"
#include "bibtex/value.h"
#include "ids/arxiv.h"
#include "ids/doi.h"
#include "store/authors.h"
#include "store/db.h"
#include "store/fields.h"

#include <stdlib.h>
#include <string.h>

static char *decode_or_null(const char *s)
{
	return s && *s ? pub__latex_to_unicode(s) : NULL;
}

/* paper_id's stored fields, in order, into e (which has none yet). */
int pub__fields_load(pub__bib_entry *e, pub_db *db, int64_t paper_id)
{
	sqlite3_stmt *st;
	int err = 0, rc;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT fields_json FROM papers WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    pub__fields_decode(&e->fields, &e->nfields,
		    (const char *)sqlite3_column_text(st, 0)) < 0)
		err = pub__error(PUB_ERROR, "database '%s' is corrupt: paper %lld has "
			"unreadable fields", db->path, (long long)paper_id);
	else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		err = pub__db_error(db, "reading fields");
	sqlite3_reset(st);
	return err;
}

/* Writes e's fields as paper_id's. */
int pub__fields_save(pub_db *db, int64_t paper_id, const pub__bib_entry *e)
{
	sqlite3_stmt *st;
	char *json;
	int err;
	if ((err = pub__db_stmt(&st, db,
		     "UPDATE papers SET fields_json = ?2 WHERE id = ?1")) < 0)
		return err;
	json = pub__fields_encode(e->fields, e->nfields);
	sqlite3_bind_int64(st, 1, paper_id);
	sqlite3_bind_text(st, 2, json, -1, SQLITE_STATIC);
	err = pub__db_step_done(db, st, "writing fields");
	sqlite3_reset(st);
	free(json);
	return err;
}

void pub__derived_compute(pub__derived *d, const pub__bib_entry *e)
{
	const char *t = pub__bib_entry_get(e, "title");
	const char *y = pub__bib_entry_get(e, "year");
	const char *list;
	memset(d, 0, sizeof(*d));
	if (t) {
		d->title = pub__latex_to_unicode(t);
		d->title_key = pub__fold_ascii(d->title);
	}
	d->abstract = decode_or_null(pub__bib_entry_get(e, "abstract"));
	d->doi = pub__doi_from_field(pub__bib_entry_get(e, "doi"));
	if (pub__doi_is_arxiv(d->doi)) {
		/* The arXiv DOI names the preprint, not a published version. */
		free(d->doi);
		d->doi = NULL;
	}
	pub__arxiv_of_entry(&d->arxiv, &d->version, e);
	/* author_key: the first author's family name, else the first
	 * editor's. */
	if ((list = pub__bib_entry_get(e, "author")))
		d->authors = pub__authors_prep(list, &d->nauthors, &d->author_key);
	if ((t = pub__bib_entry_get(e, "editor")))
		d->editors = pub__authors_prep(t, &d->neditors, list ? NULL : &d->author_key);
	if (!y)
		y = pub__bib_entry_get(e, "date");
	d->year = pub__bib_year(y);
	d->month = pub__bib_month(pub__bib_entry_get(e, "month"));
	if (!d->month && d->year && strlen(y) >= 7 && y[4] == '-')
		d->month = pub__bib_month(y + 5);
}

void pub__derived_free(pub__derived *d)
{
	free(d->title);
	free(d->title_key);
	free(d->abstract);
	free(d->doi);
	free(d->arxiv);
	free(d->author_key);
	pub__authors_prep_free(d->authors, d->nauthors);
	pub__authors_prep_free(d->editors, d->neditors);
}

/* Writes the pub__derived columns `d`, authors and index of paper `id` from
 * the field view `e`. */
int pub__derive(pub_db *db, int64_t id, const pub__bib_entry *e,
	const pub__derived *d, int authors_changed, int is_new)
{
	static const char *sql_update =
		"UPDATE papers SET type = ?2, title = ?3, year = ?4, month = ?5, "
		"doi = ?6, arxiv = COALESCE(?7, arxiv), "
		"arxiv_version = COALESCE(arxiv_version, ?8), abstract = ?9, "
		"title_key = ?10, author_key = ?11, modified = ?12, "
		"arxiv_category = COALESCE(arxiv_category, ?13) WHERE id = ?1";
	sqlite3_stmt *st;
	char now[21];
	int err;
	pub__buf names = PUB__BUF_INIT;
	struct {
		int editor, position, equal, corresponding;
	} *flags = NULL;
	size_t nflags = 0, flags_cap = 0, i;

	if (is_new)
		goto authors; /* pub__store_entry() inserted the columns */
	pub__now_iso(now);
	if ((err = pub__db_stmt(&st, db, sql_update)) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	pub__bind_text(st, 2, e->type);
	pub__bind_text(st, 3, d->title);
	if (d->year)
		sqlite3_bind_int(st, 4, d->year);
	if (d->month)
		sqlite3_bind_int(st, 5, d->month);
	pub__bind_text(st, 6, d->doi);
	pub__bind_text(st, 7, d->arxiv);
	if (d->version)
		sqlite3_bind_int(st, 8, d->version);
	pub__bind_text(st, 9, d->abstract);
	pub__bind_text(st, 10, d->title_key);
	pub__bind_text(st, 11, d->author_key);
	pub__bind_text(st, 12, now);
	pub__bind_text(st, 13, pub__bib_entry_get(e, "primaryclass"));
	err = pub__db_step_done(db, st, "updating a paper");
	sqlite3_reset(st);
	if (err < 0)
		goto done;

authors:
	if (authors_changed) {
		if (!is_new) {
			/* Equal-contribution and corresponding marks belong to
			 * positions; keep them across a new author list. */
			if ((err = pub__db_stmt(&st, db,
				     "SELECT role, position, equal, corresponding FROM paper_authors "
				     "WHERE paper_id = ?1 AND (equal OR corresponding)")) < 0)
				goto done;
			sqlite3_bind_int64(st, 1, id);
			while (sqlite3_step(st) == SQLITE_ROW) {
				if (nflags == flags_cap) {
					flags_cap = flags_cap ? flags_cap * 2 : 8;
					flags = pub__realloc(flags, flags_cap * sizeof(*flags));
				}
				flags[nflags].editor = strcmp((const char *)sqlite3_column_text(st, 0), "editor") == 0;
				flags[nflags].position = sqlite3_column_int(st, 1);
				flags[nflags].equal = sqlite3_column_int(st, 2);
				flags[nflags].corresponding = sqlite3_column_int(st, 3);
				nflags++;
			}
			sqlite3_reset(st);
			if ((err = pub__db_stmt(&st, db,
				     "DELETE FROM paper_authors WHERE paper_id = ?1")) < 0)
				goto done;
			sqlite3_bind_int64(st, 1, id);
			if ((err = pub__db_step_done(db, st, "replacing authors")) < 0)
				goto done;
		}
		if ((err = pub__authors_store(db, id, "author", d->authors, d->nauthors,
			     &names)) < 0 ||
		    (err = pub__authors_store(db, id, "editor", d->editors, d->neditors,
			     &names)) < 0)
			goto done;
		for (i = 0; i < nflags; i++) {
			if ((err = pub__db_stmt(&st, db,
				     "UPDATE paper_authors SET equal = ?4, corresponding = ?5 "
				     "WHERE paper_id = ?1 AND role = ?2 AND position = ?3")) < 0)
				goto done;
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, flags[i].editor ? "editor" : "author", -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 3, flags[i].position);
			sqlite3_bind_int(st, 4, flags[i].equal);
			sqlite3_bind_int(st, 5, flags[i].corresponding);
			if ((err = pub__db_step_done(db, st, "keeping author marks")) < 0)
				goto done;
		}
	} else {
		/* The index needs the names even when they did not change. */
		if ((err = pub__db_stmt(&st, db,
			     "SELECT a.name FROM paper_authors pa JOIN authors a ON a.id = pa.author_id "
			     "WHERE pa.paper_id = ?1 ORDER BY pa.role, pa.position")) < 0)
			goto done;
		sqlite3_bind_int64(st, 1, id);
		while (sqlite3_step(st) == SQLITE_ROW) {
			if (names.len)
				pub__buf_putc(&names, ' ');
			pub__buf_puts(&names, (const char *)sqlite3_column_text(st, 0));
		}
		sqlite3_reset(st);
	}

	if (!is_new) {
		if ((err = pub__db_stmt(&st, db,
			     "DELETE FROM papers_fts WHERE rowid = ?1")) < 0)
			goto done;
		sqlite3_bind_int64(st, 1, id);
		if ((err = pub__db_step_done(db, st, "updating the search index")) < 0)
			goto done;
	}
	if ((err = pub__db_stmt_rebind(&st, db,
		     "INSERT INTO papers_fts(rowid, title, abstract, authors) "
		     "VALUES (?1, ?2, ?3, ?4)")) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	/* Static: the texts outlive the step, and the reset below. */
	pub__bind_static(st, 2, d->title);
	pub__bind_static(st, 3, d->abstract);
	pub__bind_static(st, 4, names.ptr ? names.ptr : "");
	err = pub__db_step_done(db, st, "updating the search index");
	sqlite3_reset(st);
done:
	free(flags);
	pub__buf_free(&names);
	return err;
}

int pub__store_rederive(pub_db *db, int64_t paper_id, int authors_changed)
{
	pub__bib_entry e;
	sqlite3_stmt *st;
	int err;
	memset(&e, 0, sizeof(e));
	if ((err = pub__db_stmt(&st, db, "SELECT type FROM papers WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return pub__error(PUB_ENOTFOUND, "no paper with id %lld",
			(long long)paper_id);
	}
	e.type = pub__col_strdup(st, 0);
	sqlite3_reset(st);
	if ((err = pub__fields_load(&e, db, paper_id)) == 0) {
		pub__derived d;
		pub__derived_compute(&d, &e);
		err = pub__derive(db, paper_id, &e, &d, authors_changed, 0);
		pub__derived_free(&d);
	}
	free(e.type);
	pub__fields_free(e.fields, e.nfields);
	return err;
}

int pub__store_set_field(pub_db *db, int64_t paper_id, const char *name,
	const char *value)
{
	pub__bib_entry e;
	size_t i;
	int err;
	memset(&e, 0, sizeof(e));
	if ((err = pub__fields_load(&e, db, paper_id)) < 0)
		goto done;
	for (i = 0; i < e.nfields && strcmp(e.fields[i].name, name) != 0; i++)
		;
	if (i < e.nfields) {
		free(e.fields[i].value);
		if (value) {
			e.fields[i].value = pub__strdup(value);
		} else {
			free(e.fields[i].name);
			memmove(&e.fields[i], &e.fields[i + 1],
				(e.nfields - i - 1) * sizeof(*e.fields));
			e.nfields--;
		}
	} else if (value) {
		pub__fields_push(&e.fields, &e.nfields, name, value);
	}
	err = pub__fields_save(db, paper_id, &e);
done:
	pub__fields_free(e.fields, e.nfields);
	return err;
}
