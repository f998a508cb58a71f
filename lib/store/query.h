/*
 * query.h: turns a pub_filter (tags, author, selected, search query) into
 * one SELECT of paper ids with bound parameters.  Private to libpub.
 */
#ifndef PUB_QUERY_H
#define PUB_QUERY_H

#include <sqlite3.h>

#include "pub.h"
#include "util/buf.h"

#define PUB__QUERY_MAX_BINDS 64

typedef struct pub__query {
	pub__buf sql; /* built only from constant pieces */
	char *binds[PUB__QUERY_MAX_BINDS]; /* text parameters ?1.. in order */
	size_t nbinds;
} pub__query;

/* Builds the query; PUB_EINVAL for a malformed search (the message says
 * what is wrong).  bibtex_order: by insertion instead of year desc. */
int pub__query_build(pub__query *q, const pub_filter *f, int bibtex_order);
int pub__query_prepare(sqlite3_stmt **out, pub_db *db, const pub__query *q);
void pub__query_free(pub__query *q);

#endif
