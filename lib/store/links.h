/*
 * links.h: tags, links and repository rows of papers (links.c).
 */
#ifndef PUB_STORE_LINKS_H
#define PUB_STORE_LINKS_H

#include <stdint.h>

#include "pub.h"

/* Adds a tag by name to a paper (idempotent). */
int pub__store_add_tag(pub_db *db, int64_t paper_id, const char *tag);

/* Finds or creates the repository row; returns its id.  A row created
 * outside a bulk transaction (a file import) records a "repo" event. */
int pub__store_repo(int64_t *repo_id, pub_db *db, const char *owner,
	const char *name);

/* Adds a link the user gave (source NULL); a GitHub code link also
 * creates/links the repository.  A removal of that URL (`link --rm`) is
 * forgotten: the user wants it back. */
int pub__store_add_link(pub_db *db, int64_t paper_id, const char *kind,
	const char *url);

/* Adds a link a source found (`source`: "arxiv", "huggingface"), unless
 * the user removed it (this URL, or for a code link any URL of the same
 * repository), the paper already has it (the same URL, or a code link to
 * the same repository) or, with `one_per_kind`, the paper already has a
 * link of `kind`.  *added is 1 when it was stored.  A GitHub code link
 * creates the repository row (and so its stars). */
int pub__store_found_link(int *added, pub_db *db, int64_t paper_id,
	const char *kind, const char *url, const char *source, int one_per_kind);

/* Remembers the paper's links of `kind` to `url` (all of `kind` when url
 * is NULL) as removed by the user, before `link --rm` deletes them. */
int pub__store_links_remember_removed(pub_db *db, int64_t paper_id,
	const char *kind, const char *url);

/* A paper as the links step reads it. */
typedef struct pub__link_row {
	int64_t id;
	char *citekey;
	char *arxiv;    /* NULL for a paper without an arXiv id */
	char *abstract;
	char *comment;  /* the BibTeX field `comment` (arXiv's comments) */
	int has_code;   /* it has a code link */
	int has_page;   /* it has a link of the project page's kind */
} pub__link_row;

void pub__link_row_free(pub__link_row *r);

/* Every paper not looked up since `cutoff` ("" or NULL: all), in the
 * store's order, as a new array (*n rows) to free with
 * pub__link_row_free() and free(); *skipped counts the others.
 * `page_kind` is the kind project pages are filed under. */
int pub__link_rows(pub__link_row **out, size_t *n, size_t *skipped, pub_db *db,
	const char *cutoff, const char *page_kind);

/* Records that the paper's links were looked for at `when` (ISO UTC). */
int pub__store_link_lookup(pub_db *db, int64_t paper_id, const char *when);

#endif
