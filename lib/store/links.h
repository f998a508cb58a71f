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

/* Adds a link; a GitHub code link also creates/links the repository. */
int pub__store_add_link(pub_db *db, int64_t paper_id, const char *kind,
	const char *url);

#endif
