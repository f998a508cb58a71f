/*
 * derive.h: the columns, authors and index derived from a paper's fields
 * (derive.c).
 */
#ifndef PUB_STORE_DERIVE_H
#define PUB_STORE_DERIVE_H

#include <stdint.h>

#include "pub.h"
#include "bibtex/entry.h"
#include "store/authors.h"

/* What an entry becomes, computed once per entry and without the
 * database: the columns of `papers` and the authors. */
typedef struct pub__derived {
	char *title, *title_key, *abstract, *doi, *arxiv, *author_key;
	int year, month, version;
	pub__author_prep *authors, *editors;
	size_t nauthors, neditors;
} pub__derived;

void pub__derived_compute(pub__derived *d, const pub__bib_entry *e);
void pub__derived_free(pub__derived *d);

/* Writes the derived columns `d`, authors and index of paper `id` from
 * the field view `e`; a new paper (is_new) has its columns already. */
int pub__derive(pub_db *db, int64_t id, const pub__bib_entry *e,
	const pub__derived *d, int authors_changed, int is_new);

/* Recomputes a paper's derived columns from its stored fields; rebuilds the
 * author list when `authors_changed`.  Keeps equal/corresponding flags. */
int pub__store_rederive(pub_db *db, int64_t paper_id, int authors_changed);

/* Sets (value non-NULL) or removes a BibTeX field of a paper. */
int pub__store_set_field(pub_db *db, int64_t paper_id, const char *name,
	const char *value);

/* paper_id's stored fields, in order, into e (which has none yet). */
int pub__fields_load(pub__bib_entry *e, pub_db *db, int64_t paper_id);
/* Writes e's fields as paper_id's. */
int pub__fields_save(pub_db *db, int64_t paper_id, const pub__bib_entry *e);

#endif
