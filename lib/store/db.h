/*
 * db.h: the database handle shared by libpub's files: opening, migrations,
 * transactions and a cache of prepared statements.  Private to libpub.
 */
#ifndef PUB_DB_H
#define PUB_DB_H

#include <sqlite3.h>

#include "pub.h"

struct pub_db {
	sqlite3 *sql;
	char *path;
	int in_tx;
	int bulk;        /* in a pub__db_begin_bulk() transaction */
	int refresh_fd;  /* the refresh lock file, -1 when not held */
	int fresh;       /* created by this open: rollback journal until closed */
	/* Prepared statements, an open-addressing hash table keyed by the
	 * SQL string's address; it only grows (the SQL is all literals). */
	struct pub__stmt_slot {
		const char *text;
		sqlite3_stmt *stmt;
	} *cache;
	size_t ncache, cache_cap; /* cache_cap: 0 or a power of two */
	/* authors.norm -> authors.id, filled during a bulk transaction only
	 * (nothing deletes authors then) and emptied at its end. */
	struct pub__author_slot {
		char *norm;
		int64_t id;
	} *authors;
	size_t nauthors, authors_cap;
	int authors_complete; /* the table was empty at the start: the cache is all */
	int index_deferred;   /* paper_authors_author is rebuilt at the commit */
	/* In a bulk transaction: the aliases table was empty at its start and
	 * pub__alias_put() has stored none since, so a key names no alias. */
	int aliases_empty;
	/* The papers the current source (one file, one stdin stream, one
	 * `add`'s identifiers) has stored or merged into: an open-addressing
	 * set of ids, 0 marking a free slot.  in_source is 0 outside one. */
	int64_t *source_ids;
	size_t nsource, source_cap;
	int in_source;
	/* In a bulk transaction: the owner's spellings (store/owner.h) and
	 * their folded words, read at its first new paper (bulk_owner_read);
	 * NULL when no owner is set. */
	char *bulk_owner, *bulk_owner_words;
	int bulk_owner_read;
};

/* A prepared statement for `sql` (a string literal: its address is the
 * key), reset and with bindings cleared.  Owned by the handle and valid
 * until pub_db_free(): statements are never evicted. */
/* SQLite's process-wide set-up for pub_init(): memory statistics off. */
void pub__store_init(void);

int pub__db_stmt(sqlite3_stmt **out, pub_db *db, const char *sql);
/* The same with the last bindings left in place, for a hot statement whose
 * caller binds every parameter each time (NULL through pub__bind_static). */
int pub__db_stmt_rebind(sqlite3_stmt **out, pub_db *db, const char *sql);

/* Turns the last SQLite error into a pub error (PUB_EBUSY when locked). */
int pub__db_error(pub_db *db, const char *what);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
int pub__db_begin(pub_db *db);
int pub__db_commit(pub_db *db);
void pub__db_rollback(pub_db *db);
/* BEGIN IMMEDIATE without foreign-key checks until COMMIT or ROLLBACK:
 * for inserts whose parent rows the caller guarantees (see db.c). */
int pub__db_begin_bulk(pub_db *db);

/* The cached id of the author with folded name `norm`, 0 when not cached
 * or outside a bulk transaction (*absent then tells that no such author is
 * stored at all); and recording one. */
int64_t pub__db_author_get(pub_db *db, const char *norm, int *absent);
void pub__db_author_put(pub_db *db, const char *norm, int64_t id);

/* A source begins and ends (see struct pub_db); in between, papers are
 * added to it and asked about.  Outside a source nothing is in it. */
void pub__db_source_begin(pub_db *db);
void pub__db_source_end(pub_db *db);
void pub__db_source_add(pub_db *db, int64_t id);
int pub__db_source_has(const pub_db *db, int64_t id);

/* The schema version schema.sql describes; bump it with each migration
 * (migrate.c). */
#define PUB__SCHEMA_VERSION 6

/* Upgrades the database to PUB__SCHEMA_VERSION (a new one gets schema.sql)
 * in one transaction; PUB_EVERSION when it is newer than this library. */
int pub__db_migrate(pub_db *db);

/* Runs SQL without results (no user data in it). */
int pub__db_exec(pub_db *db, const char *sql);

/* Writes (value NULL: removes) any setting, libpub's own too
 * (arxiv_last_request); pub_config_set() takes only a user's settings. */
int pub__config_write(pub_db *db, const char *key, const char *value);

/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" in buf (21 bytes). */
void pub__now_iso(char buf[21]);

/* Steps a statement that returns no row; maps errors. */
int pub__db_step_done(pub_db *db, sqlite3_stmt *st, const char *what);

/* Binds a text or NULL. */
int pub__bind_text(sqlite3_stmt *st, int i, const char *s);

/* Copies column i as a malloc'd string or NULL. */
char *pub__col_strdup(sqlite3_stmt *st, int i);

/* Binds text that outlives the statement's next step, or NULL. */
void pub__bind_static(sqlite3_stmt *st, int i, const char *s);

#endif
