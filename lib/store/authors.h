/*
 * authors.h: author rows (authors.c).
 */
#ifndef PUB_STORE_AUTHORS_H
#define PUB_STORE_AUTHORS_H

#include <stdint.h>

#include "pub.h"
#include "util/buf.h"

/* An author as stored: the decoded parts, the display name and the folded
 * name that identifies the author row.  Computed without the database. */
typedef struct pub__author_prep {
	char *given, *von, *family, *jr, *display, *norm;
} pub__author_prep;

/* The authors of a name list, without "others", as an array of *count;
 * *first_key (when not NULL) gets the folded family name of the first
 * name.  Free with pub__authors_prep_free. */
pub__author_prep *pub__authors_prep(const char *list, size_t *count, char **first_key);
void pub__authors_prep_free(pub__author_prep *a, size_t n);

/* Inserts (or finds) each author and links it to the paper in `role`
 * ("author", "editor") at positions 1..n; appends the display names to
 * `names_text` (when not NULL) for the search index. */
int pub__authors_store(pub_db *db, int64_t paper_id, const char *role,
	const pub__author_prep *authors, size_t n, pub__buf *names_text);

#endif
