/*
 * inbox.h: the inbox of papers watched profiles list and the database
 * does not hold, and the identities of rejected ones (inbox.c; tables
 * inbox and inbox_rejected in schema.sql).  A paper is known by any of its
 * identities: DOI, arXiv id, DBLP keys, folded title with year.
 */
#ifndef PUB_STORE_INBOX_H
#define PUB_STORE_INBOX_H

#include <stdint.h>

#include "pub.h"

typedef struct pub__ident {
	const char *doi;       /* lower-case */
	const char *arxiv;     /* version-less */
	const char *dblp;
	const char *dblp_alt;
	const char *title_key; /* folded title */
	int year;
} pub__ident;

/* The stored paper whose papers.dblp is `dblp` or `alt` (0: none). */
int pub__inbox_stored_by_dblp(int64_t *id, pub_db *db, const char *dblp,
	const char *alt);
/* 1 in *yes when a stored paper has one of the identities (the title
 * with a year one apart at most: a preprint and its published version). */
int pub__inbox_is_stored(int *yes, pub_db *db, const pub__ident *id);
/* 1 in *yes when one of the identities was rejected. */
int pub__inbox_is_rejected(int *yes, pub_db *db, const pub__ident *id);
/* The inbox row sharing an identity (0: none). */
int pub__inbox_find(int64_t *row, pub_db *db, const pub__ident *id);
/* A new inbox row. */
int pub__inbox_add(int64_t *row, pub_db *db, const pub__ident *id,
	const char *source, const char *title, const char *venue,
	const char *work_json);
/* Fills identities the row lacks (another source listing it). */
int pub__inbox_fill(pub_db *db, int64_t row, const pub__ident *id);
/* Remembers every identity of the row as rejected and deletes it. */
int pub__inbox_reject_row(pub_db *db, int64_t row);
int pub__inbox_delete(pub_db *db, int64_t row);
/* The row's work_json (malloc'd) and source; PUB_ENOTFOUND when none. */
int pub__inbox_get(char **work_json, char **source, pub_db *db, int64_t row);
/* Every row id, oldest first (malloc'd). */
int pub__inbox_ids(int64_t **rows, size_t *n, pub_db *db);
/* Drops the rows a stored paper now has an identity of (added since by
 * hand, or accepted); *n gets how many. */
int pub__inbox_prune(size_t *n, pub_db *db);

/* One waiting paper as stored; strings valid during the callback. */
typedef struct pub__inbox_row {
	int64_t id;
	const char *title;
	int year;
	const char *venue, *source, *arxiv, *doi;
	const char *work_json; /* the work as the profile listed it */
} pub__inbox_row;

/* Each waiting paper in arrival order; a non-zero return of cb stops the
 * walk and is returned. */
int pub__inbox_rows_foreach(pub_db *db,
	int (*cb)(const pub__inbox_row *row, void *ctx), void *ctx);

#endif
