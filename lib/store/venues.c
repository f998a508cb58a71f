/*
 * venues.c: the store side of the venues refresh step (venues.h).
 */
#include "store/venues.h"

#include "pub.h"
#include "util/alloc.h"
#include "text/latex.h"
#include "store/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pub__venue_rows_foreach(pub_db *db, const char *cutoff, size_t *skipped,
	int (*cb)(const pub__venue_row *row, void *ctx), void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc, err = 0;
	/* Not cached: the callback may use the handle. */
	if (sqlite3_prepare_v2(db->sql,
		    "SELECT p.id, p.citekey, p.title, p.year, p.arxiv, p.doi, l.checked, l.unknown "
		    "FROM papers p LEFT JOIN venue_lookups l ON l.paper_id = p.id "
		    "WHERE (p.venue IS NULL OR p.venue = '' "
		    /* placed by OpenReview: DBLP and S2 still give the full
		     * venue name, pages and DOI (version 6) */
		    "OR (p.venue_source = 'openreview' AND p.dblp IS NULL)) "
		    "AND COALESCE(p.venue_source, '') <> 'user' "
		    "AND p.title IS NOT NULL AND p.title <> '' ORDER BY p.id",
		    -1, &st, NULL) != SQLITE_OK)
		return pub__db_error(db, "reading papers");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *checked = (const char *)sqlite3_column_text(st, 6);
		pub__venue_row r;
		if (cutoff && *cutoff && checked && strcmp(checked, cutoff) >= 0) {
			(*skipped)++;
			continue;
		}
		r.id = sqlite3_column_int64(st, 0);
		r.citekey = (const char *)sqlite3_column_text(st, 1);
		r.title = (const char *)sqlite3_column_text(st, 2);
		r.year = sqlite3_column_int(st, 3);
		r.arxiv = (const char *)sqlite3_column_text(st, 4);
		r.doi = (const char *)sqlite3_column_text(st, 5);
		r.unknown = (const char *)sqlite3_column_text(st, 7);
		if ((err = cb(&r, ctx)) != 0)
			break;
	}
	if (err == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW)
		err = pub__db_error(db, "reading papers");
	sqlite3_finalize(st);
	return err;
}

int pub__venue_families(char ***out, size_t *n, pub_db *db, int64_t id)
{
	sqlite3_stmt *st;
	int err, rc;
	*out = NULL;
	*n = 0;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT a.family, a.name FROM paper_authors pa JOIN authors a "
		     "ON a.id = pa.author_id WHERE pa.paper_id = ?1 AND pa.role = 'author' "
		     "ORDER BY pa.position")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *f = (const char *)sqlite3_column_text(st, 0);
		char *k;
		if (!f || !*f)
			f = (const char *)sqlite3_column_text(st, 1);
		if (!f || !(k = pub__fold_ascii(f)))
			continue;
		*out = pub__realloc(*out, (*n + 1) * sizeof(char *));
		(*out)[(*n)++] = k;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : pub__db_error(db, "reading authors");
}

int pub__venue_lookup_record(pub_db *db, int64_t id, const char *candidates)
{
	sqlite3_stmt *st;
	char now[21];
	int err;
	pub__now_iso(now);
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO venue_lookups(paper_id, checked, candidates) VALUES (?1, ?2, ?3) "
		     "ON CONFLICT(paper_id) DO UPDATE SET checked = ?2, candidates = ?3")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	pub__bind_text(st, 3, candidates);
	err = pub__db_step_done(db, st, "recording a venue lookup");
	sqlite3_reset(st);
	return err;
}

int pub__venue_unknown_set(pub_db *db, int64_t id, const char *source, int unknown)
{
	sqlite3_stmt *st;
	char now[21], path[64];
	int err;
	pub__now_iso(now);
	now[10] = '\0'; /* the day */
	snprintf(path, sizeof(path), "$.%s", source);
	if ((err = pub__db_stmt(&st, db, unknown ?
		     "INSERT INTO venue_lookups(paper_id, checked, unknown) "
		     /* checked '': the venues step has not looked it up */
		     "VALUES (?1, '', json_object(?4, ?2)) "
		     "ON CONFLICT(paper_id) DO UPDATE SET "
		     "unknown = json_set(COALESCE(unknown, '{}'), ?3, ?2)" :
		     "UPDATE venue_lookups SET unknown = NULLIF(json_remove(unknown, ?3), '{}') "
		     "WHERE paper_id = ?1 AND unknown IS NOT NULL AND ?2 IS NOT NULL "
		     "AND ?4 IS NOT NULL")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, path, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, source, -1, SQLITE_TRANSIENT);
	err = pub__db_step_done(db, st, "recording a negative answer");
	sqlite3_reset(st);
	return err;
}
