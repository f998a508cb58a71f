/*
 * stars.c: the star counts in the database for `refresh --stars`
 * (sync/stars.c asks GitHub): which repositories are due, each answer
 * filed (count, history, rename, a twin row merged, missing), and the
 * star milestones as events.
 */
#include "store/stars.h"

#include "pub.h"
#include "util/alloc.h"
#include "ids/github.h"
#include "store/db.h"
#include "store/events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pub__star_row_clear(pub__star_row *r)
{
	free(r->owner);
	free(r->name);
	free(r->etag);
	free(r->status);
	memset(r, 0, sizeof(*r));
}

int pub__star_rows_load(pub_db *db, int64_t after, const char *cutoff, size_t limit,
	pub__star_row *rows, size_t *n)
{
	static const char *sql =
		"SELECT id, owner, name, etag, stars, archived, status FROM repos "
		"WHERE id > ?1 AND (?2 IS NULL OR checked IS NULL OR checked < ?2) "
		"ORDER BY id LIMIT ?3";
	sqlite3_stmt *st;
	int err, rc;
	*n = 0;
	if ((err = pub__db_stmt(&st, db, sql)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, after);
	pub__bind_text(st, 2, cutoff);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pub__star_row *r = &rows[(*n)++];
		r->id = sqlite3_column_int64(st, 0);
		r->owner = pub__col_strdup(st, 1);
		r->name = pub__col_strdup(st, 2);
		r->etag = pub__col_strdup(st, 3);
		r->stars = sqlite3_column_type(st, 4) == SQLITE_NULL ? -1 :
			(long)sqlite3_column_int64(st, 4);
		r->archived = sqlite3_column_int(st, 5);
		r->status = pub__col_strdup(st, 6);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : pub__db_error(db, "listing repositories");
}

int pub__star_rows_count(pub_db *db, const char *cutoff, int fresh, size_t *out)
{
	static const char *sql_stale =
		"SELECT COUNT(*) FROM repos WHERE ?1 IS NULL OR checked IS NULL OR checked < ?1";
	static const char *sql_fresh =
		"SELECT COUNT(*) FROM repos WHERE ?1 IS NOT NULL AND checked >= ?1";
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db, fresh ? sql_fresh : sql_stale)) < 0)
		return err;
	pub__bind_text(st, 1, cutoff);
	if (sqlite3_step(st) != SQLITE_ROW)
		err = pub__db_error(db, "counting repositories");
	else
		*out = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return err;
}

static int history(pub_db *db, int64_t id, long stars)
{
	sqlite3_stmt *st;
	int err;
	if (stars < 0)
		return 0;
	if ((err = pub__db_stmt(&st, db,
		     "INSERT OR REPLACE INTO star_history(repo_id, day, stars) "
		     "VALUES (?1, date('now'), ?2)")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, stars);
	return pub__db_step_done(db, st, "recording star history");
}

int pub__star_store(pub_db *db, int64_t id, const pub__star_count *c)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db,
		     "UPDATE repos SET owner = ?2, name = ?3, github_id = ?4, stars = ?5, "
		     "description = COALESCE(?6, description), "
		     "etag = CASE WHEN ?7 THEN ?8 ELSE etag END, checked = ?9, status = ?10, "
		     "archived = ?11, renamed_from = COALESCE(?12, renamed_from) "
		     "WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, c->owner, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, c->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, c->github_id);
	sqlite3_bind_int64(st, 5, c->stars);
	pub__bind_text(st, 6, c->description);
	sqlite3_bind_int(st, 7, c->set_etag);
	pub__bind_text(st, 8, c->etag);
	sqlite3_bind_text(st, 9, c->checked, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, c->status, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 11, c->archived);
	pub__bind_text(st, 12, c->renamed_from);
	if ((err = pub__db_step_done(db, st, "storing a star count")) < 0)
		return err;
	return history(db, id, c->stars);
}

int pub__star_checked(pub_db *db, int64_t id, const char *now, int missing, long stars)
{
	static const char *sql_unchanged =
		"UPDATE repos SET checked = ?2, status = CASE WHEN archived "
		"THEN 'archived' ELSE 'ok' END WHERE id = ?1";
	static const char *sql_missing =
		"UPDATE repos SET checked = ?2, status = 'missing' WHERE id = ?1";
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db, missing ? sql_missing : sql_unchanged)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	if ((err = pub__db_step_done(db, st, "storing a check")) < 0)
		return err;
	return missing ? 0 : history(db, id, stars);
}

int pub__star_rename_links(pub_db *db, int64_t id, const char *owner, const char *name)
{
	sqlite3_stmt *st, *up;
	int err = 0, rc;
	if ((err = pub__db_stmt(&st, db, "SELECT id, url FROM links WHERE repo_id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	while (err == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *url = pub__github_rename_url((const char *)sqlite3_column_text(st, 1),
			owner, name);
		if (!url)
			continue;
		/* a paper that lists both names keeps the old link as it was */
		if ((err = pub__db_stmt(&up, db,
			     "UPDATE OR IGNORE links SET url = ?2 WHERE id = ?1")) == 0) {
			sqlite3_bind_int64(up, 1, sqlite3_column_int64(st, 0));
			sqlite3_bind_text(up, 2, url, -1, SQLITE_TRANSIENT);
			err = pub__db_step_done(db, up, "renaming a link");
		}
		free(url);
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = pub__db_error(db, "listing links");
	sqlite3_reset(st);
	return err;
}

int64_t pub__star_twin(pub_db *db, int64_t id, int64_t github_id,
	const char *owner, const char *name)
{
	sqlite3_stmt *st;
	int64_t other = 0;
	if (pub__db_stmt(&st, db,
		    "SELECT id FROM repos WHERE id != ?1 AND "
		    "(github_id = ?2 OR (owner = ?3 AND name = ?4)) LIMIT 1") < 0)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, github_id);
	sqlite3_bind_text(st, 3, owner, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, name, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		other = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return other;
}

int pub__star_merge(pub_db *db, int64_t from, int64_t into)
{
	static const char *const sql[] = {
		"UPDATE links SET repo_id = ?2 WHERE repo_id = ?1",
		"INSERT OR IGNORE INTO star_history(repo_id, day, stars) "
		"SELECT ?2, day, stars FROM star_history WHERE repo_id = ?1",
		"UPDATE repos SET standalone = MAX(standalone, "
		"(SELECT standalone FROM repos WHERE id = ?1)) WHERE id = ?2",
		"DELETE FROM repos WHERE id = ?1",
	};
	size_t i;
	int err = 0;
	for (i = 0; i < sizeof(sql) / sizeof(sql[0]) && err == 0; i++) {
		sqlite3_stmt *st;
		if ((err = pub__db_stmt(&st, db, sql[i])) < 0)
			break;
		sqlite3_bind_int64(st, 1, from);
		sqlite3_bind_int64(st, 2, into);
		err = pub__db_step_done(db, st, "merging repositories");
	}
	return err;
}

/* A milestone crossed since the last count is an event, once per
 * repository and milestone (a count dipping and rising again is not news
 * twice).  The first count of a repository crosses nothing: pubdb did not
 * see it happen. */
int pub__star_milestone(pub_db *db, int64_t id, long from, long to)
{
	sqlite3_stmt *st;
	char value[24];
	long m = pub__stars_milestone(from, to);
	int err, seen;
	if (!m)
		return 0;
	snprintf(value, sizeof(value), "%ld", m);
	if ((err = pub__db_stmt(&st, db, "SELECT EXISTS (SELECT 1 FROM events WHERE "
		     "kind = 'stars' AND repo_id = ?1 AND value = ?2)")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
	seen = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return seen ? 0 : pub__event_add(db, PUB__EVENT_STARS, 0, id, value, "refresh", NULL);
}
