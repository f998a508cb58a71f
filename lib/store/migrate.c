/*
 * migrate.c: bringing a database of an older schema version up to
 * schema.sql's, in one transaction (pub__db_migrate, called by
 * pub_db_open).  Each step N -> N+1 is guarded by the version it starts
 * from; a new database gets schema.sql whole.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bibtex/entry.h"
#include "store/db.h"
#include "store/fields.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

extern const char pub__schema_sql[];

/* 1 -> 2: the fields table becomes papers.fields_json (and a view). */
static int migrate_1_2(pub_db *db)
{
	sqlite3_stmt *st = NULL, *up = NULL;
	pub_field *f = NULL;
	size_t n = 0, cap = 0, i;
	int64_t cur = 0;
	int err, rc;
	if ((err = pub__db_exec(db,
		     "ALTER TABLE papers ADD COLUMN fields_json TEXT NOT NULL DEFAULT '{}'")) < 0)
		return err;
	if (sqlite3_prepare_v2(db->sql, "SELECT paper_id, name, value FROM fields "
			"ORDER BY paper_id, position", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db->sql, "UPDATE papers SET fields_json = ?2 WHERE id = ?1",
			-1, &up, NULL) != SQLITE_OK) {
		err = pub__db_error(db, "upgrading the schema");
		goto done;
	}
	do {
		int64_t id = 0;
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		else if (rc != SQLITE_DONE)
			break;
		if (n && id != cur) {
			char *json = pub__fields_encode(f, n);
			sqlite3_bind_int64(up, 1, cur);
			sqlite3_bind_text(up, 2, json, -1, SQLITE_STATIC);
			err = pub__db_step_done(db, up, "upgrading the schema");
			sqlite3_reset(up);
			free(json);
			for (i = 0; i < n; i++) {
				free(f[i].name);
				free(f[i].value);
			}
			n = 0;
			if (err < 0)
				goto done;
		}
		if (rc == SQLITE_ROW) {
			if (n == cap) {
				cap = cap ? 2 * cap : 32;
				f = pub__realloc(f, cap * sizeof(*f));
			}
			f[n].name = pub__col_strdup(st, 1);
			f[n].value = pub__col_strdup(st, 2);
			n++;
			cur = id;
		}
	} while (rc == SQLITE_ROW);
	if (rc != SQLITE_DONE) {
		err = pub__db_error(db, "upgrading the schema");
		goto done;
	}
	sqlite3_finalize(st); /* DROP TABLE needs no statement on it */
	st = NULL;
	err = pub__db_exec(db, "DROP TABLE fields; "
		"CREATE VIEW fields(paper_id, name, position, value) AS "
		"SELECT p.id, j.key, row_number() OVER (PARTITION BY p.id ORDER BY j.id), j.value "
		"FROM papers p, json_each(p.fields_json) j");
done:
	pub__fields_free(f, n);
	sqlite3_finalize(st);
	sqlite3_finalize(up);
	return err;
}

/* The statement of schema.sql that starts with `head`, with its ';'. */
static char *schema_statement(const char *head)
{
	const char *p = strstr(pub__schema_sql, head), *end;
	if (!p || !(end = strstr(p, ";\n")))
		return NULL;
	return pub__strndup(p, (size_t)(end - p) + 1);
}

/* 2 -> 3: citekey's UNIQUE COLLATE NOCASE constraint becomes the index
 * papers_citekey on lower(citekey).  SQLite cannot drop a constraint, so
 * `papers` is rebuilt with schema.sql's own text: the old table is
 * renamed aside (legacy mode: the other tables' REFERENCES papers stay
 * as they are), copied, dropped.  migrate() has turned foreign keys off,
 * so the drop deletes no authors, links or tags. */
static int migrate_2_3(pub_db *db)
{
	static const char *const heads[] = {
		"CREATE TABLE papers (", "CREATE UNIQUE INDEX papers_citekey ",
		"CREATE INDEX papers_doi ", "CREATE INDEX papers_arxiv ",
		"CREATE INDEX papers_dup ", "CREATE VIEW fields(",
	};
	static const char *const columns =
		"id, citekey, type, title, year, month, venue, venue_id, arxiv, "
		"arxiv_version, arxiv_category, published, updated, doi, abstract, "
		"selected, rank, title_key, author_key, source, added, modified, "
		"checked, fields_json";
	pub__buf sql = PUB__BUF_INIT;
	size_t i;
	int err = 0;
	pub__buf_puts(&sql, "PRAGMA legacy_alter_table = ON; DROP VIEW fields; "
		"ALTER TABLE papers RENAME TO papers_v2; DROP INDEX papers_doi; "
		"DROP INDEX papers_arxiv; DROP INDEX papers_dup;\n");
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		char *stmt = schema_statement(heads[i]);
		if (!stmt) {
			err = pub__error(PUB_ERROR, "upgrading the schema: schema.sql has "
				"no '%s...'", heads[i]);
			goto done;
		}
		pub__buf_puts(&sql, stmt);
		pub__buf_putc(&sql, '\n');
		free(stmt);
		if (i == 0)
			pub__buf_printf(&sql, "INSERT INTO papers(%s) SELECT %s FROM papers_v2; "
				"DROP TABLE papers_v2;\n", columns, columns);
	}
	pub__buf_puts(&sql, "PRAGMA legacy_alter_table = OFF;");
	err = pub__db_exec(db, sql.ptr);
done:
	if (err < 0)
		sqlite3_exec(db->sql, "PRAGMA legacy_alter_table = OFF", NULL, NULL, NULL);
	pub__buf_free(&sql);
	return err;
}

/* 3 -> 4: the tables of merges, aliases and entry_sources, as schema.sql
 * has them; no existing row changes. */
static int migrate_3_4(pub_db *db)
{
	static const char *const heads[] = {
		"CREATE TABLE aliases (", "CREATE UNIQUE INDEX aliases_key ",
		"CREATE INDEX aliases_paper ", "CREATE TABLE entry_sources (",
		"CREATE INDEX entry_sources_paper ",
	};
	size_t i;
	int err = 0;
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]) && err == 0; i++) {
		char *stmt = schema_statement(heads[i]);
		if (!stmt)
			return pub__error(PUB_ERROR, "upgrading the schema: schema.sql has "
				"no '%s...'", heads[i]);
		err = pub__db_exec(db, stmt);
		free(stmt);
	}
	return err;
}

/* Whether `table` has `column` (a migration's own literals only). */
static int has_column(int *out, pub_db *db, const char *table,
	const char *column)
{
	sqlite3_stmt *st = NULL;
	char sql[128];
	int rc;
	*out = 0;
	snprintf(sql, sizeof(sql), "PRAGMA table_info(%s)", table);
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return pub__db_error(db, "upgrading the schema");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (strcmp((const char *)sqlite3_column_text(st, 1), column) == 0)
			*out = 1;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : pub__db_error(db, "upgrading the schema");
}

/* 4 -> 5: the columns and tables schema.sql gained in version 5 (venues
 * found, citations, events, inbox, repository overrides).  A database
 * coming from version 2 already has the new columns of `papers` (its
 * rebuild used schema.sql's text), hence the check of each column. */
static int migrate_4_5(pub_db *db)
{
	static const char *const columns[][3] = {
		{"papers", "venue_source", "TEXT"},
		{"papers", "dblp", "TEXT"},
		{"papers", "short", "TEXT"},
		{"repos", "display_name", "TEXT"},
		{"repos", "display_description", "TEXT"},
	};
	static const char *const heads[] = {
		"CREATE INDEX papers_dblp ",
		"CREATE TABLE events (", "CREATE INDEX events_day ",
		"CREATE INDEX events_paper ", "CREATE INDEX events_repo ",
		"CREATE TABLE citations (", "CREATE TABLE citation_history (",
		"CREATE TABLE inbox (", "CREATE TABLE inbox_rejected (",
		"CREATE TABLE venue_lookups (",
	};
	size_t i;
	int err = 0, has;
	for (i = 0; i < sizeof(columns) / sizeof(columns[0]) && err == 0; i++) {
		char sql[160];
		if ((err = has_column(&has, db, columns[i][0], columns[i][1])) < 0 || has)
			continue;
		snprintf(sql, sizeof(sql), "ALTER TABLE %s ADD COLUMN %s %s",
			columns[i][0], columns[i][1], columns[i][2]);
		err = pub__db_exec(db, sql);
	}
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]) && err == 0; i++) {
		char *stmt = schema_statement(heads[i]);
		if (!stmt)
			return pub__error(PUB_ERROR, "upgrading the schema: schema.sql has "
				"no '%s...'", heads[i]);
		err = pub__db_exec(db, stmt);
		free(stmt);
	}
	return err;
}

/* 5 -> 6: the negative answers of the venue lookups (issue 22); where each
 * link came from, the links the user removed, when each paper's links were
 * last looked for (the links step).  Existing links keep source NULL: the
 * user's. */
static int migrate_5_6(pub_db *db)
{
	static const char *const heads[] = {
		"CREATE TABLE links_removed (", "CREATE TABLE link_lookups (",
	};
	size_t i;
	int err = 0, has;
	if ((err = has_column(&has, db, "venue_lookups", "unknown")) < 0)
		return err;
	if (!has && (err = pub__db_exec(db, "ALTER TABLE venue_lookups ADD COLUMN unknown TEXT")) < 0)
		return err;
	if ((err = has_column(&has, db, "links", "source")) < 0)
		return err;
	if (!has && (err = pub__db_exec(db, "ALTER TABLE links ADD COLUMN source TEXT")) < 0)
		return err;
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]) && err == 0; i++) {
		char *stmt = schema_statement(heads[i]);
		if (!stmt)
			return pub__error(PUB_ERROR, "upgrading the schema: schema.sql has "
				"no '%s...'", heads[i]);
		err = pub__db_exec(db, stmt);
		free(stmt);
	}
	return err;
}

int pub__db_migrate(pub_db *db)
{
	sqlite3_stmt *st = NULL;
	int version, err = 0;
	if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		err = pub__db_error(db, "reading the schema version");
		sqlite3_finalize(st);
		return err;
	}
	version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (version == PUB__SCHEMA_VERSION)
		return 0;
	if (version > PUB__SCHEMA_VERSION)
		return pub__error(PUB_EVERSION,
			"database '%s' has schema version %d, newer than this pubdb "
			"understands (%d); upgrade pubdb", db->path, version,
			PUB__SCHEMA_VERSION);
	/* Off for the rebuild of a table others refer to (migrate_2_3); a
	 * no-op inside a transaction, hence before BEGIN. */
	if ((err = pub__db_exec(db, "PRAGMA foreign_keys = OFF")) < 0)
		return err;
	if ((err = pub__db_begin(db)) < 0)
		goto fk;
	/* Re-read inside the transaction: another process may have won. */
	if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		err = pub__db_error(db, "reading the schema version");
		goto done;
	}
	version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st); /* a pending statement would block DROP TABLE */
	st = NULL;
	if (version == 0) {
		if ((err = pub__db_exec(db, pub__schema_sql)) < 0)
			goto done;
	}
	/* Migrations from version N to N+1, each guarded by version. */
	if (version == 1 && (err = migrate_1_2(db)) < 0)
		goto done;
	if (version >= 1 && version <= 2 && (err = migrate_2_3(db)) < 0)
		goto done;
	if (version >= 1 && version <= 3 && (err = migrate_3_4(db)) < 0)
		goto done;
	if (version >= 1 && version <= 4 && (err = migrate_4_5(db)) < 0)
		goto done;
	if (version >= 1 && version <= 5 && (err = migrate_5_6(db)) < 0)
		goto done;
	{
		char sql[64];
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", PUB__SCHEMA_VERSION);
		if ((err = pub__db_exec(db, sql)) < 0)
			goto done;
	}
	err = pub__db_commit(db);
done:
	sqlite3_finalize(st);
	if (err < 0)
		pub__db_rollback(db);
fk:
	if (sqlite3_exec(db->sql, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK &&
	    err == 0)
		err = pub__db_error(db, "turning foreign keys on");
	return err;
}

