/*
 * source.h: what every network source shares on the database side
 * (source.c): a client whose arXiv pacing is kept in the database, the
 * mapping of a malformed answer to a network error, and storing what
 * arXiv tells beyond BibTeX fields.
 */
#ifndef PUB_NET_SOURCE_H
#define PUB_NET_SOURCE_H

#include <stdint.h>

#include "pub.h"
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

#endif
