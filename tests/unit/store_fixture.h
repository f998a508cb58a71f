/*
 * store_fixture.h: what the storage unit tests (test_merge.c,
 * test_citekey.c) share: a fresh database in a temp dir, entries built by
 * hand, and storing one the way an import does (pub__store_entry() inside
 * a transaction).  Expectations stay in the tests.
 */
#ifndef PUB_TEST_STORE_FIXTURE_H
#define PUB_TEST_STORE_FIXTURE_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pub.h"
#include "bibtex/entry.h"
#include "store/db.h"
#include "store/store.h"

static char fixture_dir[64];
static char fixture_path[128];

/* A new empty database in a new temp dir; aborts the test when it fails. */
static inline pub_db *fixture_open(void)
{
	pub_db *db = NULL;
	snprintf(fixture_dir, sizeof(fixture_dir), "/tmp/pubtest-XXXXXX");
	if (!mkdtemp(fixture_dir)) {
		perror("mkdtemp");
		exit(2);
	}
	snprintf(fixture_path, sizeof(fixture_path), "%s/pub.sqlite3", fixture_dir);
	if (pub_db_open(&db, fixture_path, PUB_OPEN_CREATE) < 0) {
		fprintf(stderr, "pub_db_open: %s\n", pub_error_last());
		exit(2);
	}
	return db;
}

/* Closes the database and removes its files and dir. */
static inline void fixture_close(pub_db *db)
{
	static const char *suffix[] = {"", "-wal", "-shm", "-journal", ".lock"};
	char p[160];
	size_t i;
	pub_db_free(db);
	for (i = 0; i < sizeof(suffix) / sizeof(*suffix); i++) {
		snprintf(p, sizeof(p), "%s%s", fixture_path, suffix[i]);
		unlink(p);
	}
	rmdir(fixture_dir);
}

/* An entry of `type` and `key` ("" for none) with NAME, VALUE pairs up to
 * a NULL name.  Freed with pub__bib_entry_free(). */
static inline pub__bib_entry *entry_new(const char *type, const char *key, ...)
{
	pub__bib_entry *e = calloc(1, sizeof(*e));
	const char *name;
	va_list ap;
	if (!e)
		abort();
	e->type = strdup(type);
	e->key = strdup(key);
	va_start(ap, key);
	while ((name = va_arg(ap, const char *))) {
		const char *value = va_arg(ap, const char *);
		pub_field *f = realloc(e->fields, (e->nfields + 1) * sizeof(*f));
		if (!f)
			abort();
		e->fields = f;
		f[e->nfields].name = strdup(name);
		f[e->nfields].value = strdup(value);
		e->nfields++;
	}
	va_end(ap);
	e->line = 1;
	return e;
}

/* Stores `e` (and frees it) in its own transaction, as an import with
 * merging on; res gets the key and whether it merged.  Returns the code. */
static inline int store(pub_db *db, pub__bib_entry *e, pub__store_result *res)
{
	pub__store_opts o;
	int err;
	memset(&o, 0, sizeof(o));
	o.source = "test";
	if ((err = pub__db_begin(db)) < 0)
		goto done;
	if ((err = pub__store_entry(res, db, e, &o)) < 0) {
		pub__db_rollback(db);
		goto done;
	}
	err = pub__db_commit(db);
done:
	if (err < 0)
		fprintf(stderr, "store: %s\n", pub_error_last());
	pub__bib_entry_free(e);
	return err;
}

/* Number of rows in papers. */
static inline int count_papers(pub_db *db)
{
	sqlite3_stmt *st = NULL;
	int n = -1;
	if (sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM papers", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The value of BibTeX field `name` of a loaded paper, or NULL. */
static inline const char *paper_field(const pub_paper *p, const char *name)
{
	size_t i;
	for (i = 0; p && i < p->nfields; i++)
		if (strcmp(p->fields[i].name, name) == 0)
			return p->fields[i].value;
	return NULL;
}

#endif
