/*
 * hf.h: Hugging Face paper pages (hf.c): GET /api/papers/{arxiv-id}, the
 * paper object's code repository and project page.  No key; 500 requests
 * per 5 minutes per IP (the client paces, http.c).  Knows no database.
 */
#ifndef PUB_NET_HF_H
#define PUB_NET_HF_H

#include <stddef.h>

#include "net/http.h"

/* What a paper object tells.  Unset keys are absent from the object (not
 * null); both URLs are NULL then, or when they are not http(s) URLs. */
typedef struct pub__hf_paper {
	char *id;           /* the bare arXiv id, "2408.12588" */
	char *github_repo;  /* githubRepo, "https://github.com/OWNER/NAME" */
	char *project_page; /* projectPage */
} pub__hf_paper;

void pub__hf_paper_free(pub__hf_paper *p); /* contents only */

/* Parses a paper object (GET /api/papers/{id}).  PUB_EPARSE, with line
 * and column, for anything else: broken JSON, an HTML page, an object
 * without a string id, a githubRepo or projectPage that is not a string
 * (null is taken as absent). */
int pub__hf_parse_paper(pub__hf_paper *out, const char *body, size_t n);

/* The path of a paper: "/api/papers/2408.12588" (a version suffix such
 * as "v3" dropped: the pages are per paper), percent-encoded (malloc'd). */
char *pub__hf_paper_path(const char *arxiv_id);

typedef enum pub__hf_result {
	PUB__HF_OK = 0,
	PUB__HF_NOTFOUND, /* 404 {"error":"Paper not found"}: not indexed */
	PUB__HF_FAILED,   /* another status, a malformed answer: see error */
} pub__hf_result;

/* One arXiv id asked, and its answer. */
typedef struct pub__hf_item {
	const char *arxiv;   /* not owned */
	pub__hf_result result;
	pub__hf_paper paper; /* owned, when result is PUB__HF_OK */
	char *error;         /* owned; "Hugging Face: /api/papers/...: HTTP 500" */
} pub__hf_item;

/* Looks up items[0..n) side by side (at most `jobs` at a time, paced)
 * and fills each result.  Returns 0 when every item has a result (some
 * may be NOTFOUND or FAILED), PUB_ENONET when the service could not be
 * reached, PUB_ERATELIMIT when it kept answering 429 past the waits;
 * other failures are the item's own.  The items answered are filled in
 * any case. */
int pub__hf_fetch(pub__http *h, pub__hf_item *items, size_t n, unsigned jobs);

void pub__hf_item_clear(pub__hf_item *it);

#endif
