/*
 * stars.c: GitHub star counts in the database: `refresh --stars` (which
 * repositories to ask about, and filing each answer: counts, history,
 * renames, missing and archived repositories, one transaction per batch so
 * a killed refresh leaves a consistent file), the star history and its
 * chart.  Talking to GitHub is github.c; the history and its chart are export/stars.c.
 */
#include "pub.h"
#include "util/alloc.h"
#include "util/error.h"
#include "ids/github.h"
#include "store/db.h"
#include "store/events.h"
#include "store/lock.h"
#include "sync/refresh.h"
#include "sync/session.h"
#include "net/github.h"
#include "net/http.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* Repositories filed per transaction in REST mode. */
#define REST_CHUNK 50

typedef struct row {
	int64_t id;
	char *owner, *name, *etag, *status;
	long stars; /* -1 when never counted */
	int archived;
} row;

typedef struct run {
	pub_db *db;
	const pub_refresh_opts *opts;
	pub_refresh_stats *stats;
	char now[21];
} run;

static void row_free(row *r)
{
	free(r->owner);
	free(r->name);
	free(r->etag);
	free(r->status);
	memset(r, 0, sizeof(*r));
}


/* The caller draws progress, if it wants to: the library never prints. */
static void progress(const run *R, size_t done, size_t total)
{
	if (R->opts->progress)
		R->opts->progress("GitHub stars", done, total, R->opts->progress_ctx);
}

/* Rows not checked since `cutoff` (NULL: all) with id > after, by id. */
static int load_chunk(pub_db *db, int64_t after, const char *cutoff, size_t limit,
	row *rows, size_t *n)
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
		row *r = &rows[(*n)++];
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

static int count_rows(pub_db *db, const char *cutoff, int fresh, size_t *out)
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

static int record_history(pub_db *db, int64_t id, long stars)
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

/* Points the links of a renamed repository at its new name. */
static int rewrite_links(pub_db *db, int64_t id, const char *owner, const char *name)
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

/* Another row for the same repository (same GitHub id, or already under
 * the new name): 0 when none. */
static int64_t find_twin(pub_db *db, int64_t id, int64_t github_id,
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

/* Folds row `from` into row `into`: links, history, standalone flag. */
static int merge_rows(pub_db *db, int64_t from, int64_t into)
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

/* Files a 200 (REST or GraphQL). */
/* A milestone crossed since the last count is an event, once per
 * repository and milestone (a count dipping and rising again is not news
 * twice).  The first count of a repository crosses nothing: pubdb did not
 * see it happen. */
static int milestone(pub_db *db, int64_t id, long from, long to)
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

static int file_ok(run *R, row *r, const pub__github_item *it, int rest)
{
	const pub__github_repo *g = &it->repo;
	const char *slash = strchr(g->full_name, '/');
	char *owner = pub__strndup(g->full_name, (size_t)(slash - g->full_name));
	const char *name = slash + 1;
	char *old = pub__sprintf("%s/%s", r->owner, r->name);
	int renamed = strcasecmp(old, g->full_name) != 0;
	int64_t id = r->id, twin;
	const char *status = g->archived ? "archived" : renamed ? "renamed" : "ok";
	int changed = 0, err;
	sqlite3_stmt *st;

	if ((twin = find_twin(R->db, id, g->id, owner, name)) != 0) {
		if ((err = merge_rows(R->db, id, twin)) < 0)
			goto done;
		pub__refresh_say(R->opts, 0, "%s: same repository as %s; merged", old, g->full_name);
		id = twin;
		changed = 1;
	}
	if ((err = pub__db_stmt(&st, R->db,
		     "UPDATE repos SET owner = ?2, name = ?3, github_id = ?4, stars = ?5, "
		     "description = COALESCE(?6, description), "
		     "etag = CASE WHEN ?7 THEN ?8 ELSE etag END, checked = ?9, status = ?10, "
		     "archived = ?11, renamed_from = CASE WHEN ?12 THEN ?13 ELSE renamed_from END "
		     "WHERE id = ?1")) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, owner, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, g->id);
	sqlite3_bind_int64(st, 5, g->stars);
	pub__bind_text(st, 6, g->description);
	sqlite3_bind_int(st, 7, rest);
	pub__bind_text(st, 8, it->new_etag);
	sqlite3_bind_text(st, 9, R->now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, status, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 11, g->archived);
	sqlite3_bind_int(st, 12, renamed);
	sqlite3_bind_text(st, 13, old, -1, SQLITE_TRANSIENT);
	if ((err = pub__db_step_done(R->db, st, "storing a star count")) < 0)
		goto done;
	if ((err = record_history(R->db, id, g->stars)) < 0)
		goto done;
	if (renamed) {
		if ((err = rewrite_links(R->db, id, owner, name)) < 0)
			goto done;
		pub__refresh_say(R->opts, 0, "%s: renamed to %s", old, g->full_name);
		changed = 1;
	} else if (strcmp(old, g->full_name) != 0) {
		changed = 1; /* only the letter case: GitHub's spelling wins */
	}
	if ((err = milestone(R->db, id, r->stars, g->stars)) < 0)
		goto done;
	/* a release is dated by the repository's creation (version 6) */
	if ((err = pub__event_repo_day(R->db, id, g->created)) < 0)
		goto done;
	if (r->stars != g->stars) {
		if (r->stars < 0)
			pub__refresh_say(R->opts, 0, "%s: - -> %ld", g->full_name, g->stars);
		else
			pub__refresh_say(R->opts, 0, "%s: %ld -> %ld", g->full_name, r->stars, g->stars);
		changed = 1;
	}
	if (g->archived && !r->archived) {
		pub__refresh_say(R->opts, 0, "%s: archived on GitHub", g->full_name);
		changed = 1;
	} else if (r->status && !strcmp(r->status, "missing")) {
		pub__refresh_say(R->opts, 0, "%s: found on GitHub again", g->full_name);
		changed = 1;
	}
	if (changed)
		R->stats->changed++;
	else
		R->stats->unchanged++;
done:
	free(owner);
	free(old);
	return err;
}

static int file_item(run *R, row *r, const pub__github_item *it, int rest)
{
	sqlite3_stmt *st;
	int err;
	switch (it->result) {
	case PUB__GH_PENDING:
		return 0;
	case PUB__GH_OK:
		R->stats->checked++;
		return file_ok(R, r, it, rest);
	case PUB__GH_UNCHANGED:
		R->stats->checked++;
		R->stats->unchanged++;
		if ((err = pub__db_stmt(&st, R->db,
			     "UPDATE repos SET checked = ?2, status = CASE WHEN archived "
			     "THEN 'archived' ELSE 'ok' END WHERE id = ?1")) < 0)
			return err;
		sqlite3_bind_int64(st, 1, r->id);
		sqlite3_bind_text(st, 2, R->now, -1, SQLITE_TRANSIENT);
		if ((err = pub__db_step_done(R->db, st, "storing a check")) < 0)
			return err;
		return record_history(R->db, r->id, r->stars);
	case PUB__GH_MISSING:
		R->stats->checked++;
		R->stats->failed++;
		if ((err = pub__db_stmt(&st, R->db,
			     "UPDATE repos SET checked = ?2, status = 'missing' WHERE id = ?1")) < 0)
			return err;
		sqlite3_bind_int64(st, 1, r->id);
		sqlite3_bind_text(st, 2, R->now, -1, SQLITE_TRANSIENT);
		if ((err = pub__db_step_done(R->db, st, "storing a check")) < 0)
			return err;
		if (r->stars >= 0)
			pub__refresh_say(R->opts, 1, "%s/%s: not found on GitHub (kept the last count, %ld)",
				r->owner, r->name, r->stars);
		else
			pub__refresh_say(R->opts, 1, "%s/%s: not found on GitHub", r->owner, r->name);
		return 0;
	case PUB__GH_FAILED:
		R->stats->checked++;
		R->stats->failed++;
		pub__refresh_say(R->opts, 1, "%s/%s: %s", r->owner, r->name,
			it->error ? it->error : "failed");
		return 0;
	}
	return 0;
}

int pub__refresh_step_stars(pub__sync *s, const pub_refresh_opts *opts,
	pub_refresh_stats *stats)
{
	pub_db *db = s->db;
	run R;
	pub__http *h = NULL;
	const char *tok = getenv("GITHUB_TOKEN");
	int graphql = tok && *tok, err = 0, ferr = 0;
	unsigned jobs;
	size_t chunk, total = 0, done_n = 0, n = 0, i;
	char cutoff[21], *cut = NULL, *ferr_msg = NULL;
	int64_t after = 0;
	row *rows = NULL;
	pub__github_item *items = NULL;

	memset(&R, 0, sizeof(R));
	R.db = db;
	R.opts = opts;
	R.stats = stats;
	jobs = opts->jobs > 1 ? (unsigned)opts->jobs : 1;
	chunk = graphql ? (size_t)PUB__GITHUB_GRAPHQL_BATCH * jobs :
		(jobs * 8 > REST_CHUNK ? jobs * 8 : REST_CHUNK);
	pub__refresh_cutoff(cutoff, opts->max_age);
	cut = *cutoff ? cutoff : NULL;
	if ((err = count_rows(db, cut, 1, &stats->skipped)) < 0 ||
	    (err = count_rows(db, cut, 0, &total)) < 0)
		goto done;
	if (!total)
		goto done;
	if ((err = pub__sync_http(&h, s)) < 0)
		goto done;
	rows = pub__calloc(chunk, sizeof(*rows));
	items = pub__calloc(chunk, sizeof(*items));
	progress(&R, 0, total);
	for (;;) {
		if ((err = load_chunk(db, after, cut, chunk, rows, &n)) < 0 || !n)
			break;
		after = rows[n - 1].id;
		for (i = 0; i < n; i++) {
			items[i].owner = rows[i].owner;
			items[i].name = rows[i].name;
			items[i].etag = rows[i].stars >= 0 ? rows[i].etag : NULL;
		}
		ferr = pub__github_fetch(h, items, n, graphql, jobs);
		if (ferr < 0)
			ferr_msg = pub__strdup(pub_error_last());
		pub__now_iso(R.now);
		/* whatever came back is filed, even when the run stops here */
		if ((err = pub__db_begin(db)) == 0) {
			for (i = 0; i < n && err == 0; i++)
				err = file_item(&R, &rows[i], &items[i], !graphql);
			err = err < 0 ? (pub__db_rollback(db), err) : pub__db_commit(db);
		}
		for (i = 0; i < n; i++) {
			pub__github_item_clear(&items[i]);
			row_free(&rows[i]);
		}
		done_n += n;
		progress(&R, done_n, total);
		if (err < 0 || ferr < 0)
			break;
	}
done:
	free(rows);
	free(items);
	if (err == 0 && ferr < 0)
		err = pub__error(ferr, "%s", ferr_msg);
	else if (err == 0 && stats->failed)
		err = pub__error(PUB_EPARTIAL, "%zu of %zu repositories failed",
			stats->failed, stats->checked);
	free(ferr_msg);
	return err;
}

int pub_refresh_stars(pub_db *db, const pub_refresh_opts *opts, pub_refresh_stats *stats)
{
	return pub__refresh_one(db, opts, stats, pub__refresh_step_stars);
}
