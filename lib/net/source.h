/*
 * source.h: the one shape every metadata source has (source.c).  A source
 * (arxiv.c, doi.c, and the services to come) takes identifiers, asks its
 * service, and answers each with a record: a BibTeX entry (fields, authors,
 * identifiers, links as fields) plus what BibTeX cannot carry.  The store
 * side is the same for every source: pub__record_store() (sync/record.h).
 * Also here: the mapping of a malformed answer to a network error.
 */
#ifndef PUB_NET_SOURCE_H
#define PUB_NET_SOURCE_H

#include <stdint.h>

#include "pub.h"
#include "bibtex/entry.h"
#include "net/arxiv.h"
#include "net/http.h"

/* A service's malformed answer (PUB_EPARSE: HTML, truncated XML, a
 * DOCTYPE) is a failure of that service for the caller: PUB_ENET with the
 * same message.  Other codes pass through. */
int pub__net_error(int err);

/* What a source tells about one paper, in the form the store takes. */
typedef struct pub__record {
	pub__bib_entry *entry;     /* fields and authors; key "" (owned) */
	char *source;              /* provenance: "arxiv:ID", "doi:DOI" (owned) */
	pub__arxiv_paper *arxiv;   /* arXiv's extras (version, dates, category,
	                              code link), or NULL (owned) */
	int has_crossref_count;    /* the answer had Crossref's
	                              is-referenced-by-count: */
	long crossref_count;       /* filed as source "crossref" */
} pub__record;

void pub__record_clear(pub__record *r);

/* One identifier asked of a source, and its answer. */
typedef struct pub__lookup {
	const char *input;   /* as the user wrote it (not owned) */
	char *id;            /* normalised identifier (owned) */
	int version;         /* arXiv version asked for, 0: the latest */
	int rc;              /* 0: `record` is filled; PUB_ENOTFOUND: `error` */
	char *error;         /* message when rc < 0 (owned) */
	pub__record record;
} pub__lookup;

void pub__lookup_clear(pub__lookup *l);

/* A source of paper metadata. */
typedef struct pub__source {
	const char *name; /* for messages: "arXiv", "doi.org" */
	/* Asks about every lookup (batched as far as the service allows) and
	 * fills each one's rc and record or error.  Returns < 0 only when the
	 * service failed as a whole (PUB_ENET, PUB_ENONET ...): nothing of
	 * such a call may be stored. */
	int (*fetch)(pub__lookup *items, size_t n, pub__http *h);
} pub__source;

extern const pub__source pub__source_arxiv; /* net/arxiv.c */
extern const pub__source pub__source_doi;   /* net/doi.c */

#endif
