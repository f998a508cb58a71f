/*
 * test_dump.c: the database as text (lib/store/dump.c, load.c): a database
 * with a row in every table dumps, loads and dumps again to the same bytes
 * with the same rows; every table of the schema is a record type; secrets
 * and request pacing are not dumped; a bad line leaves no database and
 * names its line; an existing database is refused without
 * PUB_LOAD_FORCE; a dump of schema version 4 loads.  Real SQLite files in
 * a temp dir.
 */
#include "harness.h"
#include "store_fixture.h"

#include <dirent.h>
#include <sys/stat.h>

#include "store/dump.h"

/* Rows for every table a plain import leaves empty. */
static const char fill_sql[] =
	"INSERT INTO settings(key, value) VALUES ('owner', 'Jane Doe'), "
	"  ('github_token', 'ghp_secret'), ('openreview.password', 'hunter2'), "
	"  ('arxiv_last_request', '2026-12-01T00:00:00Z');"
	"INSERT INTO venues(tag, name, kind) VALUES ('ICLR', 'International Conference "
	"  on Learning Representations', 'conference');"
	"UPDATE papers SET venue = 'ICLR 2025', venue_id = 1, venue_source = 'dblp', "
	"  dblp = 'conf/iclr/Doe25', short = 'HW', selected = 1 WHERE citekey = 'doe2020';"
	"INSERT INTO aliases(paper_id, key) VALUES (1, 'Doe:old');"
	"INSERT INTO entry_sources(paper_id, position, key, type, source, fields_json) "
	"  VALUES (1, 0, NULL, 'article', 'a.bib:1', '{\"title\":\"Hello\\nWorld\"}'), "
	"  (1, 1, 'Doe:old', 'misc', 'b.bib:7', 'not json');"
	"INSERT INTO tags(name) VALUES ('Zeta'), ('Alpha');"
	"INSERT INTO paper_tags(paper_id, tag_id) VALUES (1, 1), (1, 2), (2, 2);"
	"INSERT INTO repos(owner, name, github_id, description, stars, etag, checked, "
	"  status, standalone, display_name) VALUES ('Org', 'Tool', 42, 'A tool', 1234, "
	"  'W/\"abc\"', '2026-12-01T04:00:00Z', 'ok', 1, 'The Tool');"
	"INSERT INTO links(paper_id, kind, url, repo_id, source) VALUES "
	"  (1, 'code', 'https://github.com/Org/Tool', 1, NULL), "
	"  (1, 'blog', 'https://b.example/', NULL, 'huggingface');"
	"INSERT INTO links_removed(paper_id, kind, url) VALUES "
	"  (1, 'code', 'https://github.com/Org/Old'), (2, 'project', 'https://p.example/');"
	"INSERT INTO link_lookups(paper_id, checked) VALUES (2, '2026-12-01T04:00:00Z');"
	"INSERT INTO star_history(repo_id, day, stars) VALUES (1, '2026-11-30', 1200), "
	"  (1, '2026-12-01', 1234);"
	"INSERT INTO citations(paper_id, source, count, checked) VALUES "
	"  (1, 'openalex', 10, '2026-12-01T04:00:00Z'), (1, 'crossref', 9, '2026-12-01T04:00:00Z');"
	"INSERT INTO citation_history(paper_id, source, day, count) VALUES "
	"  (1, 'openalex', '2026-11-30', 8), (1, 'openalex', '2026-12-01', 10);"
	"INSERT INTO preambles(text) VALUES ('\\newcommand{\\x}{y}');"
	"INSERT INTO events(day, recorded, kind, paper_id, repo_id, value, source) VALUES "
	"  ('2025-01-22', '2026-12-01T04:00:00Z', 'venue', 1, NULL, 'ICLR 2025', 'dblp'), "
	"  ('2024-05-01', '2026-12-01T04:00:00Z', 'stars', NULL, 1, '1000', 'refresh'), "
	"  ('2025-01-22', '2026-12-01T04:00:01Z', 'note', NULL, NULL, 'Talk', 'edit');"
	"INSERT INTO inbox(added, source, title, year, venue, doi, arxiv, dblp, dblp_alt, "
	"  title_key, work_json) VALUES ('2026-12-01T04:00:00Z', 'dblp', 'New paper', 2025, "
	"  'NeurIPS 2025', '10.5/new', '2507.01234', 'conf/nips/X25', 'journals/corr/X25', "
	"  'new paper', '{\"title\":\"New paper\",\"authors\":[\"A B\"],\"score\":0.5}');"
	"INSERT INTO inbox_rejected(kind, value, rejected) VALUES "
	"  ('doi', '10.5/old', '2026-12-01T04:00:00Z'), ('arxiv', '2301.00001', '2026-12-01T04:00:00Z');"
	"INSERT INTO venue_lookups(paper_id, checked, candidates) VALUES "
	"  (2, '2026-12-01T04:00:00Z', '[{\"venue\":\"ICLR 2025\",\"dblp\":\"conf/iclr/X\"}]');"
	"INSERT INTO decisions(paper_id, status, venue, tier, day, source, ref, checked) VALUES "
	"  (1, 'accepted', 'ICLR 2025', 'Poster', '2025-01-22', 'openreview', 'hDBrQ4DApF', "
	"  '2026-12-01T04:00:00Z'), (2, 'rejected', NULL, NULL, NULL, 'openreview', 'x1', "
	"  '2026-12-01T04:00:00Z');";

static pub_db *filled(void)
{
	pub_db *db = fixture_open();
	pub__store_result r;
	store(db, entry_new("article", "doe2020", "title", "Hello {W}orld",
		"author", "Doe, Jane and Roe, Rick", "year", "2020", "journal", "J",
		"note", "caf\xc3\xa9 \"quoted\"", NULL), &r);
	store(db, entry_new("inproceedings", "Roe2021", "title", "Second",
		"author", "Roe, Rick and van der Berg, Jr, Piet", "editor", "Ed, Ita",
		"year", "2021", "booktitle", "Proc.", NULL), &r);
	if (sqlite3_exec(db->sql, fill_sql, NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "fill: %s\n", sqlite3_errmsg(db->sql));
		exit(2);
	}
	return db;
}

/* pub_db_dump() of db as a malloc'd string. */
static char *dump_text(pub_db *db)
{
	char *text = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);
	int err = pub_db_dump(db, f);
	OK(err == 0, "dump: %s", pub_error_last());
	fclose(f);
	return text;
}

/* Loads `text` into `path`; returns the code. */
static int load_text(const char *path, const char *text, unsigned flags, size_t *n)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	int err = pub_db_load(n, path, f, "test.jsonl", flags);
	fclose(f);
	return err;
}

static long count_rows(pub_db *db, const char *table)
{
	char sql[128];
	sqlite3_stmt *st = NULL;
	long n = -1;
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM \"%s\"", table);
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Files in fixture_dir, for "nothing left behind". */
static int count_files(void)
{
	DIR *d = opendir(fixture_dir);
	struct dirent *e;
	int n = 0;
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.')
			n++;
	if (d)
		closedir(d);
	return n;
}

static void remove_db(const char *path)
{
	char p[256];
	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
}

static void test_round_trip_every_table(void)
{
	pub_db *db = filled(), *back = NULL;
	sqlite3_stmt *st = NULL;
	char *one = dump_text(db), *two;
	char path[160];
	size_t n = 0, i;
	int err;
	snprintf(path, sizeof(path), "%s/back.sqlite3", fixture_dir);
	STR_EQ(strstr(one, "{\"pubdb_dump\": 1, \"schema\": 6}\n") == one ? "header" : one,
		"header", "first line");
	OK(!strstr(one, "ghp_secret") && !strstr(one, "hunter2"), "no secrets: %s", one);
	OK(!strstr(one, "arxiv_last_request"), "no pacing state");
	OK(strstr(one, "{\"t\":\"settings\",\"key\":\"owner\",\"value\":\"Jane Doe\"}\n") != NULL,
		"settings kept: %s", one);
	/* JSON columns go in as JSON; text that is no JSON stays a string */
	OK(strstr(one, "\"fields\":{\"title\":\"Hello\\nWorld\"}") != NULL, "fields embedded");
	OK(strstr(one, "\"fields\":\"not json\"") != NULL, "bad JSON text kept as a string");
	OK(strstr(one, "\"candidates\":[{\"venue\":\"ICLR 2025\"") != NULL, "candidates embedded");
	/* references by name, ids nowhere */
	OK(strstr(one, "{\"t\":\"links\",\"paper\":\"doe2020\",\"kind\":\"code\","
		"\"url\":\"https://github.com/Org/Tool\",\"repo\":\"Org/Tool\"}") != NULL,
		"link names its paper and repository");
	/* no ids but the news items' (`news edit ID`), which a load keeps */
	{
		const char *line;
		int ids = 0, others = 0;
		for (line = one; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
			const char *end = strchr(line, '\n'), *id = strstr(line, "\"id\":");
			if (id && (!end || id < end)) {
				if (strncmp(line, "{\"t\":\"events\",", 14) == 0)
					ids++;
				else
					others++;
			}
		}
		OK(ids == 3 && others == 0, "ids: %d of the events', %d others", ids, others);
	}
	OK(strstr(one, "\"value\":\"1000\",\"source\":\"refresh\",\"id\":2}\n") != NULL,
		"an event's id: %s", one);
	/* a column's default is not written */
	OK(strstr(one, "{\"t\":\"paper_authors\",\"paper\":\"doe2020\",\"position\":1,"
		"\"author\":\"jane doe\"}\n") != NULL, "defaults left out: %s", one);
	OK(strstr(one, "\"role\":\"editor\"") != NULL, "an editor is one");
	/* events by day */
	OK(strstr(one, "\"day\":\"2024-05-01\"") < strstr(one, "\"day\":\"2025-01-22\""),
		"events by day");

	err = load_text(path, one, 0, &n);
	OK(err == 0, "load: %s", pub_error_last());
	OK(n > 30, "records: %zu", n);
	OK(pub_db_open(&back, path, 0) == 0, "open loaded: %s", pub_error_last());
	two = dump_text(back);
	STR_EQ(two, one, "dump, load, dump: the same bytes");
	{
		/* the news items keep their ids, though the dump is by day */
		char ids[64] = "";
		size_t k = 0;
		OK(sqlite3_prepare_v2(back->sql, "SELECT id, kind FROM events ORDER BY id", -1, &st,
			NULL) == SQLITE_OK, "events");
		while (sqlite3_step(st) == SQLITE_ROW && k < sizeof(ids) - 16)
			k += (size_t)snprintf(ids + k, sizeof(ids) - k, "%d %s;", sqlite3_column_int(st, 0),
				(const char *)sqlite3_column_text(st, 1));
		sqlite3_finalize(st);
		STR_EQ(ids, "1 venue;2 stars;3 note;", "event ids kept");
	}

	/* every table of the schema is dumped, and has its rows back */
	OK(sqlite3_prepare_v2(db->sql, "SELECT name FROM sqlite_master WHERE type = 'table' "
		"AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'papers_fts%' ORDER BY name",
		-1, &st, NULL) == SQLITE_OK, "tables");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(st, 0);
		long want = count_rows(db, table);
		for (i = 0; i < pub__dump_ntables && strcmp(pub__dump_tables[i].name, table); i++)
			;
		OK(i < pub__dump_ntables, "table %s is a record type of the dump", table);
		OK(want > 0, "table %s is filled by the test", table);
		if (strcmp(table, "settings") == 0)
			want -= 3; /* two secrets and arxiv_last_request */
		OK(count_rows(back, table) == want, "table %s: %ld rows back, want %ld", table,
			count_rows(back, table), want);
	}
	sqlite3_finalize(st);
	OK(count_rows(back, "papers_fts") == 2, "search index rebuilt");
	{
		int hits = 0;
		OK(sqlite3_prepare_v2(back->sql, "SELECT count(*) FROM papers_fts WHERE "
			"papers_fts MATCH 'berg'", -1, &st, NULL) == SQLITE_OK &&
			sqlite3_step(st) == SQLITE_ROW && (hits = sqlite3_column_int(st, 0)) == 1,
			"search finds an author: %d", hits);
		sqlite3_finalize(st);
	}
	pub_db_free(back);
	free(two);
	free(one);
	remove_db(path);
	fixture_close(db);
}

static void test_bad_line_leaves_nothing(void)
{
	pub_db *db = filled();
	char *one = dump_text(db), *bad, *nl;
	char path[160];
	int before, err;
	size_t i, n = 7;
	snprintf(path, sizeof(path), "%s/new/back.sqlite3", fixture_dir);
	before = count_files();
	/* line 5 cut in half */
	bad = strdup(one);
	for (nl = bad, i = 1; i < 5; i++)
		nl = strchr(nl, '\n') + 1;
	memmove(nl + 10, strchr(nl, '\n'), strlen(strchr(nl, '\n')) + 1);
	err = load_text(path, bad, 0, &n);
	OK(err == PUB_EPARSE, "bad line: %d", err);
	OK(strncmp(pub_error_last(), "test.jsonl:5:", 13) == 0, "names line 5: %s",
		pub_error_last());
	OK(!strchr(pub_error_last(), '\n'), "one line: %s", pub_error_last());
	OK(n == 0, "no records: %zu", n);
	OK(access(path, F_OK) != 0, "no database");
	{
		char dir[160];
		DIR *d;
		struct dirent *e;
		int files = 0;
		snprintf(dir, sizeof(dir), "%s/new", fixture_dir);
		d = opendir(dir);
		while (d && (e = readdir(d)))
			if (e->d_name[0] != '.')
				files++;
		if (d)
			closedir(d);
		OK(files == 0, "no temporary file left: %d", files);
		rmdir(dir);
	}
	OK(count_files() == before, "nothing beside the source database");
	free(bad);
	free(one);
	fixture_close(db);
}

static void expect_error(const char *text, const char *want, const char *what)
{
	char path[160];
	int err;
	snprintf(path, sizeof(path), "%s/err.sqlite3", fixture_dir);
	err = load_text(path, text, 0, NULL);
	OK(err < 0, "%s: loads", what);
	OK(strstr(pub_error_last(), want) != NULL, "%s: message '%s', want '%s'", what,
		pub_error_last(), want);
	OK(access(path, F_OK) != 0, "%s: no database", what);
}

static void test_errors(void)
{
	pub_db *db = fixture_open(); /* for fixture_dir */
	expect_error("", "test.jsonl: empty", "empty");
	expect_error("{\"t\":\"papers\"}\n", "test.jsonl:1: not a pubdb dump", "no header");
	expect_error("[1]\n", "test.jsonl:1: not a JSON object", "array");
	expect_error("{\"pubdb_dump\":2,\"schema\":5}\n", "dump format 2", "format");
	expect_error("{\"pubdb_dump\":1,\"schema\":7}\n", "newer than this pubdb", "newer");
	expect_error("{\"pubdb_dump\":1,\"schema\":3}\n", "loads versions 4 to 6", "older");
	expect_error("{\"pubdb_dump\":1,\"schema\":5}\n\n{\"t\":\"nope\"}\n",
		"test.jsonl:3: unknown record type 'nope'", "type");
	expect_error("{\"pubdb_dump\":1,\"schema\":5}\n{\"name\":\"x\"}\n",
		"test.jsonl:2: the record has no \"t\"", "no type");
	expect_error("{\"pubdb_dump\":1,\"schema\":5}\n{\"t\":\"tags\",\"nmae\":\"x\"}\n",
		"test.jsonl:2: tags record: unknown member 'nmae'", "member");
	expect_error("{\"pubdb_dump\":1,\"schema\":5}\n{\"t\":\"tags\",\"name\":[1]}\n",
		"'name' must be a number or a string", "value type");
	expect_error("{\"pubdb_dump\":1,\"schema\":5}\n{\"t\":\"paper_tags\",\"paper\":\"x\","
		"\"tag\":\"y\"}\n", "test.jsonl:2: paper_tags record names paper 'x'", "reference");
	expect_error("{\"pubdb_dump\":1,\"schema\":5}\n{\"t\":\"tags\",\"name\":\"x\"}\n"
		"{\"t\":\"tags\",\"name\":\"x\"}\n", "test.jsonl:3: tags record: UNIQUE", "constraint");
	expect_error("{\"pubdb_dump\":1,\"schema\":5}\n{\"t\":\"tags\"}\n",
		"test.jsonl:2: tags record: NOT NULL", "missing");
	expect_error("{\"pubdb_dump\":1,\"schema\":5}\n{\"t\":\"links\",\"paper\":1}\n",
		"'paper' must be a string", "reference type");
	fixture_close(db);
}

static void test_refuses_without_force(void)
{
	pub_db *db = filled(), *back = NULL;
	char *one = dump_text(db);
	char path[160];
	int err;
	snprintf(path, sizeof(path), "%s/pub.sqlite3", fixture_dir);
	/* the fixture's own database: refused, untouched */
	err = load_text(path, "{\"pubdb_dump\":1,\"schema\":5}\n", 0, NULL);
	OK(err == PUB_EEXISTS, "refused: %d %s", err, pub_error_last());
	OK(count_papers(db) == 2, "untouched");
	pub_db_free(db);
	/* --force replaces it (and its log) with the dump's empty database */
	err = load_text(path, "{\"pubdb_dump\":1,\"schema\":5}\n", PUB_LOAD_FORCE, NULL);
	OK(err == 0, "forced: %s", pub_error_last());
	OK(pub_db_open(&back, path, 0) == 0, "open");
	OK(count_papers(back) == 0, "replaced");
	pub_db_free(back);
	err = load_text(path, one, PUB_LOAD_FORCE, NULL);
	OK(err == 0, "forced again: %s", pub_error_last());
	OK(pub_db_open(&back, path, 0) == 0, "open");
	OK(count_papers(back) == 2, "loaded");
	free(one);
	fixture_close(back);
}

/* What a schema-4 database's dump holds: version 5's records without the
 * members and record types version 5 added. */
static const char schema4[] =
	"{\"pubdb_dump\":1,\"schema\":4}\n"
	"{\"t\":\"settings\",\"key\":\"owner\",\"value\":\"Jane Doe\"}\n"
	"{\"t\":\"papers\",\"key\":\"doe2020\",\"type\":\"article\",\"title\":\"Hello\","
	"\"year\":2020,\"selected\":1,\"rank\":0,\"title_key\":\"hello\",\"author_key\":\"doe\","
	"\"source\":\"a.bib:1\",\"added\":\"2026-01-01T00:00:00Z\",\"modified\":"
	"\"2026-01-01T00:00:00Z\",\"fields\":{\"title\":\"Hello\",\"author\":\"Doe, Jane\","
	"\"year\":\"2020\"}}\n"
	"{\"t\":\"authors\",\"name\":\"Jane Doe\",\"given\":\"Jane\",\"family\":\"Doe\","
	"\"norm\":\"jane doe\"}\n"
	"{\"t\":\"paper_authors\",\"paper\":\"doe2020\",\"role\":\"author\",\"position\":1,"
	"\"author\":\"jane doe\",\"equal\":0,\"corresponding\":0}\n"
	"{\"t\":\"repos\",\"owner\":\"org\",\"name\":\"tool\",\"status\":\"ok\",\"stars\":5,"
	"\"archived\":0,\"standalone\":1}\n"
	"{\"t\":\"star_history\",\"repo\":\"org/tool\",\"day\":\"2026-01-01\",\"stars\":5}\n"
	/* events without ids, as dumps before the ids were kept wrote them */
	"{\"t\":\"events\",\"day\":\"2024-01\",\"recorded\":\"2026-01-01T00:00:00Z\","
	"\"kind\":\"note\",\"value\":\"Start\",\"source\":\"user\"}\n"
	"{\"t\":\"events\",\"day\":\"2025-01\",\"recorded\":\"2026-01-01T00:00:00Z\","
	"\"kind\":\"repo\",\"repo\":\"org/tool\",\"source\":\"add\"}\n";

static void test_previous_schema(void)
{
	pub_db *db = fixture_open(), *back = NULL;
	char path[160];
	char *text;
	pub_paper *p = NULL;
	int err;
	snprintf(path, sizeof(path), "%s/v4.sqlite3", fixture_dir);
	err = load_text(path, schema4, 0, NULL);
	OK(err == 0, "schema 4 loads: %s", pub_error_last());
	OK(pub_db_open(&back, path, 0) == 0, "open");
	OK(pub_paper_get(&p, back, "doe2020") == 0 && p && p->selected, "the paper");
	pub_paper_free(p);
	text = dump_text(back);
	OK(strncmp(text, "{\"pubdb_dump\": 1, \"schema\": 6}\n", 31) == 0, "dumped as 6: %s", text);
	OK(strstr(text, "{\"t\":\"star_history\",\"repo\":\"org/tool\",\"day\":\"2026-01-01\","
		"\"stars\":5}") != NULL, "history");
	OK(strstr(text, "\"value\":\"Start\",\"source\":\"user\",\"id\":1}\n") != NULL &&
		strstr(text, "\"repo\":\"org/tool\",\"source\":\"add\",\"id\":2}\n") != NULL,
		"events without ids numbered in file order: %s", text);
	free(text);
	pub_db_free(back);
	remove_db(path);
	fixture_close(db);
}

int main(void)
{
	test_round_trip_every_table();
	test_bad_line_leaves_nothing();
	test_errors();
	test_refuses_without_force();
	test_previous_schema();
	return test_summary();
}
