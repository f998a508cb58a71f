/*
 * citations.c: citation counts per paper and source, their daily history,
 * the listing with 7- and 30-day changes, and the totals of `pubdb stats`
 * (h-index, i10-index).  Fetching is lib/sync/citations.c; charts and the
 * badge are lib/export/citations.c.
 */
#include "store/citations.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/version.h"
#include "store/db.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

int pub__citation_store(pub_db *db, int64_t paper_id, const char *source,
	int64_t count, const char *checked, long *prev)
{
	sqlite3_stmt *st;
	long old = -1;
	int err, rc;
	if (prev)
		*prev = -1;
	if (!source || !*source || !checked || strlen(checked) < 10 || count < 0)
		return pub__error(PUB_EINVAL, "storing a citation count: bad source, "
			"time or count");
	if ((err = pub__db_stmt(&st, db,
		     "SELECT count FROM citations WHERE paper_id = ?1 AND source = ?2")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	sqlite3_bind_text(st, 2, source, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		old = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return pub__db_error(db, "reading a citation count");
	if ((err = pub__db_stmt(&st, db,
		     "INSERT INTO citations(paper_id, source, count, checked) "
		     "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(paper_id, source) "
		     "DO UPDATE SET count = excluded.count, checked = excluded.checked")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	sqlite3_bind_text(st, 2, source, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, count);
	sqlite3_bind_text(st, 4, checked, -1, SQLITE_TRANSIENT);
	if ((err = pub__db_step_done(db, st, "storing a citation count")) < 0)
		return err;
	if ((err = pub__db_stmt(&st, db,
		     "INSERT OR REPLACE INTO citation_history(paper_id, source, day, count) "
		     "VALUES (?1, ?2, substr(?3, 1, 10), ?4)")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	sqlite3_bind_text(st, 2, source, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, checked, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, count);
	if ((err = pub__db_step_done(db, st, "recording citation history")) < 0)
		return err;
	if (prev)
		*prev = old;
	return old != (long)count;
}

void pub__citations_free(pub_citation *c, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		free(c[i].source);
		free(c[i].checked);
	}
	free(c);
}

int pub__citations_load(pub_citation **out, size_t *n, pub_db *db, int64_t paper_id)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int err, rc;
	*out = NULL;
	*n = 0;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT source, count, checked FROM citations WHERE paper_id = ?1 "
		     "ORDER BY source")) < 0)
		return err;
	sqlite3_bind_int64(st, 1, paper_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			*out = pub__realloc(*out, cap * sizeof(**out));
		}
		(*out)[*n].source = pub__col_strdup(st, 0);
		(*out)[*n].count = (long)sqlite3_column_int64(st, 1);
		(*out)[*n].checked = pub__col_strdup(st, 2);
		(*n)++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : pub__db_error(db, "reading citation counts");
}

long pub__citations_best(const pub_citation *c, size_t n)
{
	long best = -1;
	size_t i;
	for (i = 0; i < n; i++)
		if (c[i].count > best)
			best = c[i].count;
	return best;
}

int pub_citations_foreach(pub_db *db,
	int (*cb)(const pub_citation_row *row, void *ctx), void *ctx)
{
	static const char *sql =
		"SELECT p.citekey, p.title, c.source, c.count, c.checked, "
		"c.count - (SELECT h.count FROM citation_history h WHERE h.paper_id = c.paper_id "
		"  AND h.source = c.source AND h.day <= date('now', '-7 days') "
		"  ORDER BY h.day DESC LIMIT 1), "
		"c.count - (SELECT h.count FROM citation_history h WHERE h.paper_id = c.paper_id "
		"  AND h.source = c.source AND h.day <= date('now', '-30 days') "
		"  ORDER BY h.day DESC LIMIT 1) "
		"FROM citations c JOIN papers p ON p.id = c.paper_id "
		"ORDER BY (SELECT MAX(count) FROM citations m WHERE m.paper_id = c.paper_id) DESC, "
		"lower(p.citekey), c.source";
	sqlite3_stmt *st = NULL;
	int rc, err = 0;
	/* Not cached: the callback may use the handle. */
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return pub__db_error(db, "listing citation counts");
	while (err == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		pub_citation_row r;
		r.key = (const char *)sqlite3_column_text(st, 0);
		r.title = (const char *)sqlite3_column_text(st, 1);
		r.source = (const char *)sqlite3_column_text(st, 2);
		r.count = (long)sqlite3_column_int64(st, 3);
		r.checked = (const char *)sqlite3_column_text(st, 4);
		r.delta_7d = (long)sqlite3_column_int64(st, 5);
		r.delta_30d = (long)sqlite3_column_int64(st, 6);
		err = cb(&r, ctx);
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = pub__db_error(db, "listing citation counts");
	sqlite3_finalize(st);
	return err;
}

int pub_citations_history_foreach(pub_db *db, const char *key,
	int (*cb)(const char *key, const char *source, const char *day,
		long count, void *ctx), void *ctx)
{
	static const char *sql =
		"SELECT p.citekey, h.source, h.day, h.count FROM citation_history h "
		"JOIN papers p ON p.id = h.paper_id WHERE ?1 IS NULL OR h.paper_id = ?1 "
		"ORDER BY lower(p.citekey), h.source, h.day";
	sqlite3_stmt *st = NULL;
	int64_t id = 0;
	int rc, err = 0;
	if (key && (err = pub__store_paper_id(&id, db, key)) < 0)
		return err;
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return pub__db_error(db, "reading citation history");
	if (key)
		sqlite3_bind_int64(st, 1, id);
	while (err == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW)
		err = cb((const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1),
			(const char *)sqlite3_column_text(st, 2),
			(long)sqlite3_column_int64(st, 3), ctx);
	if (err == 0 && rc != SQLITE_DONE)
		err = pub__db_error(db, "reading citation history");
	sqlite3_finalize(st);
	return err;
}

static int cmp_desc(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return x < y ? 1 : x > y ? -1 : 0;
}

long pub_h_index(const long *counts, size_t n)
{
	long *s, h = 0;
	size_t i;
	if (!n)
		return 0;
	s = pub__malloc(n * sizeof(*s));
	memcpy(s, counts, n * sizeof(*s));
	qsort(s, n, sizeof(*s), cmp_desc);
	for (i = 0; i < n && s[i] >= (long)(i + 1); i++)
		h = (long)(i + 1);
	free(s);
	return h;
}

static const size_t stats_sizes[] = {sizeof(pub_stats)};
static const pub__versions stats_versions = {"pub_stats", PUB_STATS_VERSION, stats_sizes};

static int stats_get(pub_stats *out, pub_db *db)
{
	sqlite3_stmt *st;
	long *counts = NULL;
	size_t n = 0, cap = 0;
	int err, rc;
	if ((err = pub__db_stmt(&st, db,
		     "SELECT (SELECT COUNT(*) FROM papers), "
		     "(SELECT COALESCE(SUM(stars), 0) FROM repos WHERE stars IS NOT NULL)")) < 0)
		return err;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return pub__db_error(db, "counting papers");
	}
	out->papers = (long)sqlite3_column_int64(st, 0);
	out->stars = (long)sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	if ((err = pub__db_stmt(&st, db,
		     "SELECT MAX(count) FROM citations GROUP BY paper_id")) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			counts = pub__realloc(counts, cap * sizeof(*counts));
		}
		counts[n] = (long)sqlite3_column_int64(st, 0);
		out->citations += counts[n];
		if (counts[n] >= 10)
			out->i10_index++;
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		err = pub__db_error(db, "summing citation counts");
	else
		out->h_index = pub_h_index(counts, n);
	free(counts);
	return err;
}

int pub_stats_get(pub_stats *out, pub_db *db)
{
	pub_stats full;
	int err;
	if ((err = pub__versioned_check(out, &stats_versions)) < 0)
		return err;
	memset(&full, 0, sizeof(full));
	full.version = PUB_STATS_VERSION;
	err = stats_get(&full, db);
	pub__versioned_out(out, &full, &stats_versions);
	return err;
}

int pub__citations_best_by_day(pub_db *db,
	int (*cb)(const char *key, const char *day, long count, void *ctx), void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc, err = 0;
	/* Not cached: the callback may use the handle. */
	if (sqlite3_prepare_v2(db->sql,
		    "SELECT p.citekey, h.day, MAX(h.count) FROM citation_history h "
		    "JOIN papers p ON p.id = h.paper_id GROUP BY h.paper_id, h.day "
		    "ORDER BY lower(p.citekey), h.paper_id, h.day", -1, &st, NULL) != SQLITE_OK)
		return pub__db_error(db, "reading citation history");
	while (err == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW)
		err = cb((const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1),
			(long)sqlite3_column_int64(st, 2), ctx);
	if (err == 0 && rc != SQLITE_DONE)
		err = pub__db_error(db, "reading citation history");
	sqlite3_finalize(st);
	return err;
}

int pub__citations_due_count(size_t *out, pub_db *db, const char *source,
	const char *cutoff, int fresh)
{
	static const char *sql =
		"SELECT COUNT(*) FROM papers p LEFT JOIN citations c "
		"ON c.paper_id = p.id AND c.source = ?1 "
		"WHERE (p.doi IS NOT NULL OR p.arxiv IS NOT NULL) AND "
		"COALESCE(?2 IS NOT NULL AND c.checked >= ?2, 0) = ?3";
	sqlite3_stmt *st;
	int err;
	if ((err = pub__db_stmt(&st, db, sql)) < 0)
		return err;
	sqlite3_bind_text(st, 1, source, -1, SQLITE_TRANSIENT);
	pub__bind_text(st, 2, cutoff);
	sqlite3_bind_int(st, 3, fresh);
	if (sqlite3_step(st) != SQLITE_ROW)
		err = pub__db_error(db, "counting papers");
	else
		*out = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return err;
}

int pub__citations_due(pub_db *db, const char *source, int64_t after, const char *cutoff,
	size_t limit, int (*cb)(int64_t id, const char *key, const char *doi,
		const char *arxiv, const char *unknown, void *ctx), void *ctx)
{
	static const char *sql =
		"SELECT p.id, p.citekey, p.doi, p.arxiv, l.unknown FROM papers p "
		"LEFT JOIN citations c ON c.paper_id = p.id AND c.source = ?1 "
		"LEFT JOIN venue_lookups l ON l.paper_id = p.id "
		"WHERE p.id > ?2 AND (p.doi IS NOT NULL OR p.arxiv IS NOT NULL) AND "
		"NOT COALESCE(?3 IS NOT NULL AND c.checked >= ?3, 0) ORDER BY p.id LIMIT ?4";
	sqlite3_stmt *st;
	int err, rc;
	if ((err = pub__db_stmt(&st, db, sql)) < 0)
		return err;
	sqlite3_bind_text(st, 1, source, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, after);
	pub__bind_text(st, 3, cutoff);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((err = cb(sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
			     (const char *)sqlite3_column_text(st, 2),
			     (const char *)sqlite3_column_text(st, 3),
			     (const char *)sqlite3_column_text(st, 4), ctx)) != 0)
			break;
	sqlite3_reset(st);
	if (err)
		return err;
	return rc == SQLITE_DONE ? 0 : pub__db_error(db, "listing papers");
}
