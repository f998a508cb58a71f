/*
 * dump.h: the database as JSON Lines (docs/dump.md): the table of record
 * types that pub_db_dump() writes (dump.c) and pub_db_load() reads
 * (load.c).  Private to libpub.
 */
#ifndef PUB_STORE_DUMP_H
#define PUB_STORE_DUMP_H

#include <stddef.h>

#include "pub.h"

/* The format of the dump itself (the header's "pubdb_dump"); the schema
 * version is the database's (PUB__SCHEMA_VERSION). */
#define PUB__DUMP_FORMAT 1
/* The oldest schema version whose dump load still reads: the one before
 * the current (docs/dump.md, "Older dumps"). */
#define PUB__DUMP_MIN_SCHEMA 4

/* What a record's member holds. */
typedef enum pub__dump_kind {
	PUB__DUMP_VALUE,  /* the column as it is: integer, text (NULL: absent) */
	PUB__DUMP_JSON,   /* a column of JSON text, embedded as JSON */
	PUB__DUMP_PAPER,  /* papers.id, written as the citation key */
	PUB__DUMP_AUTHOR, /* authors.id, written as its folded name (norm) */
	PUB__DUMP_TAG,    /* tags.id, written as the tag's name */
	PUB__DUMP_REPO,   /* repos.id, written as "owner/name" */
	PUB__DUMP_VENUE,  /* venues.id, written as the venue's tag */
} pub__dump_kind;

typedef struct pub__dump_col {
	const char *key; /* the member's name */
	pub__dump_kind kind;
	/* The column's default as text, or NULL: a value equal to it is not
	 * written, and the INSERT puts it back (COALESCE) when absent. */
	const char *dflt;
} pub__dump_col;

/* One table: its record type (the table's name, member "t"), its
 * columns in member order, the SELECT that dump runs (one result column
 * per member, references already turned into their names, rows in the
 * dump's order) and the INSERT that load runs (?1.. in member order,
 * references as ids). */
typedef struct pub__dump_table {
	const char *name;
	const pub__dump_col *cols;
	size_t ncols;
	const char *select;
	const char *insert;
} pub__dump_table;

/* The tables in the dump's order: a table comes after those it refers
 * to.  papers_fts is not dumped; load rebuilds it. */
extern const pub__dump_table pub__dump_tables[];
extern const size_t pub__dump_ntables;

/* Whether setting `key` is dumped: not a secret (*token*, *password*,
 * *secret*, *api_key*) and not the request pacing of this machine
 * (arxiv_last_request). */
int pub__dump_setting_kept(const char *key);

/* Loads a dump from `in` (`name` in messages) into the open, empty
 * database `db`, in one transaction; *nrecords (may be NULL) gets the
 * number of records.  The fuzz target calls it on an in-memory
 * database. */
int pub__load_stream(size_t *nrecords, pub_db *db, FILE *in, const char *name);

#endif
