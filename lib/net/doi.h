/*
 * doi.h: doi.org content negotiation and Crossref's /works (doi.c).
 */
#ifndef PUB_NET_DOI_H
#define PUB_NET_DOI_H

#include <stddef.h>

#include "pub.h"
#include "bibtex/entry.h"
#include "net/http.h"

/* Metadata from CSL-JSON or Crossref's /works message.  Strings UTF-8 or
 * NULL.  Authors are "Family, Given", or the literal name. */
typedef struct pub__csl {
	char *type;       /* as sent: paper-conference, journal-article ... */
	char *title;
	char **authors;
	size_t nauthors;
	char *container;  /* container-title (first when an array) */
	int year, month, day; /* from issued (or published) date-parts; 0 unknown */
	char *volume, *issue, *page, *publisher, *doi, *url;
	int has_cited_by;  /* Crossref's is-referenced-by-count was there */
	long cited_by;
} pub__csl;

void pub__csl_free(pub__csl *c); /* contents only */

/* Parses a CSL-JSON object (doi.org content negotiation). */
int pub__csl_parse(pub__csl *out, const char *body, size_t n);
/* Parses Crossref's {"status":"ok","message":{...}} envelope (or a bare
 * message object): title and container-title are arrays there. */
int pub__crossref_parse(pub__csl *out, const char *body, size_t n);

/* BibTeX type for a CSL or Crossref type: paper-conference and
 * proceedings-article -> inproceedings, article-journal and journal-article
 * -> article, chapter/book-chapter -> incollection, book -> book, thesis ->
 * phdthesis, report -> techreport, everything else -> misc. */
const char *pub__csl_bibtex_type(const char *type);

/* BibTeX entry (pub__bib_entry_free) from the metadata: title, author,
 * journal or booktitle (by type), year, month, volume, number, pages,
 * publisher, doi, url.  Key "". */
pub__bib_entry *pub__csl_to_bib(const pub__csl *c);

/* GET {doi}/{doi} with Accept: application/vnd.citationstyles.csl+json
 * (redirects followed).  404 -> PUB_ENOTFOUND "no such DOI: 10.x/y". */
int pub__doi_fetch_csl(pub__csl *out, pub__http *h, const char *doi);
/* Same with Accept: application/x-bibtex; *bibtex is the raw text
 * (malloc'd) for the BibTeX reader. */
int pub__doi_fetch_bibtex(char **bibtex, pub__http *h, const char *doi);
/* GET {crossref}/works/{doi}.  404 -> PUB_ENOTFOUND "no such DOI: …". */
int pub__crossref_fetch(pub__csl *out, pub__http *h, const char *doi);

/* Tries CSL-JSON, then BibTeX, then Crossref: on success exactly one of
 * *csl (filled, returns 0) or *bibtex (set, returns 1) is the result.
 * PUB_ENOTFOUND as soon as doi.org says 404. */
int pub__doi_fetch(pub__csl *csl, char **bibtex, pub__http *h, const char *doi);

#endif
