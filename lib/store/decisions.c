/*
 * decisions.c: the decisions table (see decisions.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/db.h"
#include "store/decisions.h"
#include "util/alloc.h"
#include "util/error.h"

int pub__decision_store(pub_db *db, int64_t paper_id, const char *status,
	const char *venue, const char *tier, const char *day, const char *source,
	const char *ref)
{
	sqlite3_stmt *st;
	char now[21];
	int err;
	pub__now_iso(now);
	if ((err = pub__db_stmt(&st, db,
		     "INSERT OR REPLACE INTO decisions(paper_id, status, venue, tier, day, "
		     "source, ref, checked) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	pub__bind_text(st, 2, status);
	pub__bind_text(st, 3, venue);
	pub__bind_text(st, 4, tier);
	pub__bind_text(st, 5, day);
	pub__bind_text(st, 6, source);
	pub__bind_text(st, 7, ref);
	pub__bind_text(st, 8, now);
	err = pub__db_step_done(db, st, "recording a decision");
	sqlite3_reset(st);
	return err;
}

static char *dup_col(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	return v && *v ? pub__strdup(v) : NULL;
}

void pub__decision_free(pub_decision *d)
{
	if (!d)
		return;
	free(d->venue);
	free(d->tier);
	free(d->day);
	free(d->source);
	free(d->id);
	free(d);
}

int pub__decision_load(pub_decision **out, pub_db *db, int64_t paper_id)
{
	sqlite3_stmt *st;
	int err, rc;
	*out = NULL;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT venue, tier, day, source, ref FROM decisions "
		     "WHERE paper_id = ?1 AND status = 'accepted' AND venue IS NOT NULL")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pub_decision *d = pub__calloc(1, sizeof(*d));
		d->venue = dup_col(st, 0);
		d->tier = dup_col(st, 1);
		d->day = dup_col(st, 2);
		d->source = dup_col(st, 3);
		d->id = dup_col(st, 4);
		*out = d;
	} else if (rc != SQLITE_DONE) {
		err = pub__db_error(db, "reading a decision");
	}
	sqlite3_reset(st);
	return err;
}

int pub__decision_rows_foreach(pub_db *db, const char *cutoff, size_t *skipped,
	int (*cb)(const pub__decision_row *row, void *ctx), void *ctx)
{
	sqlite3_stmt *st;
	int err, rc;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT p.id, p.citekey, p.title, p.venue, p.venue_source, p.year, d.status, "
		     "?1 <> '' AND d.checked >= ?1, l.unknown FROM papers p "
		     "LEFT JOIN decisions d ON d.paper_id = p.id "
		     "LEFT JOIN venue_lookups l ON l.paper_id = p.id "
		     "WHERE d.status IS NULL OR d.status <> 'accepted' ORDER BY p.id")) < 0)
		return err;
	pub__bind_text(st, 1, cutoff ? cutoff : "");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pub__decision_row r;
		if (sqlite3_column_int(st, 7)) {
			if (skipped)
				(*skipped)++;
			continue;
		}
		r.id = sqlite3_column_int64(st, 0);
		r.citekey = (const char *)sqlite3_column_text(st, 1);
		r.title = (const char *)sqlite3_column_text(st, 2);
		r.venue = (const char *)sqlite3_column_text(st, 3);
		r.venue_source = (const char *)sqlite3_column_text(st, 4);
		r.year = sqlite3_column_int(st, 5);
		r.status = (const char *)sqlite3_column_text(st, 6);
		r.unknown = (const char *)sqlite3_column_text(st, 8);
		if ((err = cb(&r, ctx)) != 0)
			break;
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = pub__db_error(db, "reading papers");
	sqlite3_reset(st);
	return err;
}

int pub__decision_authors(char ***out, size_t *n, pub_db *db, int64_t paper_id)
{
	sqlite3_stmt *st;
	int err, rc;
	*out = NULL;
	*n = 0;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT a.name FROM paper_authors pa JOIN authors a ON a.id = pa.author_id "
		     "WHERE pa.paper_id = ?1 AND pa.role = 'author' ORDER BY pa.position")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = pub__realloc(*out, (*n + 1) * sizeof(char *));
		(*out)[(*n)++] = pub__strdup((const char *)sqlite3_column_text(st, 0));
	}
	if (rc != SQLITE_DONE)
		err = pub__db_error(db, "reading authors");
	sqlite3_reset(st);
	return err;
}

/* A badge a venue decision may replace: a preprint's or a workshop's. */
static int provisional(const char *v)
{
	static const char *const words[] = {"arxiv", "corr", "preprint", "workshop", " @ ",
		"submitted to"};
	return pub__contains_any_ci(v, words, sizeof(words) / sizeof(words[0]));
}

int pub__decision_set_badge(int *changed, char **old, pub_db *db, int64_t id,
	const char *badge, const char *source)
{
	sqlite3_stmt *st;
	char *venue = NULL, *vsrc = NULL;
	int err, rc, take;
	*changed = 0;
	*old = NULL;
	if ((err = pub__db_stmt(&st, db, "SELECT venue, venue_source FROM papers WHERE id = ?1")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		venue = dup_col(st, 0);
		vsrc = dup_col(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? pub__error(PUB_ENOTFOUND, "no paper %lld", (long long)id)
					 : pub__db_error(db, "reading a paper");
	if (!venue)
		take = 1;
	else if (vsrc && !strcmp(vsrc, "user"))
		take = 0;
	else if (!strcasecmp(venue, badge))
		take = 0;
	else
		take = provisional(venue) ||
			(vsrc && (!strcmp(vsrc, "dblp") || !strcmp(vsrc, "semanticscholar") ||
				  !strcmp(vsrc, "arxiv") || !strcmp(vsrc, "openreview")));
	free(vsrc);
	if (!take) {
		free(venue);
		return 0;
	}
	if ((err = pub__db_stmt(&st, db,
		     "UPDATE papers SET venue = ?2, venue_source = ?3 WHERE id = ?1")) < 0) {
		free(venue);
		return err;
	}
	sqlite3_bind_int64(st, 1, id);
	pub__bind_text(st, 2, badge);
	pub__bind_text(st, 3, source);
	err = pub__db_step_done(db, st, "recording a venue");
	sqlite3_reset(st);
	if (err < 0) {
		free(venue);
		return err;
	}
	*changed = 1;
	*old = venue;
	return 0;
}

int pub__paper_has_venue(int *has, pub_db *db, int64_t id, const char *badge)
{
	sqlite3_stmt *st;
	int err, rc;
	*has = 0;
	if ((err = pub__db_stmt(&st, db, "SELECT 1 FROM papers WHERE id = ?1 "
		     "AND venue = ?2 COLLATE NOCASE")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, id);
	pub__bind_text(st, 2, badge);
	rc = sqlite3_step(st);
	*has = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : pub__db_error(db, "reading a paper");
}
