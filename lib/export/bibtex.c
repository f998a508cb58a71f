/*
 * bibtex.c: the BibTeX and biblatex exports.  BibTeX is written straight
 * from the stored fields, row by row, without loading whole papers.
 */
#include "export/bibtex.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "bibtex/entry.h"
#include "bibtex/writer.h"
#include "store/alias.h"
#include "store/db.h"
#include "store/fields.h"
#include "store/paper.h"
#include "export/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Each alias of paper `id`, after the paper: the entry merged under it as
 * it was read (or, with no record of it, the paper's fields) and
 * PUB__ALIAS_OF naming the paper, by which an import makes the copy the
 * alias again instead of a paper.  A document citing the alias finds it. */
static int write_aliases(pub__buf *b, pub_db *db, int64_t id, const char *type,
	const char *key, const pub_field *f, size_t nf, int ascii)
{
	sqlite3_stmt *st;
	int err, rc;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT a.key, e.type, e.fields_json FROM aliases a "
		     "LEFT JOIN entry_sources e ON e.paper_id = a.paper_id AND "
		     "lower(e.key) = lower(a.key) AND e.position > 0 "
		     "WHERE a.paper_id = ?1 ORDER BY a.rowid")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pub_field *g = NULL;
		size_t ng = 0, i;
		const char *own = (const char *)sqlite3_column_text(st, 2);
		if (own && pub__fields_decode(&g, &ng, own) < 0) {
			err = pub__error(PUB_ERROR, "database '%s' is corrupt: a merged "
				"entry of '%s' is unreadable", db->path, key);
			break;
		}
		if (!own)
			for (i = 0; i < nf; i++)
				pub__fields_push(&g, &ng, f[i].name, f[i].value);
		pub__fields_push(&g, &ng, PUB__ALIAS_OF, key);
		pub__buf_putc(b, '\n');
		pub__bib_format_entry(b, own ? (const char *)sqlite3_column_text(st, 1) : type,
			(const char *)sqlite3_column_text(st, 0), g, ng, ascii);
		pub__fields_free(g, ng);
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = pub__db_error(db, "reading aliases");
	sqlite3_reset(st);
	return err;
}

/* BibTeX straight from papers.fields_json, no paper objects: one scan of
 * the table, or one row per paper when filtered. */
int pub__export_bibtex(FILE *out, pub_db *db, const pub_export_opts *o)
{
	/* Each alias (a key a merge absorbed) follows its paper as a copy
	 * under that key, so a document citing it still finds it.  Without
	 * aliases the scan asks nothing per row (a tenth of the export). */
	static const char *sql_all =
		"SELECT citekey, type, fields_json, EXISTS (SELECT 1 FROM aliases "
		"WHERE paper_id = p.id), id FROM papers p ORDER BY id";
	static const char *sql_all_plain =
		"SELECT citekey, type, fields_json, 0, id FROM papers ORDER BY id";
	static const char *sql_one =
		"SELECT citekey, type, fields_json, EXISTS (SELECT 1 FROM aliases "
		"WHERE paper_id = p.id), id FROM papers p WHERE id = ?1";
	const char *all = sql_all;
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0, i;
	pub__buf b = PUB__BUF_INIT;
	int err = 0, rc = SQLITE_DONE, first = 1;
	int whole = !o->filter.ntags && !o->filter.author && !o->filter.selected_only &&
		    !o->filter.query && !o->filter.key;

	if (whole && (err = export_preambles(db, out, o->ascii)) < 0)
		return err;
	if (whole) {
		if ((err = pub__db_stmt(&st, db, "SELECT EXISTS (SELECT 1 FROM aliases)")) < 0)
			return err;
		if (sqlite3_step(st) == SQLITE_ROW && !sqlite3_column_int(st, 0))
			all = sql_all_plain;
		sqlite3_reset(st);
	}
	if (!whole && (err = pub__paper_ids(&ids, &n, db, &o->filter, 1)) < 0)
		return err;
	for (i = 0; err == 0 && i < (whole ? 1 : n); i++) {
		if ((err = pub__db_stmt(&st, db, whole ? all : sql_one)) < 0)
			break;
		if (!whole)
			sqlite3_bind_int64(st, 1, ids[i]);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *key = (const char *)sqlite3_column_text(st, 0);
			pub_field *f;
			size_t nf;
			if (pub__fields_decode(&f,
				    &nf, (const char *)sqlite3_column_text(st, 2)) < 0) {
				err = pub__error(PUB_ERROR, "database '%s' is corrupt: paper "
					"'%s' has unreadable fields", db->path, key);
				break;
			}
			if (!first)
				pub__buf_putc(&b, '\n');
			first = 0;
			pub__bib_format_entry(&b, (const char *)sqlite3_column_text(st, 1),
				key, f, nf, o->ascii);
			if (sqlite3_column_int(st, 3))
				err = write_aliases(&b, db, sqlite3_column_int64(st, 4),
					(const char *)sqlite3_column_text(st, 1), key, f, nf,
					o->ascii);
			pub__fields_free(f, nf);
			if (err < 0)
				break;
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
int pub__export_biblatex(FILE *out, const pub__export_set *set)
{
	pub__buf b = PUB__BUF_INIT;
	size_t i, j;
	int err = 0;
	for (i = 0; i < set->npapers && err == 0; i++) {
		const pub_paper *p = set->papers[i];
		pub_field *f = pub__calloc(p->nfields + 4, sizeof(*f));
		char *ids;
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
		ids = NULL;
		if (p->naliases) {
			/* biblatex's own way: other keys of this entry, which
			 * biber resolves to it. */
			pub__buf a = PUB__BUF_INIT;
			const char *old = NULL;
			for (j = 0; j < n; j++)
				if (strcmp(f[j].name, "ids") == 0)
					old = f[j].value;
			if (old)
				pub__buf_puts(&a, old);
			for (j = 0; j < p->naliases; j++) {
				if (a.len)
					pub__buf_putc(&a, ',');
				pub__buf_puts(&a, p->aliases[j]);
			}
			ids = pub__buf_detach(&a);
			for (j = 0; j < n && strcmp(f[j].name, "ids") != 0; j++)
				;
			if (j == n) {
				f[n].name = "ids";
				n++;
			}
			f[j].value = ids;
		}
		pub__bib_format_entry(&b, p->type, p->key, f, n, set->opts->ascii);
		free(ids);
		free(f);
		if (b.len > 65536)
			err = write_buf(out, &b);
	}
	if (err == 0)
		err = write_buf(out, &b);
	pub__buf_free(&b);
	return err;
}
