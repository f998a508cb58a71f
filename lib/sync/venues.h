/*
 * venues.h: venue discovery's shared parts: the paper being placed, the
 * match found for it (venue_match.c: choosing and storing), and the
 * refresh itself (venues.c, pub_refresh_venues in pub.h).
 */
#ifndef PUB_NET_VENUES_H
#define PUB_NET_VENUES_H

#include <stdint.h>

#include "pub.h"
#include "net/http.h"

/* The published version accepted for a paper.  Strings owned. */
typedef struct pub__vmatch {
	char *badge;       /* "ICLR 2025": short venue and year; NULL: none */
	const char *source;/* "dblp" or "semanticscholar" (static) */
	char *key;         /* DBLP record key, or NULL (Semantic Scholar's) */
	char *ref;         /* what the change line names: the DBLP key or S2's
	                      paperId */
	const char *vfield;/* "booktitle" or "journal" (static) */
	char *full;        /* the full venue name (BibTeX value) or NULL */
	char *pages, *doi, *volume, *number;
} pub__vmatch;

void pub__vmatch_clear(pub__vmatch *m);

/* A paper without a badge, as the refresh sees it. */
typedef struct pub__vpaper {
	int64_t id;
	char *citekey;
	char *title_key;   /* pub__vtitle_key of its title */
	int year;          /* 0 unknown */
	char *arxiv, *doi;
	char **families;   /* folded family names of its authors */
	size_t nfamilies;
	int s2_found;      /* S2 knew it */
	char *s2_dblp;     /* the DBLP key S2 gave, or NULL */
	/* what else S2 said, for a paper DBLP does not place: its record
	 * (the paperId), title, year, authors' family names, whether it
	 * merged an arXiv preprint (then the year is the preprint's), and
	 * its publicationVenue: type, name, short name */
	char *s2_paper_id, *s2_title, *s2_pv_type, *s2_pv_name, *s2_pv_short, *s2_pv_id;
	int s2_year, s2_arxiv;
	char **s2_families;
	size_t s2_nfamilies;
	pub__vmatch match; /* filled by pub__vfind when one version is taken */
	char *candidates;  /* JSON array of versions not taken, or NULL */
	int workshop_only; /* the candidates are only workshop versions */
	int failed;
	char *error;
} pub__vpaper;

/* A title folded for comparison: pub__fold_ascii (LaTeX decoded, ASCII,
 * lower case, [a-z0-9] and single spaces), without DBLP's final period and
 * outer spaces.  New string, NULL for NULL. */
char *pub__vtitle_key(const char *title);

/* Folded family names of a BibTeX name list or of display names, with
 * DBLP's homonym numbers ("Arun Kumar 0001") dropped.  *n names. */
char **pub__vfamilies(const char *const *names, size_t nnames, const char *bib_list,
	size_t *n);

/* 1 when a found version may be the paper's published version: same title,
 * a common family name, year from paper year - 1 to + 2 (either unknown:
 * any), not a preprint record. */
int pub__vacceptable(const pub__vpaper *p, const char *key, const char *venue,
	const char *type, const char *title, char **families, size_t nfamilies, int year);

/* Finds p's published version: the record of the DBLP key S2 gave, else a
 * DBLP title search, else (nothing found on DBLP) S2's own publication
 * venue when it is a journal or conference, not a preprint server, and
 * S2's record merged no arXiv preprint (whose year would be the
 * preprint's) and passes the same title, author and year checks.  Sets p->match, or p->candidates when two versions
 * are acceptable or only a workshop version is.  Returns 0 (also when
 * nothing was found), or the error of a failed request. */
int pub__vfind(pub__vpaper *p, pub__http *h);

/* Stores p->match (inside the caller's transaction): the badge with its
 * source and DBLP key, unless a badge was set meanwhile or the user set the
 * venue; the full venue name, pages, DOI (volume, number) into BibTeX
 * fields the entry lacks; an event.  *changed is 1 when it stored. */
int pub__vapply(pub_db *db, const pub__vpaper *p, int *changed);

#endif
