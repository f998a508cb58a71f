/*
 * merge.h: finding the stored paper an entry duplicates, and merging into
 * it (merge.c).
 */
#ifndef PUB_STORE_MERGE_H
#define PUB_STORE_MERGE_H

#include <stdint.h>

#include "pub.h"
#include "bibtex/entry.h"

/* Why an entry is a stored paper (pub__merge_find's *reason). */
enum {
	PUB__SAME_KEY = 1,
	PUB__SAME_DOI,
	PUB__SAME_ARXIV,
	PUB__SAME_TITLE
};

/* The id of the stored paper `e` duplicates in *id (0: none) and the rule
 * that matched in *reason, given the entry's derived DOI, arXiv id, title
 * key, year and first-author key.  *key_free is set when no paper has the
 * entry's own key, as its key or an alias. */
int pub__merge_find(int64_t *id, int *reason, int *key_free, pub_db *db,
	const pub__bib_entry *e, const char *doi, const char *arxiv, const char *title_key,
	int year, const char *author_key);

/* The citekey of a paper other than `self` that carries `doi` (any case)
 * or `arxiv` (either may be NULL) in *key (malloc'd), or NULL: none. */
int pub__merge_id_holder(char **key, pub_db *db, int64_t self, const char *doi,
	const char *arxiv);

/* Adds e's fields that paper `id` lacks (nothing is overwritten); counts
 * them in *added and sets *authors_added when author or editor came. */
int pub__merge_fill(int *added, int *authors_added, pub_db *db,
	int64_t id, const pub__bib_entry *e);

#endif
