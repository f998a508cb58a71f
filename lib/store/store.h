/*
 * store.h: an entry becomes a paper (store.c).
 */
#ifndef PUB_STORE_H
#define PUB_STORE_H

#include <stdint.h>

#include "pub.h"
#include "bibtex/entry.h"

typedef struct pub__store_opts {
	int no_merge;
	const char *source;  /* FILE:LINE, "arxiv", "doi" */
	const char *key;     /* wanted citation key for a new paper, or NULL */
	pub_warn_fn warn;
	void *warn_ctx;
} pub__store_opts;

typedef struct pub__store_result {
	int64_t paper_id;
	int merged;   /* 1: merged into an existing paper */
	int reason;   /* why, when merged: PUB__SAME_* (store/merge.h) */
	int alias;    /* 1: the entry's key became an alias of the paper */
	char key[256];
} pub__store_result;

/* Stores `e` as a new paper, or merges it into the duplicate it has (same
 * key, DOI, arXiv id, or folded title + year + first author; see merge.c),
 * its key then an alias of the paper.  Must run inside a transaction; the
 * paper joins the current source (pub__db_source_begin()). */
int pub__store_entry(pub__store_result *res, pub_db *db,
	const pub__bib_entry *e, const pub__store_opts *o);

/* Paper id by citation key or alias (case-insensitive); PUB_ENOTFOUND. */
int pub__store_paper_id(int64_t *id, pub_db *db, const char *key);

/* The decoded title ("50% & more", not the field's "50\% \&") of the
 * paper stored under `key` (case-insensitive); *out NULL when none.  New
 * string. */
int pub__store_title_of(char **out, pub_db *db, const char *key);

/* arXiv's data BibTeX has no field for: version (0: keep), published and
 * updated dates, primary category (NULL: keep each), and now as checked. */
int pub__store_arxiv_meta(pub_db *db, int64_t id, int version, const char *published,
	const char *updated, const char *category);

/* The arXiv id of a stored preprint without a DOI whose folded title and
 * first author's family name match, from `year` or the one before; *arxiv
 * NULL when none.  New string. */
int pub__store_preprint_of(char **arxiv, pub_db *db, const char *title_key,
	const char *author_key, int year);

/* The citation key of paper `id`; *key NULL when none.  New string. */
int pub__store_key_of(char **key, pub_db *db, int64_t id);

/* A profile's word on a stored paper: its DBLP key and venue badge
 * (`source` named as the venue's), each only where the paper has none. */
int pub__store_profile_fill(pub_db *db, int64_t id, const char *dblp, const char *badge,
	const char *source);

/* Files a found venue: badge, where it came from and the DBLP key, unless
 * the paper already has a venue or the owner set one; a badge OpenReview
 * set takes the DBLP key of the same badge (its source stays OpenReview).
 * *changed is 1 when the paper took it. */
int pub__store_venue_found(int *changed, pub_db *db, int64_t id, const char *badge,
	const char *source, const char *dblp);

#endif
