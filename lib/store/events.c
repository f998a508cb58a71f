/*
 * events.c: recording dated events (see events.h).
 */
#include <limits.h>
#include <string.h>

#include "store/db.h"
#include "store/events.h"
#include "util/error.h"

int pub__event_add(pub_db *db, const char *kind, int64_t paper_id,
	int64_t repo_id, const char *value, const char *source, const char *day)
{
	sqlite3_stmt *st;
	char now[21], today[11];
	int err;
	if (!kind || !*kind)
		return pub__error(PUB_EINVAL, "an event needs a kind");
	pub__now_iso(now);
	memcpy(today, now, 10);
	today[10] = '\0';
	if ((err = pub__db_stmt(&st, db,
	     "INSERT INTO events(day, recorded, kind, paper_id, repo_id, value, source) "
	     "VALUES (?, ?, ?, ?, ?, ?, ?)")) < 0)
		return err;
	sqlite3_bind_text(st, 1, day && *day ? day : today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	if (paper_id > 0)
		sqlite3_bind_int64(st, 4, paper_id);
	if (repo_id > 0)
		sqlite3_bind_int64(st, 5, repo_id);
	if (value)
		sqlite3_bind_text(st, 6, value, -1, SQLITE_STATIC);
	if (source)
		sqlite3_bind_text(st, 7, source, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return pub__db_error(db, "recording an event");
	return 0;
}

/* See events.h. */
long pub__stars_milestone(long from, long to)
{
	static const long steps[] = {1, 2, 5};
	long m, best = 0, p;
	size_t i;
	if (from < 0 || to <= from)
		return 0;
	if (from < 100 && to >= 100)
		best = 100;
	if (from < 500 && to >= 500)
		best = 500;
	for (p = 1000; p > 0 && p <= to; p = p <= LONG_MAX / 10 ? p * 10 : 0)
		for (i = 0; i < 3 && p <= LONG_MAX / steps[i]; i++) {
			m = p * steps[i];
			if (m > from && m <= to)
				best = m;
		}
	return best;
}

int pub__event_paper_day(pub_db *db, int64_t paper_id, const char *day)
{
	sqlite3_stmt *st;
	int err;
	if (!day || strlen(day) < 10)
		return 0;
	if ((err = pub__db_stmt(&st, db, "UPDATE events SET day = substr(?2, 1, 10) "
		     "WHERE paper_id = ?1 AND kind = 'paper'")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_TRANSIENT);
	return pub__db_step_done(db, st, "dating an event");
}

#define SELECT_EVENTS \
	"SELECT e.id, e.day, e.kind, e.value, e.source, p.citekey, p.short, p.title, " \
	"(SELECT url FROM links WHERE paper_id = p.id AND kind = 'paper' ORDER BY id LIMIT 1), " \
	"p.arxiv, p.doi, r.owner, r.name, r.display_name, p.venue " \
	"FROM events e LEFT JOIN papers p ON p.id = e.paper_id " \
	"LEFT JOIN repos r ON r.id = e.repo_id " \
	"WHERE e.kind IN ('paper', 'venue', 'repo', 'stars') " \
	"AND (?1 IS NULL OR e.day >= ?1) " \
	"AND (e.paper_id IS NOT NULL OR e.repo_id IS NOT NULL) " \
	"ORDER BY e.day DESC, e.id DESC LIMIT ?2"

static const char *col(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	return v && *v ? v : NULL;
}

int pub__event_rows_foreach(pub_db *db, const char *since, size_t limit,
	int (*cb)(const pub__event_row *row, void *ctx), void *ctx)
{
	sqlite3_stmt *st;
	int err, rc;
	if ((err = pub__db_stmt(&st, db, SELECT_EVENTS)) < 0)
		return err;
	if (since)
		sqlite3_bind_text(st, 1, since, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, limit ? (sqlite3_int64)limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pub__event_row r;
		r.id = sqlite3_column_int64(st, 0);
		r.day = col(st, 1);
		r.kind = col(st, 2);
		r.value = col(st, 3);
		r.source = col(st, 4);
		r.key = col(st, 5);
		r.shortname = col(st, 6);
		r.title = col(st, 7);
		r.paper_url = col(st, 8);
		r.arxiv = col(st, 9);
		r.doi = col(st, 10);
		r.repo_owner = col(st, 11);
		r.repo_name = col(st, 12);
		r.repo_display = col(st, 13);
		r.venue = col(st, 14);
		if ((err = cb(&r, ctx)) != 0)
			break;
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = pub__db_error(db, "reading events");
	sqlite3_reset(st);
	return err;
}
