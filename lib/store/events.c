/*
 * events.c: recording dated events (see events.h).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/events.h"
#include "util/error.h"

/* 1 when a badge ends in " YYYY". */
static int venue_year(const char *v)
{
	size_t n = strlen(v), i;
	if (n < 5 || v[n - 5] != ' ')
		return 0;
	for (i = n - 4; i < n; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	return 1;
}

/* The month of a published paper's date in `year` (a paper with a DOI and
 * no arXiv id: its date is the publisher's), or 0. */
static int published_month(int *month, pub_db *db, int64_t paper_id, int year)
{
	sqlite3_stmt *st;
	int err;
	*month = 0;
	if ((err = pub__db_stmt(&st, db, "SELECT month FROM papers WHERE id = ?1 AND "
		     "doi IS NOT NULL AND arxiv IS NULL AND year = ?2 AND month BETWEEN 1 AND 12")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	sqlite3_bind_int(st, 2, year);
	if (sqlite3_step(st) == SQLITE_ROW)
		*month = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return 0;
}

int pub__event_add(pub_db *db, const char *kind, int64_t paper_id,
	int64_t repo_id, const char *value, const char *source, const char *day)
{
	sqlite3_stmt *st;
	char now[21], today[11];
	int err;
	if (!kind || !*kind)
		return pub__error(PUB_EINVAL, "an event needs a kind");
	/* one acceptance per paper and badge: a second source of the same
	 * venue (DBLP after OpenReview) is no news */
	if (!strcmp(kind, PUB__EVENT_VENUE) && paper_id > 0 && value) {
		int rc;
		if ((err = pub__db_stmt(&st, db, "SELECT 1 FROM events WHERE paper_id = ?1 "
			     "AND kind = 'venue' AND value = ?2 COLLATE NOCASE")) < 0)
			return err;
		sqlite3_bind_int64(st, 1, paper_id);
		sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc == SQLITE_ROW)
			return 0;
		if (rc != SQLITE_DONE)
			return pub__db_error(db, "reading events");
	}
	pub__now_iso(now);
	memcpy(today, now, 10);
	today[10] = '\0';
	if ((err = pub__db_stmt(&st, db,
	     "INSERT INTO events(day, recorded, kind, paper_id, repo_id, value, source) "
	     "VALUES (?, ?, ?, ?, ?, ?, ?)")) < 0)
		return err;
	/* an acceptance learnt later than its venue's year happened in that
	 * year at the latest: the published version's month when its source
	 * gave one (Crossref's published date of a paper added by DOI), else
	 * the year alone */
	if ((!day || !*day) && !strcmp(kind, PUB__EVENT_VENUE) && value && venue_year(value) &&
	    memcmp(today, value + strlen(value) - 4, 4) >= 0) {
		int month = 0, past = memcmp(today, value + strlen(value) - 4, 4) > 0;
		if (paper_id > 0 && (err = published_month(&month, db, paper_id,
					     atoi(value + strlen(value) - 4))) < 0)
			return err;
		/* this year's: the published month when it has come (a paper
		 * added by DOI in its own year), else today */
		if (month && (past || month <= atoi(today + 5)))
			snprintf(today, sizeof(today), "%.4s-%02d", value + strlen(value) - 4, month);
		else if (past) {
			memcpy(today, value + strlen(value) - 4, 4);
			today[4] = '\0';
		}
	}
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
	"WHERE e.kind IN ('paper', 'venue', 'repo', 'stars', 'note') " \
	"AND (?1 IS NULL OR e.day >= ?1) " \
	"AND (e.paper_id IS NOT NULL OR e.repo_id IS NOT NULL OR e.kind = 'note') " \
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

int pub__event_venue_dated(pub_db *db, int64_t paper_id, const char *value, const char *day,
	const char *source)
{
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db, "UPDATE events SET day = ?3 WHERE paper_id = ?1 "
		     "AND kind = 'venue' AND value = ?2 COLLATE NOCASE")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	pub__bind_text(st, 2, value);
	pub__bind_text(st, 3, day);
	err = pub__db_step_done(db, st, "dating an event");
	sqlite3_reset(st);
	if (err == 0 && sqlite3_changes(db->sql) == 0)
		err = pub__event_add(db, PUB__EVENT_VENUE, paper_id, 0, value, source, day);
	return err;
}

int pub__event_repo_day(pub_db *db, int64_t repo_id, const char *day)
{
	sqlite3_stmt *st;
	int err;
	if (!day || strlen(day) < 10)
		return 0;
	if ((err = pub__db_stmt(&st, db, "UPDATE events SET day = substr(?2, 1, 10) "
		     "WHERE repo_id = ?1 AND kind = 'repo' AND day <> substr(?2, 1, 10)")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, repo_id);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_TRANSIENT);
	err = pub__db_step_done(db, st, "dating an event");
	sqlite3_reset(st);
	return err;
}

/* YYYY-MM or YYYY-MM-DD, a real month and day. */
static int note_day_valid(const char *s)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	size_t n = strlen(s), i;
	int m, d;
	if (n != 7 && n != 10)
		return 0;
	for (i = 0; i < n; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (m < 1 || m > 12)
		return 0;
	if (n == 10) {
		d = (s[8] - '0') * 10 + (s[9] - '0');
		if (d < 1 || d > mdays[m - 1])
			return 0;
	}
	return 1;
}

static int note_text_valid(const char *text)
{
	const char *p;
	if (!text)
		return pub__error(PUB_EINVAL, "a news item needs a text");
	for (p = text; *p == ' ' || *p == '\t'; p++)
		;
	if (!*p)
		return pub__error(PUB_EINVAL, "a news item needs a text");
	if (strchr(text, '\n') || strchr(text, '\r'))
		return pub__error(PUB_EINVAL, "a news item is one line of Markdown, not several");
	return 0;
}

int pub_news_add(int64_t *id, pub_db *db, const char *day, const char *text)
{
	int err;
	if (id)
		*id = 0;
	if (!day || !note_day_valid(day))
		return pub__error(PUB_EINVAL, "'%s' is not a date of a news item (YYYY-MM-DD or YYYY-MM)",
			day ? day : "");
	if ((err = note_text_valid(text)) < 0)
		return err;
	if ((err = pub__db_begin(db)) < 0)
		return err;
	if ((err = pub__event_add(db, PUB__EVENT_NOTE, 0, 0, text, "user", day)) < 0) {
		pub__db_rollback(db);
		return err;
	}
	if (id)
		*id = sqlite3_last_insert_rowid(db->sql);
	return pub__db_commit(db);
}

/* The kind of event `id`, into kind[16]; PUB_ENOTFOUND when none. */
static int event_kind(char kind[16], pub_db *db, int64_t id)
{
	sqlite3_stmt *st;
	int err, rc;
	if ((err = pub__db_stmt(&st, db, "SELECT kind FROM events WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		snprintf(kind, 16, "%s", k ? k : "");
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return pub__error(PUB_ENOTFOUND, "no news item %lld (pubdb news --json lists their ids)",
			(long long)id);
	return rc == SQLITE_ROW ? 0 : pub__db_error(db, "reading a news item");
}

int pub_news_edit(pub_db *db, int64_t id, const char *text)
{
	sqlite3_stmt *st;
	char kind[16];
	int err;
	if ((err = note_text_valid(text)) < 0)
		return err;
	if ((err = event_kind(kind, db, id)) < 0)
		return err;
	if (strcmp(kind, PUB__EVENT_NOTE))
		return pub__error(PUB_EINVAL, "news item %lld is a '%s' item, written from the data; "
			"only items of `news add` have a text to edit", (long long)id, kind);
	if ((err = pub__db_stmt(&st, db, "UPDATE events SET value = ?2 WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	pub__bind_text(st, 2, text);
	err = pub__db_step_done(db, st, "editing a news item");
	sqlite3_reset(st);
	return err;
}

int pub_news_remove(pub_db *db, int64_t id)
{
	sqlite3_stmt *st;
	char kind[16];
	int err;
	if ((err = event_kind(kind, db, id)) < 0)
		return err;
	if ((err = pub__db_stmt(&st, db, "DELETE FROM events WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	err = pub__db_step_done(db, st, "removing a news item");
	sqlite3_reset(st);
	return err;
}
