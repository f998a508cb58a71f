/*
 * source.h: the one shape every metadata source has (source.c).  A source
 * (arxiv.c, doi.c, and the services to come) takes identifiers, asks its
 * service, and answers each with a record: a BibTeX entry (fields, authors,
 * identifiers, links as fields) plus what BibTeX cannot carry.  The store
 * side is the same for every source: pub__record_store().  Also here: a
 * client whose arXiv pacing is kept in the database, and the mapping of a
 * malformed answer to a network error.
 */
#ifndef PUB_NET_SOURCE_H
#define PUB_NET_SOURCE_H

#include <stdint.h>

#include "pub.h"
#include "bibtex/entry.h"
#include "net/arxiv.h"
#include "net/http.h"

/* The settings key holding arXiv's last request start (ms since the epoch),
 * so separate pubdb processes keep arXiv's pacing together. */
#define PUB__ARXIV_LAST_KEY "arxiv_last_request"

/* A client for one command on `db`, with arXiv's pacing kept in the
 * database (written outside any transaction, so a failed command still
 * remembers that it asked).  Free with pub__http_free. */
int pub__net_open(pub_db *db, pub__http **out);

/* A service's malformed answer (PUB_EPARSE: HTML, truncated XML, a
 * DOCTYPE) is a failure of that service for the caller: PUB_ENET with the
 * same message.  Other codes pass through. */
int pub__net_error(int err);

/* Stores what the BibTeX fields do not carry: arXiv version, published
 * and updated dates, primary category, checked time, the abstract page as
 * the `paper` link and a GitHub URL as the `code` link. */
int pub__arxiv_store_extras(pub_db *db, int64_t paper_id,
	const pub__arxiv_paper *p);

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

/* Stores a record the way `pubdb add` stores an entry (merge rules, key,
 * opts' tags, links, venue ...; opts->on_paper reports it) and then its
 * extras; *paper_id gets the stored paper.  A record with a DOI but no
 * arXiv id is first pointed at a stored preprint of the same paper, so
 * that it merges into it.  Inside a transaction. */
/* A --dry-run's report of one entry as it would be stored under `key`:
 * to o->on_dry_run when set (import options version 2), else to `out`
 * (NULL: nowhere). */
void pub__dry_run_entry(const pub_import_opts *o, FILE *out, const pub__bib_entry *e,
	const char *key);

int pub__record_store(int64_t *paper_id, pub_db *db, const pub__record *r,
	const pub_import_opts *opts, pub_import_stats *stats);

#endif
