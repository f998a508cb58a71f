/*
 * dblp.h: dblp person ids and record keys (dblp.c).
 */
#ifndef PUB_IDS_DBLP_H
#define PUB_IDS_DBLP_H

#include "pub.h"

typedef enum pub__dblp_kind {
	PUB__DBLP_PID = 1, /* a person: 74/5295, 95/7448-1, h/GeoffreyEHinton */
	PUB__DBLP_KEY = 2  /* a record: conf/iclr/ZhaoJWY25, journals/corr/abs-2408-12588 */
} pub__dblp_kind;

/* Normalises a dblp identifier as typed: a bare pid or record key, a
 * "DBLP:" prefix (as in dblp's BibTeX keys), a person's "homepages/PID"
 * key, or a dblp.org (or dblp.uni-trier.de, dblp.dagstuhl.de) URL
 * .../pid/PID or .../rec/KEY, optionally ending in .html, .xml or .bib.
 * Sets *kind; *id is the bare pid or key (malloc'd).  A pid has two
 * segments, a key three or more.  Otherwise PUB_EINVAL
 * "not a dblp id: 'X'". */
int pub__dblp_normalize(char **id, pub__dblp_kind *kind, const char *in);

#endif
