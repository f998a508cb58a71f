/*
 * dblp.h: DBLP's publication search (JSON) and record BibTeX (dblp.c), for
 * venue discovery.  (The person page is another client's.)  The quirks of
 * the search JSON, as recorded (API-NOTES section 5): every number is a
 * string; `hits.hit` is absent when nothing matched; `authors.author` is an
 * object for one author and an array otherwise; `venue` may be an array;
 * strings carry XML entities (&apos; &amp; ...).  DBLP answers a 429 with
 * an HTML page, and has 500s: both are errors naming DBLP.
 */
#ifndef PUB_NET_DBLP_H
#define PUB_NET_DBLP_H

#include <stddef.h>

#include "pub.h"
#include "net/http.h"

/* Hits asked of a title search. */
#define PUB__DBLP_SEARCH_HITS 10

/* One search hit; strings owned, entities decoded, NULL when absent. */
typedef struct pub__dblp_hit {
	char *key;      /* "conf/iclr/ZhaoJWY25" */
	char *title;    /* "Real-Time Video ... Broadcast." (DBLP's final dot) */
	char *venue;    /* short name, the first when an array: "ICLR", "CoRR" */
	char *type;     /* "Conference and Workshop Papers", ... */
	char *doi;
	int year;       /* 0 unknown */
	char **authors; /* "Yang You", "Arun Kumar 0001" (DBLP's homonym number) */
	char **pids;    /* each author's DBLP pid ("95/7448-1"), NULL when absent */
	size_t nauthors;
} pub__dblp_hit;

void pub__dblp_hits_free(pub__dblp_hit *hits, size_t n);

/* Parses a search answer into *out (n hits; NULL, 0 for none).  PUB_EPARSE
 * "DBLP: ..." for an HTML page or anything not a search result. */
int pub__dblp_parse_search(pub__dblp_hit **out, size_t *n, const char *body, size_t len);

/* Searches publications for `query` (a title): GET
 * /search/publ/api?q=...&format=json&h=PUB__DBLP_SEARCH_HITS.  PUB_ENET /
 * PUB_ENONET / PUB_ERATELIMIT (HTTP 429 past the retries) on failure. */
int pub__dblp_search(pub__dblp_hit **out, size_t *n, pub__http *h, const char *query);

/* A record's BibTeX (GET /rec/KEY.bib), as our BibTeX reader reads it.
 * Values keep their BibTeX (braces: "{ICLR} 2025"), with line wraps and
 * runs of spaces made single spaces. */
typedef struct pub__dblp_rec {
	char *key;        /* "conf/iclr/ZhaoJWY25" (DBLP: removed) */
	char *type;       /* "inproceedings", "article" ... */
	char *title, *author, *booktitle, *journal, *volume, *number, *pages,
		*publisher, *doi;
	int year;
} pub__dblp_rec;

void pub__dblp_rec_free(pub__dblp_rec *r);

/* Parses one record's BibTeX.  PUB_EPARSE "DBLP: ..." when it holds no
 * entry (an HTML page ...). */
int pub__dblp_parse_rec(pub__dblp_rec *out, const char *body, size_t len);

/* Fetches and parses /rec/KEY.bib.  PUB_ENOTFOUND for a 404. */
int pub__dblp_rec_get(pub__dblp_rec *out, pub__http *h, const char *key);

/* The short venue name of a record: from the key's stream (conf/iclr ->
 * "ICLR", conf/ppopp -> "PPoPP", conf/mlsys -> "MLSys"), else `venue`
 * (a search hit's short name) when given, else the braced acronym of the
 * booktitle ("{ICLR} 2025"), else the journal.  NULL when none.  New
 * string. */
char *pub__dblp_short_venue(const char *key, const char *venue,
	const char *booktitle, const char *journal);

/* 1 when the record is arXiv's or another preprint server's (CoRR:
 * journals/corr/..., venue "CoRR", type "Informal ... Publications"). */
int pub__dblp_is_preprint(const char *key, const char *venue, const char *type);

/* 1 when the record is a workshop's: a key stream ending in "w" (iccvw,
 * cvprw; not www) or named "workshops", or "Workshop" in the venue or the
 * booktitle. */
int pub__dblp_is_workshop(const char *key, const char *venue, const char *booktitle);

/* "&apos;" "&amp;" "&quot;" "&lt;" "&gt;" "&#39;" "&#x27;" decoded.  New
 * string. */
char *pub__dblp_entities(const char *s);

#endif
