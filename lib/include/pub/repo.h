/*
 * pub/repo.h: repositories and their star counts.  Part of pub.h, the one
 * public header: include <pub.h>, not this file.
 */
#ifndef PUB_PUBLIC_REPO_H
#define PUB_PUBLIC_REPO_H

#include "common.h"
#include "db.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- repositories ------------------------------------------------------ */

/* A GitHub repository, linked from papers (`code` links) or standalone. */
typedef struct pub_repo {
	int64_t id;
	int64_t github_id; /* 0 when not yet known */
	char *owner;
	char *name;
	char *url;         /* https://github.com/OWNER/NAME */
	char *description; /* NULL when unknown */
	long stars;        /* -1 when never checked */
	long delta_7d;     /* change over 7 and 30 days (0 when unknown) */
	long delta_30d;
	char *checked;     /* ISO-8601 UTC of the last check, or NULL */
	char *status;      /* "ok", "missing", "archived", "renamed", "new" */
	int standalone;    /* added with `repo add` (an open-source project) */
	/* The owner's wording (`repo edit`), NULL when unset: shown instead
	 * of `name` and `description`, which stay what GitHub says. */
	char *display_name;
	char *display_description;
} pub_repo;

/* Registers a standalone repository (a GitHub URL); PUB_EINVAL for a URL
 * that is not a GitHub repository. */
PUB_EXTERN int pub_repo_add(pub_db *db, const char *url, const char *description);

/* Removes a repository ("OWNER/NAME" or its GitHub URL) with its star
 * history; PUB_ENOTFOUND when none, PUB_EINVAL when `repo` names none.
 * A repository a paper's link points at is refused (PUB_ERROR, the
 * message names the papers): remove those links first
 * (pub_paper_link_remove()), so no paper loses its code link or stars
 * unseen. */
PUB_EXTERN int pub_repo_remove(pub_db *db, const char *repo);

/* Sets the owner's display name and description of a repository
 * ("OWNER/NAME" or its URL), which exports show instead of GitHub's and
 * which a refresh never changes.  NULL leaves one as it is; "" clears it
 * (GitHub's shows again).  PUB_ENOTFOUND when no such repository. */
PUB_EXTERN int pub_repo_edit(pub_db *db, const char *repo,
	const char *display_name, const char *display_description);

/* Calls cb for each repository (standalone_only: `repo add` ones only),
 * ordered by stars descending (standalone ones: in the order added, as a
 * homepage lists its projects).  The repo is valid during the call. */
PUB_EXTERN int pub_repo_foreach(pub_db *db, int standalone_only,
	int (*cb)(const pub_repo *r, void *ctx), void *ctx);

/* The repository as one JSON object in the `stars --json` shape
 * docs/architecture.md gives (repo, url, stars, delta_7d, delta_30d,
 * checked, status); malloc'd, caller frees. */
PUB_EXTERN int pub_repo_json(char **out, const pub_repo *r);

#ifdef __cplusplus
}
#endif
#endif
