/*
 * store.h: writing papers: an entry becomes a paper (derived columns,
 * authors, full-text index), duplicates are merged, citation keys made.
 * Private to libpub.
 */
#ifndef PUB_STORE_H
#define PUB_STORE_H

#include <stdint.h>

#include "bibtex.h"
#include "db.h"

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
	char key[256];
} pub__store_result;

/* Stores `e` as a new paper, or merges it into the duplicate it has (same
 * DOI, arXiv id, or folded title + year + first author).  Must run inside
 * a transaction. */
int pub__store_entry(pub_db *db, const pub__bib_entry *e,
	const pub__store_opts *o, pub__store_result *res);

/* Recomputes a paper's derived columns from its stored fields; rebuilds the
 * author list when `authors_changed`.  Keeps equal/corresponding flags. */
int pub__store_rederive(pub_db *db, int64_t paper_id, int authors_changed);

/* Sets (value non-NULL) or removes a BibTeX field of a paper. */
int pub__store_set_field(pub_db *db, int64_t paper_id, const char *name,
	const char *value);

/* Paper id by citation key (case-insensitive); PUB_ENOTFOUND. */
int pub__store_paper_id(pub_db *db, const char *key, int64_t *id);

/* Adds a tag by name to a paper (idempotent). */
int pub__store_add_tag(pub_db *db, int64_t paper_id, const char *tag);

/* Adds a link; a GitHub code link also creates/links the repository. */
int pub__store_add_link(pub_db *db, int64_t paper_id, const char *kind,
	const char *url);

/* Parses a GitHub repository URL (tree/.git/www/trailing slash allowed)
 * into owner and name (malloc'd).  PUB_EINVAL when it is not one. */
int pub__github_parse_url(const char *url, char **owner, char **name);

/* Finds or creates the repository row; returns its id. */
int pub__store_repo(pub_db *db, const char *owner, const char *name,
	int64_t *repo_id);

/* Version-less arXiv id and version from an identifier-like string
 * ("2408.12588v3", "arXiv:hep-th/9901001", "abs/1234.5678"); 0 or
 * PUB_EINVAL when it is not one.  *id is malloc'd. */
int pub__arxiv_id_parse(const char *s, char **id, int *version);

/* Stores one entry the way `pubdb add` does (merge, key, then the extras
 * of `opts`: tags, venue, links, selection) and counts it in `stats`.
 * Inside a transaction; used by the BibTeX import and the arXiv/DOI adds. */
int pub__import_entry(pub_db *db, const pub__bib_entry *e, const char *source,
	const pub_import_opts *opts, pub_import_stats *stats);

/* ---- the fields column ----
 * papers.fields_json holds an entry's BibTeX fields, verbatim and in input
 * order, as one JSON object of strings: {"author":"...","title":"..."}.
 * It is the truth of the BibTeX export; everything else is derived. */

/* The JSON object of `n` fields (a later repeat of a name is dropped). */
char *pub__fields_encode(const pub_field *f, size_t n);
/* Calls cb for each member in order, with NUL-terminated, unescaped name
 * and value (valid until cb returns).  cb's negative return stops and is
 * returned; PUB_ERROR when `json` is not an object of strings. */
int pub__fields_each(const char *json,
	int (*cb)(const char *name, const char *value, void *ctx), void *ctx);
/* The members as a new array of *n fields in *out (NULL, 0 for "{}"), for
 * pub__fields_free(); PUB_ERROR, and nothing to free, when `json` is not
 * an object of strings. */
int pub__fields_decode(const char *json, pub_field **out, size_t *n);

/* A BibTeX value from plain text: escapes unescaped & % # and balances
 * braces, so any string from outside can be stored as a field. */
char *pub__bib_value_from_text(const char *s);

#endif
