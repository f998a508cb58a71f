/*
 * openalex.h: OpenAlex single-work lookups by DOI (openalex.c), for
 * citation counts.  Lookups of one entity are free; OPENALEX_API_KEY is
 * added by the HTTP client (http.c), never here.
 */
#ifndef PUB_NET_OPENALEX_H
#define PUB_NET_OPENALEX_H

#include <stddef.h>
#include <stdint.h>

#include "net/http.h"

/* What a work lookup told. */
typedef struct pub__openalex_work {
	char *id;            /* "https://openalex.org/W1554322594" */
	char *doi;           /* "https://doi.org/10.1023/a:1007154515475" or NULL */
	int64_t cited_by;    /* cited_by_count */
} pub__openalex_work;

void pub__openalex_work_free(pub__openalex_work *w); /* contents only */

/* Parses a work object (GET /works/doi:...).  PUB_EPARSE, with line and
 * column, for anything else: broken JSON, an HTML page, an object without
 * an id or a non-negative integer cited_by_count. */
int pub__openalex_parse_work(pub__openalex_work *out, const char *body, size_t n);

/* The path of a DOI lookup: "/works/doi:10.1/x?select=id,doi,cited_by_count",
 * percent-encoded (malloc'd). */
char *pub__openalex_doi_path(const char *doi);

typedef enum pub__openalex_result {
	PUB__OA_OK = 0,
	PUB__OA_NOTFOUND, /* 404 (OpenAlex answers an HTML page) */
	PUB__OA_FAILED,   /* another status, a malformed answer: see error */
} pub__openalex_result;

/* One DOI asked, and its answer. */
typedef struct pub__openalex_item {
	const char *doi;   /* not owned */
	pub__openalex_result result;
	int64_t cited_by;
	char *error;       /* owned; "OpenAlex: /works/doi:...: HTTP 500" */
} pub__openalex_item;

/* Looks up items[0..n) side by side (at most `jobs` at a time) and fills
 * each result.  Returns 0 when every item has a result (some may be
 * NOTFOUND or FAILED), PUB_ENONET when the service could not be reached,
 * PUB_ERATELIMIT when it kept answering 429 past the waits; other
 * failures (a 500 after the retries, a timeout) are the item's own.  The
 * items answered are filled in any case. */
int pub__openalex_fetch(pub__http *h, pub__openalex_item *items, size_t n,
	unsigned jobs);

void pub__openalex_item_clear(pub__openalex_item *it);

#endif
