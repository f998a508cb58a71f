/*
 * fuzz_query.c: libFuzzer target for the `search` query compiler
 * (lib/store/query.c).  The input is split at the first NUL into a search query
 * and an author filter; the first byte's low bits pick --selected and the
 * BibTeX order.  The built SQL is prepared and stepped against a small real
 * database, so a query that compiles into malformed SQL or an FTS5 syntax
 * error (user text must only ever reach FTS5 as quoted strings) aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/query.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char seed_bib[] =
	"@article{knuth84, author = {Donald E. Knuth and Leslie Lamport},\n"
	"  title = {Literate {Programming}}, journal = {Comput. J.}, year = 1984,\n"
	"  abstract = {Programs are works of literature.}}\n"
	"@inproceedings{doe20, author = {Doe, Jane}, title = {Fuzzing \\\"Uber alles},\n"
	"  booktitle = {Proc. Fuzz}, year = {2020}}\n"
	"@misc{nokey99, title = {No year here}}\n";

static pub_db *the_db;

/* One database for the whole run, in a private temporary directory that is
 * removed at exit (the WAL files included). */
static char tmpdir[64];
static char dbpath[96];

static void cleanup(void)
{
	char p[128];
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	size_t i;
	pub_db_free(the_db);
	the_db = NULL;
	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		snprintf(p, sizeof(p), "%s%s", dbpath, suffix[i]);
		unlink(p);
	}
	snprintf(p, sizeof(p), "%s/seed.bib", tmpdir);
	unlink(p);
	rmdir(tmpdir);
}

static pub_db *open_db(void)
{
	char bib[128];
	FILE *fp;
	pub_import_opts opts;
	pub_import_stats stats = PUB_IMPORT_STATS_INIT;
	if (the_db)
		return the_db;
	strcpy(tmpdir, "/tmp/pub-fuzz-query-XXXXXX");
	if (!mkdtemp(tmpdir))
		abort();
	snprintf(dbpath, sizeof(dbpath), "%s/pub.db", tmpdir);
	snprintf(bib, sizeof(bib), "%s/seed.bib", tmpdir);
	if (!(fp = fopen(bib, "w")))
		abort();
	fputs(seed_bib, fp);
	fclose(fp);
	if (pub_db_open(&the_db, dbpath, PUB_OPEN_CREATE) < 0)
		abort();
	pub_import_options_init(&opts, PUB_IMPORT_OPTIONS_VERSION);
	if (pub_import_bibtex(the_db, bib, &opts, &stats) < 0 || stats.added != 3)
		abort();
	atexit(cleanup);
	return the_db;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pub__query q;
	pub_filter f;
	sqlite3_stmt *st = NULL;
	char *text, *nul;
	int rc, rows = 0;
	pub_db *db = open_db();
	if (size < 1)
		return 0;
	text = malloc(size);
	if (!text)
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	pub_filter_init(&f, PUB_FILTER_VERSION);
	f.query = text;
	nul = memchr(text, '\0', size - 1);
	if (nul && nul < text + size - 1)
		f.author = nul + 1; /* the text after the first NUL, if any */
	f.selected_only = data[0] & 1;
	if (pub__query_build(&q, &f, (data[0] >> 1) & 1) < 0) {
		/* a rejected query must say why */
		const char *msg = pub_error_last();
		if (!msg || !*msg)
			abort();
		free(text);
		return 0;
	}
	if (pub__query_prepare(&st, db, &q) < 0) {
		fprintf(stderr, "query compiled to bad SQL: %s\n%s\n", q.sql.ptr,
			pub_error_last());
		abort();
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		rows++;
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "query failed at run time: %s\nSQL: %s\n",
			sqlite3_errmsg(sqlite3_db_handle(st)), q.sql.ptr);
		abort();
	}
	sqlite3_finalize(st);
	pub__query_free(&q);
	free(text);
	return rows < 0;
}
