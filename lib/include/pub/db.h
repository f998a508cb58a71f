/*
 * pub/db.h: opening and closing a database, settings, transactions.  Part
 * of pub.h, the one public header: include <pub.h>, not this file.
 */
#ifndef PUB_PUBLIC_DB_H
#define PUB_PUBLIC_DB_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- database ---------------------------------------------------------- */

typedef struct pub_db pub_db;

#define PUB_OPEN_CREATE 0x1   /* create the file (and its directory) if missing */
#define PUB_OPEN_READONLY 0x2 /* never write */

/* Opens (and migrates) the database at `path`.  `*out` is owned by the
 * caller and released with pub_db_free(). */
PUB_EXTERN int pub_db_open(pub_db **out, const char *path, unsigned flags);
PUB_EXTERN void pub_db_free(pub_db *db);

/* The default database path: $PUBDB_DB, $XDG_DATA_HOME/pubdb/,
 * ~/.local/share/pubdb/.  Returns a malloc'd string the caller frees. */
PUB_EXTERN char *pub_db_default_path(void);

/* Schema version the library writes (PRAGMA user_version). */
PUB_EXTERN int pub_db_schema_version(void);

/* Settings: `*out` is malloc'd (caller frees), NULL when unset. */
PUB_EXTERN int pub_config_get(char **out, pub_db *db, const char *key);
/* Sets (value NULL: unsets) one of a user's settings: owner,
 * owner.aliases, owner.dblp, owner.orcid, owner.s2, email, citekey_format,
 * refresh.unknown_days.
 * Any other key is PUB_EINVAL ("did you mean" in the message), so a typo
 * never becomes a setting; unsetting a stored key of another name is
 * fine. */
PUB_EXTERN int pub_config_set(pub_db *db, const char *key, const char *value);
/* Calls cb for each setting in key order. */
PUB_EXTERN int pub_config_foreach(pub_db *db,
	int (*cb)(const char *key, const char *value, void *ctx), void *ctx);

/* ---- the database as text (dump and load, docs/dump.md) -------------- */

/* Writes the whole database to `out` as deterministic JSON Lines: a
 * header {"pubdb_dump": 1, "schema": N}, then one record per row, tables in
 * a fixed order, rows in a stable order, members in a fixed order, no
 * ids and no secrets.  One read transaction; write errors of `out` are
 * PUB_ERROR. */
PUB_EXTERN int pub_db_dump(pub_db *db, FILE *out);

#define PUB_LOAD_FORCE 0x1 /* replace a database that exists */

/* Builds a new database at `path` from the dump read from `in` (`name`
 * names it in messages: "dump.jsonl:12: ..."): into a temporary file
 * beside `path`, in one transaction, renamed over `path` only when every
 * line went in, so a bad line leaves nothing behind (PUB_EPARSE, the
 * message names the line).  An existing database is PUB_EEXISTS unless
 * flags has PUB_LOAD_FORCE.  A dump of the schema version before this
 * library's loads too.  *nrecords (may be NULL) gets the number of
 * records loaded.  No other process may use `path` meanwhile. */
PUB_EXTERN int pub_db_load(size_t *nrecords, const char *path, FILE *in,
	const char *name, unsigned flags);

#ifdef __cplusplus
}
#endif
#endif
