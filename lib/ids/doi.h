/*
 * doi.h: DOIs (doi.c).
 */
#ifndef PUB_IDS_DOI_H
#define PUB_IDS_DOI_H

#include "pub.h"

/* Normalises "doi:10.x/y", "https://doi.org/10.x/y", "http://dx.doi.org/…"
 * or a bare "10.x/y" (prefix 10.NNNN, a '/', a non-empty suffix without
 * spaces) to "10.x/y" (malloc'd; case kept).  Otherwise PUB_EINVAL. */
int pub__doi_normalize(const char *in, char **doi);

/* 1 when the DOI is arXiv's DataCite DOI 10.48550/arXiv.ID (case-insensitive)
 * and sets *arxiv_id (malloc'd, normalised); 0 otherwise. */
int pub__doi_arxiv_id(const char *doi, char **arxiv_id);

/* The DOI a BibTeX `doi` field holds (a doi.org URL or doi: prefix
 * removed), lower-cased as the duplicate check compares it; NULL when the
 * value is not a DOI. */
char *pub__doi_from_field(const char *s);

#endif
