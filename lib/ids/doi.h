/*
 * doi.h: DOIs (doi.c).
 */
#ifndef PUB_IDS_DOI_H
#define PUB_IDS_DOI_H

#include "pub.h"

/* Normalises user input, "doi:10.x/y", "https://doi.org/10.x/y",
 * "http://dx.doi.org/…" or a bare "10.x/y" (prefix 10.NNNN, a '/', a
 * non-empty suffix without spaces), to the canonical DOI "10.x/y":
 * lower-cased, as DOIs are case-insensitive (malloc'd).  Otherwise
 * PUB_EINVAL "not a DOI: 'X'". */
int pub__doi_normalize(char **doi, const char *in);

/* 1 when user input is meant as a DOI (a doi: prefix, a doi.org URL, a
 * bare "10."), valid or not, so that a malformed one is reported as a
 * DOI rather than tried as something else. */
int pub__doi_is_meant(const char *in);

/* 1 when a canonical DOI is under arXiv's DataCite prefix (10.48550/arxiv.),
 * which names a preprint, not a published version. */
int pub__doi_is_arxiv(const char *doi);

/* 1 when the DOI is arXiv's DataCite DOI 10.48550/arXiv.ID (case-insensitive)
 * and sets *arxiv_id (malloc'd, normalised); 0 otherwise. */
int pub__doi_arxiv_id(char **arxiv_id, const char *doi);

/* The canonical DOI a BibTeX `doi` field value holds: the same grammar
 * and form as pub__doi_normalize(), but braces and spaces may come before
 * it and anything after a space or '}' is ignored.  NULL when the value
 * does not start with a DOI. */
char *pub__doi_from_field(const char *s);

#endif
