/*
 * s2.h: the Semantic Scholar Graph API's batch lookup (s2.c):
 * POST /graph/v1/paper/batch with up to 500 ids (ARXIV:..., DOI:...) per
 * request.  S2 merges a preprint with its published version, so one answer
 * gives the published version's DBLP key (externalIds.DBLP) and the
 * citation count.  An unknown id answers `null` in its slot.  The key in
 * S2_API_KEY is added by the HTTP client (x-api-key), never here.
 */
#ifndef PUB_NET_S2_H
#define PUB_NET_S2_H

#include <stddef.h>

#include "pub.h"
#include "net/http.h"

/* At most this many ids per batch request (the API's limit). */
#define PUB__S2_BATCH_MAX 500

/* The fields asked for: what venue discovery uses, plus citationCount for
 * the citation counts. */
#define PUB__S2_FIELDS "title,year,venue,publicationVenue,externalIds,authors,citationCount"

/* One slot of a batch answer.  Strings are owned (NULL when absent). */
typedef struct pub__s2_paper {
	int found;            /* 0: S2 answered null (unknown id) */
	char *paper_id;       /* S2's sha */
	char *title;
	int year;             /* 0 unknown; S2 keeps the arXiv year */
	char *venue;          /* free text: "Nat. Mac. Intell.", "arXiv.org", "" */
	char *pv_name, *pv_type, *pv_id; /* publicationVenue {name,type,id} */
	char *pv_short;       /* its first alternate name without a space
	                         ("ICLR", "Science"), or NULL */
	char *doi, *arxiv, *dblp;        /* externalIds DOI, ArXiv, DBLP (a key) */
	char **authors;       /* display names */
	size_t nauthors;
	long citation_count;  /* -1 unknown */
} pub__s2_paper;

void pub__s2_paper_free(pub__s2_paper *p);
void pub__s2_papers_free(pub__s2_paper *p, size_t n);

/* The batch id of a paper: "ARXIV:2408.12588" when it has an arXiv id,
 * else "DOI:10.1145/..."; NULL when it has neither.  New string. */
char *pub__s2_id(const char *arxiv, const char *doi);

/* Parses a batch answer `body` (a JSON array of exactly n slots, each an
 * object or null) into out[0..n-1] (zeroed first).  PUB_EPARSE with
 * "Semantic Scholar: ..." when it is not that (an HTML page, a wrong
 * count, a non-object slot); out is left freed then. */
int pub__s2_parse_batch(pub__s2_paper *out, size_t n, const char *body, size_t len);

/* Looks up n ids, PUB__S2_BATCH_MAX per request, one request after the
 * other (paced by the client).  out[i] answers ids[i].  Returns 0, or
 * PUB_ERATELIMIT when S2 kept answering 429 past the client's retries
 * (exponential backoff: S2 sends no Retry-After), PUB_ENET / PUB_ENONET
 * for other failures (a message naming Semantic Scholar: an HTML page, an
 * HTTP error with S2's "error" or "message"); out is freed then. */
int pub__s2_batch(pub__s2_paper *out, pub__http *h, const char *const *ids, size_t n);

#endif
