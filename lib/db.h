/*
 * db.h: the database handle shared by libpub's files: opening, migrations,
 * transactions and a cache of prepared statements.  Private to libpub.
 */
#ifndef PUB_DB_H
#define PUB_DB_H

#include <sqlite3.h>

#include "common.h"

#define PUB__STMT_CACHE 64

struct pub_db {
	sqlite3 *sql;
	char *path;
	int in_tx;
	int refresh_fd;  /* the refresh lock file, -1 when not held */
	struct {
		const char *text; /* the SQL string's address is the cache key */
		sqlite3_stmt *stmt;
	} cache[PUB__STMT_CACHE];
	size_t ncache;
};

/* A prepared statement for `sql` (a string literal: its address is the
 * key), reset and with bindings cleared.  Owned by the handle. */
int pub__db_stmt(sqlite3_stmt **out, pub_db *db, const char *sql);

/* Turns the last SQLite error into a pub error (PUB_EBUSY when locked). */
int pub__db_error(pub_db *db, const char *what);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
int pub__db_begin(pub_db *db);
int pub__db_commit(pub_db *db);
void pub__db_rollback(pub_db *db);

/* Runs SQL without results (no user data in it). */
int pub__db_exec(pub_db *db, const char *sql);

/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" in buf (21 bytes). */
void pub__now_iso(char buf[21]);

/* Steps a statement that returns no row; maps errors. */
int pub__db_step_done(pub_db *db, sqlite3_stmt *st, const char *what);

/* Binds a text or NULL. */
int pub__bind_text(sqlite3_stmt *st, int i, const char *s);

/* Copies column i as a malloc'd string or NULL. */
char *pub__col_strdup(sqlite3_stmt *st, int i);

#endif
