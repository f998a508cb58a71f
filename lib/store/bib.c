/*
 * bib.c: the rows the BibTeX export reads (export/bibtex.c writes them):
 * @preamble texts, each paper's fields_json decoded with its links, tags
 * and marks beside it, and the entries its aliases stand for.  One scan of
 * the table for a whole export, one row per paper when filtered.
 */
#include "store/bib.h"

#include "pub.h"
#include "util/error.h"
#include "bibtex/entry.h"
#include "store/db.h"
#include "store/fields.h"
#include "store/paper.h"

#include <stdlib.h>
#include <string.h>

int pub__bib_preambles_foreach(pub_db *db,
	int (*cb)(const char *text, void *ctx), void *ctx)
{
	sqlite3_stmt *st;
	int err, rc;
	if ((err = pub__db_stmt(&st, db, "SELECT text FROM preambles ORDER BY id")) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((err = cb((const char *)sqlite3_column_text(st, 0), ctx)) != 0)
			break;
	sqlite3_reset(st);
	if (err == 0 && rc != SQLITE_DONE)
		err = pub__db_error(db, "reading preambles");
	return err;
}

static const char *column(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	return v && *v ? v : NULL;
}

int pub__bib_rows_foreach(pub_db *db, const pub_filter *filter, int plain,
	int (*cb)(const pub__bib_row *row, void *ctx), void *ctx)
{
#define COLUMNS "p.citekey, p.type, p.fields_json, p.venue, p.selected, p.rank, " \
	"p.arxiv_version, " \
	"(SELECT group_concat(replace(kind || '=' || url, ';', '\\;'), '; ') FROM " \
	"  (SELECT kind, url FROM links WHERE paper_id = p.id ORDER BY id)), " \
	"(SELECT group_concat(replace(name, ';', '\\;'), '; ') FROM (SELECT t.name FROM paper_tags pt " \
	"  JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = p.id ORDER BY t.name)), " \
	"(SELECT group_concat(position, ',') FROM (SELECT position FROM paper_authors " \
	"  WHERE paper_id = p.id AND role = 'author' AND equal ORDER BY position)), " \
	"(SELECT group_concat(position, ',') FROM (SELECT position FROM paper_authors " \
	"  WHERE paper_id = p.id AND role = 'author' AND corresponding ORDER BY position)), " \
	"(SELECT 'venue=' || replace(d.venue, ';', '\\;') || " \
	"  COALESCE('; tier=' || d.tier, '') || COALESCE('; day=' || d.day, '') || " \
	"  '; source=' || d.source || COALESCE('; id=' || replace(d.ref, ';', '\\;'), '') " \
	"  FROM decisions d WHERE d.paper_id = p.id AND d.status = 'accepted' " \
	"  AND d.venue IS NOT NULL) "
#define PLAIN_COLUMNS "p.citekey, p.type, p.fields_json, p.venue, 0, 0, 0, NULL, NULL, NULL, NULL, " \
	"NULL "
	/* Without aliases the scan asks nothing per row (a tenth of the
	 * export). */
#define ALIASES ", EXISTS (SELECT 1 FROM aliases WHERE paper_id = p.id), p.id "
#define NO_ALIASES ", 0, p.id "
#define ALL "FROM papers p ORDER BY p.id"
#define ONE "FROM papers p WHERE p.id = ?1"
	/* [one paper][plain][aliases] */
	static const char *const sql[2][2][2] = {
		{{"SELECT " COLUMNS NO_ALIASES ALL, "SELECT " COLUMNS ALIASES ALL},
		 {"SELECT " PLAIN_COLUMNS NO_ALIASES ALL, "SELECT " PLAIN_COLUMNS ALIASES ALL}},
		{{"SELECT " COLUMNS NO_ALIASES ONE, "SELECT " COLUMNS ALIASES ONE},
		 {"SELECT " PLAIN_COLUMNS NO_ALIASES ONE, "SELECT " PLAIN_COLUMNS ALIASES ONE}}};
#undef COLUMNS
#undef PLAIN_COLUMNS
#undef ALIASES
#undef NO_ALIASES
#undef ALL
#undef ONE
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0, i;
	int err = 0, rc = SQLITE_DONE, whole = filter == NULL, any_alias = 1;

	if (!whole && (err = pub__paper_ids(&ids, &n, db, filter, 1)) < 0)
		return err;
	if ((err = pub__db_stmt(&st, db, "SELECT EXISTS (SELECT 1 FROM aliases)")) < 0)
		goto done;
	if (sqlite3_step(st) == SQLITE_ROW)
		any_alias = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	for (i = 0; err == 0 && i < (whole ? 1 : n); i++) {
		if ((err = pub__db_stmt(&st, db, sql[!whole][!!plain][any_alias])) < 0)
			break;
		if (!whole)
			sqlite3_bind_int64(st, 1, ids[i]);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			pub__bib_row r;
			pub_field *f;
			size_t nf;
			r.key = (const char *)sqlite3_column_text(st, 0);
			if (pub__fields_decode(&f, &nf,
				    (const char *)sqlite3_column_text(st, 2)) < 0) {
				err = pub__error(PUB_ERROR, "database '%s' is corrupt: paper "
					"'%s' has unreadable fields", db->path, r.key);
				break;
			}
			r.id = sqlite3_column_int64(st, 13);
			r.type = (const char *)sqlite3_column_text(st, 1);
			r.fields = f;
			r.nfields = nf;
			r.venue = column(st, 3);
			r.selected = sqlite3_column_int(st, 4);
			r.rank = sqlite3_column_int(st, 5);
			r.arxiv_version = sqlite3_column_int(st, 6);
			r.links = column(st, 7);
			r.tags = column(st, 8);
			r.equal = column(st, 9);
			r.corresponding = column(st, 10);
			r.decision = column(st, 11);
			r.has_aliases = sqlite3_column_int(st, 12);
			err = cb(&r, ctx);
			pub__fields_free(f, nf);
			if (err != 0)
				break;
		}
		sqlite3_reset(st);
		if (err == 0 && rc != SQLITE_DONE)
			err = pub__db_error(db, "reading fields");
	}
done:
	free(ids);
	return err;
}

int pub__bib_aliases_foreach(pub_db *db, int64_t id, const char *key,
	int (*cb)(const pub__bib_alias *alias, void *ctx), void *ctx)
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
		pub__bib_alias a;
		pub_field *g = NULL;
		size_t ng = 0;
		const char *own = (const char *)sqlite3_column_text(st, 2);
		if (own && pub__fields_decode(&g, &ng, own) < 0) {
			err = pub__error(PUB_ERROR, "database '%s' is corrupt: a merged "
				"entry of '%s' is unreadable", db->path, key);
			break;
		}
		a.key = (const char *)sqlite3_column_text(st, 0);
		a.type = own ? (const char *)sqlite3_column_text(st, 1) : NULL;
		a.fields = g;
		a.nfields = ng;
		err = cb(&a, ctx);
		pub__fields_free(g, ng);
		if (err != 0)
			break;
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = pub__db_error(db, "reading aliases");
	sqlite3_reset(st);
	return err;
}
