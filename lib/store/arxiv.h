/*
 * arxiv.h: the stored arXiv papers as the arXiv refresh step reads and
 * updates them (arxiv.c).
 */
#ifndef PUB_STORE_ARXIV_H
#define PUB_STORE_ARXIV_H

#include <stddef.h>
#include <stdint.h>

#include "pub.h"

/* A stored paper with an arXiv id; strings owned, NULL when unset. */
typedef struct pub__arxiv_row {
	int64_t id;
	char *arxiv;
	int version;
	char *doi;
	char *journal;  /* the BibTeX journal field */
	char *updated;
	char *published;
	char *type;
	char *venue;
} pub__arxiv_row;

void pub__arxiv_row_clear(pub__arxiv_row *r);

/* Every paper with an arXiv id, by id, except those checked at or after
 * `cutoff` ("YYYY-MM-DDTHH:MM:SSZ"; "" for none), which count in
 * *skipped.  Free each with pub__arxiv_row_clear, then the array. */
int pub__arxiv_rows(pub__arxiv_row **out, size_t *n, size_t *skipped, pub_db *db,
	const char *cutoff);

/* The preprint was published as `journal_ref` (NULL: only a DOI): the
 * venue set where the paper has none (source "arxiv"), a misc entry made
 * an article when there is a journal reference. */
int pub__store_published_as(pub_db *db, int64_t id, const char *journal_ref);

#endif
