/*
 * arxiv.h: arXiv's Atom API (arxiv.c).  The parser works on memory
 * buffers, so fuzz targets and tests call it without network.
 */
#ifndef PUB_NET_ARXIV_H
#define PUB_NET_ARXIV_H

#include <stddef.h>

#include "pub.h"
#include "bibtex/entry.h"
#include "net/http.h"

/* One paper from the feed.  Strings are UTF-8 with whitespace collapsed, or
 * NULL when absent. */
typedef struct pub__arxiv_paper {
	char *id;          /* without version: 2408.12588, hep-th/9901001 */
	int version;       /* from the entry id, 0 if none */
	char *title;
	char *abstract;
	char **authors;    /* in order, names as arXiv gives them */
	size_t nauthors;
	char *published;   /* ISO 8601 as sent (v1 date) */
	char *updated;     /* ISO 8601 (this version's date) */
	char *primary_category;
	char *doi;
	char *journal_ref;
	char *comment;
	char *code_url;    /* the GitHub or GitLab URL found in the comment or
	                      abstract (comment first) as written, path and
	                      all (pub__code_url_find), or NULL */
} pub__arxiv_paper;

typedef struct pub__arxiv_feed {
	pub__arxiv_paper *entries;
	size_t nentries;
	size_t nghosts;     /* classic "ghost" entries without id (skipped) */
	long total_results; /* opensearch:totalResults, -1 if absent (unreliable) */
} pub__arxiv_feed;

/* Parses an API response held in memory.  `status` is the HTTP status (0 if
 * unknown).  Errors: PUB_ENET "arXiv: <summary>" for arXiv's error feed
 * (sent with 400, e.g. "arXiv: incorrect id format for abc"); PUB_EPARSE for
 * HTML instead of XML, truncated/malformed XML, any DOCTYPE (entities are
 * never declared, expanded or fetched) or a non-Atom root.  `out` is filled
 * only on success; free with pub__arxiv_feed_free. */
int pub__arxiv_parse_feed(pub__arxiv_feed *out, const char *body, size_t n,
	long status);
void pub__arxiv_feed_free(pub__arxiv_feed *f);
void pub__arxiv_paper_free(pub__arxiv_paper *p); /* contents only */

/* Result for one requested id. */
typedef struct pub__arxiv_result {
	int rc;                  /* 0, PUB_ENOTFOUND, or the batch's error */
	pub__arxiv_paper *paper; /* malloc'd when rc == 0; caller frees with
	                            pub__arxiv_paper_free + free */
	char *error;             /* message when rc < 0 */
} pub__arxiv_result;

/* Most ids sent in one request. */
#define PUB__ARXIV_BATCH 50

/* Fetches n normalised ids (versions[i] > 0 asks for that version; versions
 * may be NULL) in requests of up to PUB__ARXIV_BATCH ids:
 * GET {base}/api/query?id_list=a,b&max_results=N, paced at one request per
 * 3 s.  Results map back by id (order is not guaranteed by arXiv); ids that
 * do not come back are retried once in a second request and then reported
 * as PUB_ENOTFOUND "arXiv: no such paper: ID".  Returns 0 when every request
 * went through (individual ids may still be not found), else the error of
 * the failing request (also stored in each affected result).  Free results
 * with pub__arxiv_results_free. */
int pub__arxiv_fetch(pub__arxiv_result *results, pub__http *h, const char *const *ids,
	const int *versions, size_t n);
void pub__arxiv_results_free(pub__arxiv_result *r, size_t n);

/* Converts a paper into a BibTeX entry (allocated with pub__malloc, so
 * pub__bib_entry_free releases it): type "article" when there is a
 * journal_ref, else "misc"; key ""; fields title, author ("A and B"), year,
 * month (English name), eprint, archiveprefix "arXiv", primaryclass, doi,
 * journal, abstract, url (abs page without version), comment. */
pub__bib_entry *pub__arxiv_to_bib(const pub__arxiv_paper *p);

#endif
