/*
 * test_citations.c: citation counts in a real database file: filing
 * counts from several sources through pub__citation_store() (latest per
 * source, one history row per day, the changed/unchanged answer), what a
 * paper loads, the totals of pub_stats_get() and pub_h_index().
 */
#include "../harness.h"
#include "store_fixture.h"
#include "store/citations.h"

static int64_t add_paper(pub_db *db, const char *key, const char *doi)
{
	pub__store_result res;
	int64_t id = 0;
	memset(&res, 0, sizeof(res));
	if (store(db, entry_new("article", key, "title", key, "author", "Doe, Jane", "year",
		    "2024", "doi", doi, (const char *)NULL), &res) < 0)
		exit(2);
	if (pub__store_paper_id(&id, db, res.key) < 0)
		exit(2);
	return id;
}

static int file_count(pub_db *db, int64_t id, const char *source, int64_t n,
	const char *when, long *prev)
{
	int rc;
	if (pub__db_begin(db) < 0)
		exit(2);
	rc = pub__citation_store(db, id, source, n, when, prev);
	if (rc < 0)
		pub__db_rollback(db);
	else if (pub__db_commit(db) < 0)
		exit(2);
	return rc;
}

static long rows(pub_db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long n = -1;
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void test_store(void)
{
	pub_db *db = fixture_open();
	int64_t a = add_paper(db, "a2024", "10.1/a"), b = add_paper(db, "b2024", "10.1/b");
	pub_paper *p = NULL;
	pub_stats s = PUB_STATS_INIT;
	long prev;

	OK(file_count(db, a, "openalex", 10, "2026-11-01T04:00:00Z", &prev) == 1 && prev == -1,
		"new count");
	OK(file_count(db, a, "openalex", 10, "2026-11-01T05:00:00Z", &prev) == 0 && prev == 10,
		"same count");
	OK(file_count(db, a, "openalex", 12, "2026-11-01T06:00:00Z", &prev) == 1 && prev == 10,
		"changed the same day");
	OK(rows(db, "SELECT COUNT(*) FROM citation_history") == 1, "one row per day");
	OK(rows(db, "SELECT count FROM citation_history") == 12, "the day's last count");
	OK(file_count(db, a, "openalex", 13, "2026-11-02T06:00:00Z", NULL) == 1, "next day");
	OK(file_count(db, a, "crossref", 9, "2026-11-02T06:00:00Z", NULL) == 1, "second source");
	OK(file_count(db, b, "semanticscholar", 3, "2026-11-02T06:00:00Z", NULL) == 1, "any source");
	OK(rows(db, "SELECT COUNT(*) FROM citation_history") == 4, "history rows");
	OK(rows(db, "SELECT COUNT(*) FROM citations") == 3, "latest per paper and source");
	OK(file_count(db, a, "", 1, "2026-11-02T06:00:00Z", NULL) == PUB_EINVAL, "no source");
	OK(file_count(db, a, "x", -1, "2026-11-02T06:00:00Z", NULL) == PUB_EINVAL, "negative");
	OK(file_count(db, a, "x", 1, "2026", NULL) == PUB_EINVAL, "no day");

	OK(pub_paper_get(&p, db, "a2024") == 0, "load");
	OK(p && p->ncitations == 2, "two sources");
	STR_EQ(p->citations[0].source, "crossref", "by source name");
	OK(p->citations[1].count == 13, "latest count");
	STR_EQ(p->citations[1].checked, "2026-11-02T06:00:00Z", "checked");
	OK(pub__citations_best(p->citations, p->ncitations) == 13, "best");
	OK(pub__citations_best(NULL, 0) == -1, "best of none");
	pub_paper_free(p);

	OK(pub_stats_get(&s, db) == 0, "stats");
	OK(s.papers == 2 && s.citations == 16 && s.h_index == 2 && s.i10_index == 1 && s.stars == 0,
		"stats %ld %ld %ld %ld", s.papers, s.citations, s.h_index, s.i10_index);
	fixture_close(db);
}

static void test_h_index(void)
{
	static const long a[] = {10, 10, 3, 1}, b[] = {5, 5, 5, 5, 5}, c[] = {0, 0},
		d[] = {100}, e[] = {1, 3, 10, 10}, f[] = {6, 5, 3, 1, 0};
	OK(pub_h_index(a, 4) == 3, "10,10,3,1 -> 3");
	OK(pub_h_index(b, 5) == 5, "five fives -> 5");
	OK(pub_h_index(c, 2) == 0, "zeros -> 0");
	OK(pub_h_index(d, 1) == 1, "one paper -> 1");
	OK(pub_h_index(e, 4) == 3, "any order");
	OK(e[0] == 1 && e[3] == 10, "input untouched");
	OK(pub_h_index(f, 5) == 3, "6,5,3,1,0 -> 3");
	OK(pub_h_index(NULL, 0) == 0, "none -> 0");
}

int main(void)
{
	test_store();
	test_h_index();
	return test_summary();
}
