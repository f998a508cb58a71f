/*
 * repo.h: repository rows (repo.c).  Private to libpub.
 */
#ifndef PUB_REPO_H
#define PUB_REPO_H

#include "pub.h"

/* All repositories (or the standalone ones), stars descending. */
int pub__repo_list(pub_repo ***out, size_t *n, pub_db *db, int standalone_only);
void pub__repo_list_free(pub_repo **repos, size_t n);
void pub__repo_free(pub_repo *r);

#endif
