/*
 * inbox.c: the inbox tables (inbox.h).  Bound parameters only; the
 * caller holds the transaction.
 */
#include "store/inbox.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "store/db.h"

#include <stdlib.h>
#include <string.h>

int pub__inbox_stored_by_dblp(int64_t *id, pub_db *db, const char *dblp,
	const char *alt)
{
	sqlite3_stmt *st;
	int err;
	*id = 0;
	if (!dblp && !alt)
		return 0;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT id FROM papers WHERE dblp IN (?1, ?2) ORDER BY id LIMIT 1")) < 0)
		return err;
	pub__bind_text(st, 1, dblp);
	pub__bind_text(st, 2, alt);
	if (sqlite3_step(st) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return 0;
}

/* Binds the identities as ?1 doi, ?2 arxiv, ?3 dblp, ?4 dblp_alt,
 * ?5 title_key, ?6 year. */
static void bind_ident(sqlite3_stmt *st, const pub__ident *id)
{
	pub__bind_text(st, 1, id->doi);
	pub__bind_text(st, 2, id->arxiv);
	pub__bind_text(st, 3, id->dblp);
	pub__bind_text(st, 4, id->dblp_alt);
	pub__bind_text(st, 5, id->title_key && *id->title_key ? id->title_key : NULL);
	sqlite3_bind_int(st, 6, id->year);
}

static int exists(int *yes, pub_db *db, const char *sql, const pub__ident *id)
{
	sqlite3_stmt *st;
	int err, rc;
	*yes = 0;
	if ((err = pub__db_stmt(&st, db, sql)) < 0)
		return err;
	bind_ident(st, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*yes = 1;
	else if (rc != SQLITE_DONE)
		err = pub__db_error(db, "looking a paper up");
	sqlite3_reset(st);
	return err;
}

int pub__inbox_is_stored(int *yes, pub_db *db, const pub__ident *id)
{
	return exists(yes, db,
		"SELECT 1 FROM papers WHERE doi = ?1 OR arxiv = ?2 OR dblp IN (?3, ?4) "
		"OR (title_key = ?5 AND year BETWEEN ?6 - 1 AND ?6 + 1) LIMIT 1", id);
}

int pub__inbox_is_rejected(int *yes, pub_db *db, const pub__ident *id)
{
	return exists(yes, db,
		"SELECT 1 FROM inbox_rejected WHERE (kind = 'doi' AND value = ?1) "
		"OR (kind = 'arxiv' AND value = ?2) OR (kind = 'dblp' AND value IN (?3, ?4)) "
		"OR (kind = 'title' AND value IN (?5 || '|' || (?6 - 1), ?5 || '|' || ?6, "
		"?5 || '|' || (?6 + 1))) LIMIT 1", id);
}

int pub__inbox_find(int64_t *row, pub_db *db, const pub__ident *id)
{
	sqlite3_stmt *st;
	int err;
	*row = 0;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT id FROM inbox WHERE doi = ?1 OR arxiv = ?2 OR dblp IN (?3, ?4) "
		     "OR dblp_alt IN (?3, ?4) OR (title_key = ?5 AND year BETWEEN ?6 - 1 "
		     "AND ?6 + 1) ORDER BY id LIMIT 1")) < 0)
		return err;
	bind_ident(st, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		*row = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return 0;
}

int pub__inbox_add(int64_t *row, pub_db *db, const pub__ident *id,
	const char *source, const char *title, const char *venue,
	const char *work_json)
{
	sqlite3_stmt *st;
	char now[21];
	int err;
	pub__now_iso(now);
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO inbox(doi, arxiv, dblp, dblp_alt, title_key, year, added, "
		     "source, title, venue, work_json) VALUES (?1, ?2, ?3, ?4, ?5, "
		     "NULLIF(?6, 0), ?7, ?8, ?9, ?10, ?11)")) < 0)
		return err;
	bind_ident(st, id);
	pub__bind_text(st, 7, now);
	pub__bind_text(st, 8, source);
	pub__bind_text(st, 9, title);
	pub__bind_text(st, 10, venue);
	pub__bind_text(st, 11, work_json);
	err = pub__db_step_done(db, st, "adding to the inbox");
	sqlite3_reset(st);
	*row = err == 0 ? sqlite3_last_insert_rowid(db->sql) : 0;
	return err;
}

int pub__inbox_fill(pub_db *db, int64_t row, const pub__ident *id)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db,
		     "UPDATE inbox SET doi = COALESCE(doi, ?1), arxiv = COALESCE(arxiv, ?2), "
		     "dblp = COALESCE(dblp, ?3), dblp_alt = COALESCE(dblp_alt, ?4) "
		     "WHERE id = ?7")) < 0)
		return err;
	bind_ident(st, id);
	sqlite3_bind_int64(st, 7, row);
	err = pub__db_step_done(db, st, "updating the inbox");
	sqlite3_reset(st);
	return err;
}

int pub__inbox_reject_row(pub_db *db, int64_t row)
{
	sqlite3_stmt *st;
	char now[21];
	int err;
	pub__now_iso(now);
	if ((err = pub__db_stmt(&st, db,
		     "INSERT OR IGNORE INTO inbox_rejected(kind, value, rejected) "
		     "SELECT 'doi', doi, ?2 FROM inbox WHERE id = ?1 AND doi IS NOT NULL "
		     "UNION ALL SELECT 'arxiv', arxiv, ?2 FROM inbox WHERE id = ?1 AND arxiv IS NOT NULL "
		     "UNION ALL SELECT 'dblp', dblp, ?2 FROM inbox WHERE id = ?1 AND dblp IS NOT NULL "
		     "UNION ALL SELECT 'dblp', dblp_alt, ?2 FROM inbox WHERE id = ?1 "
		     "AND dblp_alt IS NOT NULL "
		     "UNION ALL SELECT 'title', title_key || '|' || year, ?2 FROM inbox WHERE id = ?1 "
		     "AND title_key IS NOT NULL AND title_key <> '' AND year IS NOT NULL")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, row);
	pub__bind_text(st, 2, now);
	err = pub__db_step_done(db, st, "rejecting an inbox paper");
	sqlite3_reset(st);
	return err < 0 ? err : pub__inbox_delete(db, row);
}

int pub__inbox_delete(pub_db *db, int64_t row)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db, "DELETE FROM inbox WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, row);
	err = pub__db_step_done(db, st, "removing an inbox paper");
	sqlite3_reset(st);
	return err;
}

int pub__inbox_get(char **work_json, char **source, pub_db *db, int64_t row)
{
	sqlite3_stmt *st;
	int err;
	*work_json = *source = NULL;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT work_json, source FROM inbox WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, row);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*work_json = pub__col_strdup(st, 0);
		*source = pub__col_strdup(st, 1);
	}
	sqlite3_reset(st);
	if (!*work_json)
		return pub__error(PUB_ENOTFOUND, "no paper %lld in the inbox", (long long)row);
	return 0;
}

int pub__inbox_ids(int64_t **rows, size_t *n, pub_db *db)
{
	sqlite3_stmt *st;
	int err;
	*rows = NULL;
	*n = 0;
	if ((err = pub__db_stmt(&st, db, "SELECT id FROM inbox ORDER BY id")) < 0)
		return err;
	while (sqlite3_step(st) == SQLITE_ROW) {
		*rows = pub__realloc(*rows, (*n + 1) * sizeof(**rows));
		(*rows)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	return 0;
}

int pub__inbox_prune(size_t *n, pub_db *db)
{
	sqlite3_stmt *st;
	int err;
	*n = 0;
	if ((err = pub__db_stmt(&st, db,
		     "DELETE FROM inbox WHERE EXISTS (SELECT 1 FROM papers p WHERE "
		     "p.doi = inbox.doi OR p.arxiv = inbox.arxiv OR p.dblp IN (inbox.dblp, "
		     "inbox.dblp_alt) OR (p.title_key = inbox.title_key AND inbox.title_key <> '' "
		     "AND p.year BETWEEN inbox.year - 1 AND inbox.year + 1))")) < 0)
		return err;
	err = pub__db_step_done(db, st, "tidying the inbox");
	sqlite3_reset(st);
	if (err == 0)
		*n = (size_t)sqlite3_changes(db->sql);
	return err;
}

int pub__inbox_rows_foreach(pub_db *db,
	int (*cb)(const pub__inbox_row *row, void *ctx), void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc, err = 0;
	/* Not cached: the callback may use the handle. */
	if (sqlite3_prepare_v2(db->sql,
		    "SELECT id, title, year, venue, source, arxiv, doi, work_json FROM inbox "
		    "ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return pub__db_error(db, "reading the inbox");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pub__inbox_row r;
		r.id = sqlite3_column_int64(st, 0);
		r.title = (const char *)sqlite3_column_text(st, 1);
		r.year = sqlite3_column_int(st, 2);
		r.venue = (const char *)sqlite3_column_text(st, 3);
		r.source = (const char *)sqlite3_column_text(st, 4);
		r.arxiv = (const char *)sqlite3_column_text(st, 5);
		r.doi = (const char *)sqlite3_column_text(st, 6);
		r.work_json = (const char *)sqlite3_column_text(st, 7);
		if ((err = cb(&r, ctx)) != 0)
			break;
	}
	if (err == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW)
		err = pub__db_error(db, "reading the inbox");
	sqlite3_finalize(st);
	return err;
}
