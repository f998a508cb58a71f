/*
 * github.h: GitHub's REST and GraphQL APIs about repositories (github.c).
 */
#ifndef PUB_NET_GITHUB_H
#define PUB_NET_GITHUB_H

#include <stddef.h>
#include <stdint.h>

#include "pub.h"
#include "net/http.h"

/* The fields of GET /repos/{o}/{r} that pubdb stores. */
typedef struct pub__github_repo {
	int64_t id;        /* stable across renames */
	char *full_name;   /* owner/name */
	long stars;        /* stargazers_count */
	int archived;
	char *description; /* NULL when null */
	char *created;     /* created_at / createdAt (ISO 8601), NULL when absent */
} pub__github_repo;

/* Parses the REST repository object.  PUB_EPARSE when it is not JSON or
 * lacks id/full_name/stargazers_count. */
int pub__github_parse_repo(pub__github_repo *out, const char *body, size_t n);
void pub__github_repo_free(pub__github_repo *r); /* contents only */

/* What GitHub said about one repository. */
typedef enum pub__github_result {
	PUB__GH_PENDING = 0, /* not asked: the run stopped first */
	PUB__GH_OK,          /* `repo` is filled (REST 200 or GraphQL) */
	PUB__GH_UNCHANGED,   /* REST 304: the stored data stands */
	PUB__GH_MISSING,     /* 404, or GraphQL NOT_FOUND: gone or private */
	PUB__GH_FAILED       /* `error` says why */
} pub__github_result;

/* One repository to ask about (owner, name, etag are the caller's) and the
 * answer (owned by the item; pub__github_item_clear frees it). */
typedef struct pub__github_item {
	const char *owner, *name;
	const char *etag;      /* stored ETag sent as If-None-Match, or NULL */
	pub__github_result result;
	pub__github_repo repo; /* PUB__GH_OK */
	char *new_etag;        /* ETag of a REST 200, or NULL */
	char *error;           /* PUB__GH_FAILED */
} pub__github_item;

void pub__github_item_clear(pub__github_item *it);

/* Waits GitHub asks for: the primary limit's reset is waited for only when
 * it is at most PUB_GITHUB_MAX_WAIT seconds away (default 60), and every
 * wait GitHub names (reset, Retry-After, 60 s without one) lasts
 * PUB_GITHUB_WAIT_UNIT_MS per second (default 1000; tests shrink it). */
#define PUB__GITHUB_MAX_WAIT_S 60
/* Most repositories in one GraphQL query (GitHub's node and CPU limits). */
#define PUB__GITHUB_GRAPHQL_BATCH 100

/* Asks GitHub about n repositories: REST GET /repos/{o}/{r} with
 * If-None-Match (redirects of renamed repositories followed), or, with
 * `graphql`, POST /graphql with up to PUB__GITHUB_GRAPHQL_BATCH aliased
 * lookups per query.  `jobs` requests run at once (0 or 1: serial).  5xx
 * and transport errors are retried with backoff, limits waited for as
 * described above.  Returns 0 when every item got a result (each may still
 * be MISSING or FAILED); PUB_ERATELIMIT when a limit ran out (the message
 * says when to retry; unasked items stay PENDING), PUB_ENONET when GitHub
 * could not be reached at all, PUB_ERROR for bad credentials (401). */
int pub__github_fetch(pub__http *h, pub__github_item *items, size_t n,
	int graphql, unsigned jobs);

#endif
